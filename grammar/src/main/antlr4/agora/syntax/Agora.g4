/*
 * The Agora scenario language.
 *
 * Every alternative that builds a different AST node is labelled, so the generated visitor has one
 * method per form and agora.syntax.AstBuilder stays a flat list of small methods. The generated
 * classes are package-private in agora.syntax (the build removes their 'public'): not API, only
 * AstBuilder, ScenarioParser and the error handling use them.
 *
 * Layout is free: statements and properties end where the next one begins; ';' may separate them.
 * A unit belongs to the number before it when it starts on the same line; the parts of a unit
 * ($/MWh, MW²h, $/MW^2h) are written without spaces between them, so `10 MW / x` divides by x.
 */
grammar Agora;

@parser::members {
    /** The number ahead (LT(1)) and the token after it are on one line: that token starts its unit. */
    private boolean unitOnSameLine() {
        return _input.LT(1).getLine() == _input.LT(2).getLine();
    }

    /** The token ahead touches the previous one, with no space between: it continues a unit. */
    private boolean touchesPrevious() {
        Token previous = _input.LT(-1);
        return previous != null && previous.getStopIndex() + 1 == _input.LT(1).getStartIndex();
    }
}

file
    : (statement | SEMI)* EOF
    ;

// A value given on the command line (--set name=value).
standaloneExpr
    : expr EOF
    ;

statement
    : SCENARIO STRING                                             #scenarioStatement
    | CURRENCY STRING                                             #currencyStatement
    | TIME FROM DATETIME STEP expr COUNT expr                      #timeStatement
    | IMPORT moduleName                                           #importModuleStatement
    | IMPORT STRING                                               #importFileStatement
    | PARAM identifier ASSIGN expr                                #paramStatement
    | PROFILE identifier ASSIGN expr                              #profileStatement
    | KIND identifier COLON identifier body?                      #kindStatement
    | peer                                                        #peerStatement
    | collective                                                  #collectiveStatement
    | TARIFF LBRACE (tariffItem | SEMI)* RBRACE                    #tariffStatement
    | NETWORK LBRACE (networkItem | SEMI)* RBRACE                  #networkStatement
    | MARKET LBRACE (marketItem | SEMI)* RBRACE                    #marketStatement
    ;

moduleName
    : identifier (DOT identifier)*
    ;

// producer|consumer|prosumer|grid|<kind> NAME at bus N { ... }
peer
    : kind=identifier name=identifier (AT BUS NUMBER)? body?
    ;

body
    : LBRACE (property | SEMI)* RBRACE
    ;

property
    : BOUNDS ASSIGN lower=expr RANGE upper=expr                   #boundsProperty
    | ENERGY identifier (COMMA identifier)*                       #energyProperty
    | IMPORT PRICE ASSIGN expr                                    #importPriceProperty
    | EXPORT PRICE ASSIGN expr                                    #exportPriceProperty
    | preference                                                  #preferenceProperty
    | identifier ASSIGN expr                                      #assignProperty
    ;

preference
    : PREFERS ENERGY identifier BY expr                           #energyPreference
    | PREFERS (COLLECTIVE | COMMUNITY) identifier BY expr         #collectivePreference
    | PREFERS PARTNER identifier BY expr                          #partnerPreference
    | PREFERS DISTANCE BY expr                                    #distancePreference
    ;

collective
    : keyword=(COMMUNITY | COLLECTIVE) identifier CLEARS clearing=(POOL | BILATERAL)
      LBRACE (collectiveItem | SEMI)* RBRACE
    ;

collectiveItem
    : collective                                                  #nestedCollective
    | MEMBER identifier (COMMA identifier)*                       #memberList
    | preference                                                  #collectivePreferenceItem
    | peer                                                        #memberPeer
    ;

tariffItem
    : FEE EVERY TRADE ASSIGN expr                                 #tradeFee
    | FEE first=identifier BOTH_WAYS second=identifier ASSIGN expr #collectiveFee
    | NETWORK CHARGE ASSIGN expr PER metric=(HOP | REACTANCE | IMPEDANCE) #networkCharge
    ;

networkItem
    : BUS first=NUMBER (RANGE last=NUMBER)?                       #busItem
    | SLACK BUS bus=NUMBER                                        #slackItem
    | LINE identifier FROM from=NUMBER TO to=NUMBER
      (LBRACE (lineProperty | SEMI | COMMA)* RBRACE)?            #lineItem
    ;

lineProperty
    : identifier ASSIGN expr
    ;

marketItem
    : DESIGN designName                                           #designItem
    | SOLVE CENTRALIZED (WITH identifier)?                        #solveCentralizedItem
    | SOLVE ADMM                                                  #solveAdmmItem
    | TIME LIMIT expr                                             #timeLimitItem
    | option=(TOLERANCE | THREADS | RHO | ITERATIONS | WINDOW | COMMIT) expr #optionItem
    ;

// `community` is a keyword elsewhere but also the name of a market design.
designName
    : identifier | COMMUNITY | COLLECTIVE
    ;

// Highest precedence first: ANTLR gives earlier alternatives of a left-recursive rule priority.
expr
    : primary                                                     #primaryExpr
    | expr (SQUARED | CARET exponent=NUMBER)                      #powerExpr
    | MINUS expr                                                  #negateExpr
    | expr op=(STAR | SLASH) expr                                 #multiplyExpr
    | expr op=(PLUS | MINUS) expr                                 #addExpr
    | expr op=(EQUAL | NOT_EQUAL | LESS | LESS_EQUAL | GREATER | GREATER_EQUAL) expr #compareExpr
    | <assoc=right> expr QUESTION expr COLON expr                 #conditionalExpr
    ;

primary
    : {unitOnSameLine()}? NUMBER unit                             #quantityLiteral
    | NUMBER                                                      #numberLiteral
    | STRING                                                      #stringLiteral
    | identifier LPAREN (argument (COMMA argument)*)? RPAREN      #callExpr
    | identifier                                                  #nameExpr
    | LPAREN expr RPAREN                                          #parenExpr
    ;

argument
    : (identifier COLON)? expr
    ;

// The words of a unit; agora.units.Units checks what they mean.
unit
    : (IDENTIFIER | CURRENCY_SIGN | PERCENT) ({touchesPrevious()}? unitPart)*
    ;

unitPart
    : IDENTIFIER | CURRENCY_SIGN | PERCENT | SLASH | SQUARED | CARET | NUMBER
    ;

// Words that are keywords only where they are expected and may name things elsewhere.
identifier
    : IDENTIFIER
    | PRICE | FROM | TO | STEP | COUNT | LIMIT | TRADE | EVERY | CHARGE | PER | HOP | REACTANCE
    | IMPEDANCE | DISTANCE | PARTNER | POOL | BILATERAL | DESIGN | TOLERANCE | THREADS | RHO
    | ITERATIONS | CENTRALIZED | ADMM | WITH | BY | AT | CLEARS | LINE | SLACK | WINDOW | COMMIT
    ;

// ---------------------------------------------------------------------------------- lexer

SCENARIO: 'scenario';
CURRENCY: 'currency';
TIME: 'time';
FROM: 'from';
STEP: 'step';
COUNT: 'count';
IMPORT: 'import';
EXPORT: 'export';
PARAM: 'param';
PROFILE: 'profile';
KIND: 'kind';
AT: 'at';
BUS: 'bus';
BOUNDS: 'bounds';
ENERGY: 'energy';
PRICE: 'price';
PREFERS: 'prefers';
COLLECTIVE: 'collective';
COMMUNITY: 'community';
PARTNER: 'partner';
DISTANCE: 'distance';
BY: 'by';
CLEARS: 'clears';
POOL: 'pool';
BILATERAL: 'bilateral';
MEMBER: 'member';
TARIFF: 'tariff';
FEE: 'fee';
EVERY: 'every';
TRADE: 'trade';
NETWORK: 'network';
CHARGE: 'charge';
PER: 'per';
HOP: 'hop';
REACTANCE: 'reactance';
IMPEDANCE: 'impedance';
LINE: 'line';
SLACK: 'slack';
TO: 'to';
MARKET: 'market';
DESIGN: 'design';
SOLVE: 'solve';
CENTRALIZED: 'centralized';
WITH: 'with';
ADMM: 'admm';
TOLERANCE: 'tolerance';
LIMIT: 'limit';
THREADS: 'threads';
RHO: 'rho';
ITERATIONS: 'iterations';
WINDOW: 'window';
COMMIT: 'commit';

// 2012-07-01 00:00 is one token, so a clock time never reads as numbers and a colon.
DATETIME: DIGIT DIGIT DIGIT DIGIT '-' DIGIT DIGIT '-' DIGIT DIGIT ([ T] DIGIT DIGIT ':' DIGIT DIGIT)?;
NUMBER: DIGIT+ ('.' DIGIT+)? ([eE] [+-]? DIGIT+)?;
STRING: '"' (~["\\\r\n] | '\\' .)* '"';
// A string whose closing quote is missing on its line: one token, so the error points at the
// opening quote instead of at whatever the rest of the line happens to lex as.
UNTERMINATED_STRING: '"' (~["\\\r\n] | '\\' ~[\r\n])*;
IDENTIFIER: [a-zA-Z_] [a-zA-Z_0-9]*;
CURRENCY_SIGN: [\p{Sc}];

BOTH_WAYS: '<->';
RANGE: '..';
DOT: '.';
COMMA: ',';
COLON: ':';
SEMI: ';';
LBRACE: '{';
RBRACE: '}';
LPAREN: '(';
RPAREN: ')';
ASSIGN: '=';
EQUAL: '==';
NOT_EQUAL: '!=';
LESS_EQUAL: '<=';
GREATER_EQUAL: '>=';
LESS: '<';
GREATER: '>';
QUESTION: '?';
PLUS: '+';
MINUS: '-';
STAR: '*';
SLASH: '/';
CARET: '^';
SQUARED: '²';
PERCENT: '%';

LINE_COMMENT: '//' ~[\r\n]* -> skip;
BLOCK_COMMENT: '/*' .*? '*/' -> skip;
WHITESPACE: [ \t\r\n\u000C]+ -> skip;
// Anything else is one bad character: the parser reports it where it stands.
UNKNOWN_CHARACTER: .;

fragment DIGIT: [0-9];
