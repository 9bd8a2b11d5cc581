package agora.syntax;

import agora.diagnostics.DiagnosticCode;
import agora.diagnostics.Diagnostics;
import agora.diagnostics.SourceSpan;
import agora.syntax.SyntaxErrors.SyntaxError;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Parses scenario text into a {@link ScenarioFile}. Syntax errors become {@code E0101}
 * diagnostics with 1-based positions. The parser does not recover inside a statement (as Trino's
 * does not), because what follows a syntax error there rarely means what it says; it resumes at
 * the next top-level statement instead (the next line starting in column 1), so one run reports
 * the syntax errors of every broken statement of a file.
 */
public final class ScenarioParser {
    /** How often a parse is repeated to find the real error behind a number that ends a line. */
    /**
     * How deep collectives may nest, written inside each other (the parser stops there) or
     * listed as members of each other (the compiler checks).
     */
    public static final int MAX_COLLECTIVE_DEPTH = DepthLimitedParser.MAX_COLLECTIVE_DEPTH;
    private static final int MAX_REPARSES = 8;
    /**
     * Syntax errors reported per file before parsing gives up: each resumption parses the rest of
     * the file again, so a file of garbage must not cost a parse per line.
     */
    static final int MAX_SYNTAX_ERRORS = 20;
    /**
     * The most parts of a unit or exponent written one against the other, without a space (names,
     * numbers, signs, '/', '^', '²': {@code $/MW²h} has 5): ANTLR's prediction of a unit looks
     * ahead over the whole run at every part of it, so a run of n parts took n² steps (80,000 '²'
     * glued to a unit: 57 s in agora check, found by the mutation campaign).
     */
    public static final int MAX_GLUED_TOKENS = 256;
    /** The tokens a unit is made of (the grammar's unitPart), and so an exponent. */
    private static final Set<Integer> UNIT_PARTS = Set.of(AgoraParser.IDENTIFIER,
            AgoraParser.CURRENCY_SIGN, AgoraParser.PERCENT, AgoraParser.SLASH, AgoraParser.SQUARED,
            AgoraParser.CARET, AgoraParser.NUMBER);

    private ScenarioParser() {
    }

    /**
     * Parses one file. Reports a syntax error (or an invalid literal) to {@code diagnostics} and
     * returns empty when the file cannot be turned into a syntax tree.
     *
     * @param fileName the name diagnostics use for this file
     */
    public static Optional<ScenarioFile> parse(String fileName, String text, Diagnostics diagnostics) {
        return run(fileName, text, diagnostics, AgoraParser::file, true,
                tree -> new AstBuilder(fileName, diagnostics).buildFile(tree));
    }

    /**
     * Parses a single expression, such as a value given on the command line ({@code 30 MW}).
     *
     * @param fileName the name diagnostics use for it, e.g. {@code --set capacity}
     */
    public static Optional<Expr> parseExpression(String fileName, String text, Diagnostics diagnostics) {
        return run(fileName, text, diagnostics, AgoraParser::standaloneExpr, false,
                tree -> new AstBuilder(fileName, diagnostics).buildStandaloneExpr(tree));
    }

    /** The first token of a run of more than {@link #MAX_GLUED_TOKENS} touching unit parts, or null. */
    private static Token longGluedRun(List<Token> tokens) {
        int run = 1;
        Token first = null;
        Token previous = null;
        for (Token token : tokens) {
            if (token.getType() == Token.EOF) {
                break;
            }
            if (!UNIT_PARTS.contains(token.getType())) {
                previous = null;
                continue;
            }
            if (previous != null && previous.getStopIndex() + 1 == token.getStartIndex()) {
                if (++run > MAX_GLUED_TOKENS) {
                    return first;
                }
            } else {
                run = 1;
                first = token;
            }
            previous = token;
        }
        return null;
    }

    /** A parse tree, or the first syntax error. */
    private record Attempt<C>(C tree, SyntaxError error) {
    }

    /**
     * Parses, and builds the syntax tree when that succeeds; else reports the syntax error and,
     * when {@code resumable}, those of the statements after it (see the class comment).
     */
    private static <C extends ParserRuleContext, T> Optional<T> run(String fileName, String text,
            Diagnostics diagnostics, Function<AgoraParser, C> rule, boolean resumable,
            Function<C, T> build) {
        AgoraLexer lexer = new AgoraLexer(CharStreams.fromString(text, fileName));
        lexer.removeErrorListeners();
        CommonTokenStream lexed = new CommonTokenStream(lexer);
        lexed.fill();
        List<Token> tokens = lexed.getTokens();
        Token glued = longGluedRun(tokens);
        if (glued != null) {
            diagnostics.error(DiagnosticCode.SYNTAX_ERROR, new SourceSpan(fileName, glued.getLine(),
                    glued.getCharPositionInLine() + 1, 1), "a unit or exponent of more than "
                    + MAX_GLUED_TOKENS + " parts written without a space, from "
                    + SyntaxErrors.describe(glued), "no unit needs that many; was a character "
                    + "repeated by mistake?");
            return Optional.empty();
        }
        Attempt<C> attempt = parseOnce(tokens, rule);
        if (attempt.error() == null) {
            int before = diagnostics.errorCount();
            T result = build.apply(attempt.tree());
            return diagnostics.errorCount() == before ? Optional.ofNullable(result) : Optional.empty();
        }
        report(fileName, attempt.error(), diagnostics);
        List<Token> rest = resumable ? nextStatements(tokens, attempt.error().token()) : null;
        for (int reported = 1; rest != null && reported < MAX_SYNTAX_ERRORS; reported++) {
            SyntaxError error = parseOnce(rest, rule).error();
            if (error == null) {
                break;
            }
            report(fileName, error, diagnostics);
            rest = nextStatements(rest, error.token());
        }
        return Optional.empty();
    }

    /**
     * One parse of {@code tokens}. A number at the end of a line followed by a name on the next is
     * ambiguous for the parser only in theory (a unit must stand on the number's line), but
     * ANTLR's prediction looks past the line end and may fail at the number when the real mistake
     * lies further on ({@code count 4}, then {@code consumer market {...}}: 'market' is a
     * keyword). Then the parse is repeated with the number's statement ended explicitly (a ';'
     * after it), which finds the real error; if that error is the ';' itself, the first message
     * stands.
     */
    private static <C extends ParserRuleContext> Attempt<C> parseOnce(List<Token> lexed,
                                                                      Function<AgoraParser, C> rule) {
        List<Token> tokens = new ArrayList<>(lexed);
        Attempt<C> attempt = attempt(tokens, rule);
        SyntaxError error = attempt.error();
        for (int i = 0; i < MAX_REPARSES && attempt.error() != null && attempt.error().endsBefore() != null; i++) {
            Token number = attempt.error().endsBefore();
            int at = indexOf(tokens, number) + 1;
            Token semicolon = semicolonBefore(tokens.get(at));
            tokens.add(at, semicolon);
            attempt = attempt(tokens, rule);
            if (attempt.error() == null || SyntaxErrors.FirstErrorStrategy.isInserted(attempt.error().token())) {
                break;
            }
            error = attempt.error();
        }
        return error == null ? attempt : new Attempt<>(null, error);
    }

    private static void report(String fileName, SyntaxError error, Diagnostics diagnostics) {
        Token t = error.token();
        int length = t.getType() == Token.EOF ? 1 : t.getStopIndex() - t.getStartIndex() + 1;
        if (t.getType() == AgoraParser.UNTERMINATED_STRING) {
            length = 1; // the opening quote
        }
        diagnostics.error(DiagnosticCode.SYNTAX_ERROR,
                new SourceSpan(fileName, t.getLine(), t.getCharPositionInLine() + 1, length),
                error.message(), error.hint());
    }

    /** Tokens that begin a statement other than a peer's (a peer begins with two names). */
    private static final Set<Integer> STATEMENT_KEYWORDS = Set.of(AgoraParser.SCENARIO,
            AgoraParser.CURRENCY, AgoraParser.TIME, AgoraParser.IMPORT, AgoraParser.PARAM,
            AgoraParser.PROFILE, AgoraParser.KIND, AgoraParser.COMMUNITY, AgoraParser.COLLECTIVE,
            AgoraParser.TARIFF, AgoraParser.NETWORK, AgoraParser.MARKET);

    /**
     * The tokens from the first statement after an error at {@code at}: the next line, after the
     * error's, that starts in column 1 (top-level statements do, by the examples' layout) with a
     * statement's first tokens; or the error token itself when it starts such a line and is not
     * where this parse began (a block left open before the next statement). A line that cannot
     * begin a statement ('}' closing the broken block, a unit continued on the next line) belongs
     * to the broken statement. Null when no statement follows.
     */
    private static List<Token> nextStatements(List<Token> tokens, Token at) {
        List<Integer> visible = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).getChannel() == Token.DEFAULT_CHANNEL) {
                visible.add(i);
            }
        }
        for (int k = 0; k < visible.size(); k++) {
            Token t = tokens.get(visible.get(k));
            boolean after = t.getLine() > at.getLine() || (t == at && k > 0);
            if (after && t.getCharPositionInLine() == 0 && beginsStatement(t,
                    k + 1 < visible.size() ? tokens.get(visible.get(k + 1)) : null)) {
                return tokens.subList(visible.get(k), tokens.size());
            }
        }
        return null;
    }

    private static boolean beginsStatement(Token first, Token second) {
        return STATEMENT_KEYWORDS.contains(first.getType()) || (first.getType() == AgoraParser.IDENTIFIER
                && second != null && second.getType() == AgoraParser.IDENTIFIER);
    }

    private static <C extends ParserRuleContext> Attempt<C> attempt(List<Token> tokens, Function<AgoraParser, C> rule) {
        SyntaxErrors.Collector errors = new SyntaxErrors.Collector();
        AgoraParser parser = new DepthLimitedParser(new CommonTokenStream(new ListTokenSource(tokens)));
        parser.removeErrorListeners();
        parser.addErrorListener(errors);
        parser.setErrorHandler(new SyntaxErrors.FirstErrorStrategy(errors));
        try {
            C tree = rule.apply(parser);
            return new Attempt<>(errors.first() == null ? tree : null, errors.first());
        } catch (DepthLimitedParser.TooDeep deep) {
            errors.add(deep.token(), deep.what() + " nested too deeply", deep.what().equals("expression")
                    ? "an expression may nest at most " + deep.limit() + " levels (parentheses, signs,"
                    + " operators, conditionals, calls); name inner parts with 'param' or 'profile'"
                    : "collectives may nest at most " + deep.limit() + " levels");
        } catch (ParseCancellationException stop) {
            // the error is collected
        }
        return new Attempt<>(null, errors.first());
    }

    private static int indexOf(List<Token> tokens, Token token) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i) == token) {
                return i;
            }
        }
        throw new IllegalStateException("token not in the stream: " + token);
    }

    /** A ';' that is not in the text, placed where {@code next} stands. */
    private static Token semicolonBefore(Token next) {
        CommonToken semicolon = new CommonToken(AgoraParser.SEMI, ";");
        semicolon.setLine(next.getLine());
        semicolon.setCharPositionInLine(next.getCharPositionInLine());
        // touches nothing, so it never continues a unit
        semicolon.setStartIndex(-2);
        semicolon.setStopIndex(-3);
        return semicolon;
    }
}
