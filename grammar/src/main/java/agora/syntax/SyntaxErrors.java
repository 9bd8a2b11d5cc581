package agora.syntax;

import agora.diagnostics.Excerpt;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.BufferedTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.FailedPredicateException;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * The first syntax error of a parse, worded for humans: what was found, what could stand there,
 * and a hint where a common slip explains it ({@code #} comments, letters outside a-z in names,
 * a missing name before a keyword, a string without its closing quote).
 */
final class SyntaxErrors {
    /** At most this many tokens are listed in "expected ..."; more read as noise. */
    private static final int MAX_LISTED_TOKENS = 6;

    /** Rule names for humans, used when too many tokens could come next to list them. */
    private static final Map<Integer, String> RULE_NAMES = Map.ofEntries(
            Map.entry(AgoraParser.RULE_file, "a statement"),
            Map.entry(AgoraParser.RULE_statement, "a statement"),
            Map.entry(AgoraParser.RULE_moduleName, "a module name"),
            Map.entry(AgoraParser.RULE_peer, "a peer"),
            Map.entry(AgoraParser.RULE_body, "a property"),
            Map.entry(AgoraParser.RULE_property, "a property"),
            Map.entry(AgoraParser.RULE_preference, "a preference"),
            Map.entry(AgoraParser.RULE_collective, "a collective"),
            Map.entry(AgoraParser.RULE_collectiveItem, "a peer, collective, member list or preference"),
            Map.entry(AgoraParser.RULE_tariffItem, "a tariff item"),
            Map.entry(AgoraParser.RULE_networkItem, "'bus', 'slack bus' or 'line'"),
            Map.entry(AgoraParser.RULE_lineProperty, "a line property"),
            Map.entry(AgoraParser.RULE_marketItem, "a market setting"),
            Map.entry(AgoraParser.RULE_designName, "a market design"),
            Map.entry(AgoraParser.RULE_expr, "an expression"),
            Map.entry(AgoraParser.RULE_standaloneExpr, "an expression"),
            Map.entry(AgoraParser.RULE_primary, "an expression"),
            Map.entry(AgoraParser.RULE_argument, "an argument"),
            Map.entry(AgoraParser.RULE_unit, "a unit"),
            Map.entry(AgoraParser.RULE_unitPart, "a unit"),
            Map.entry(AgoraParser.RULE_identifier, "a name"));

    /** What a block holds, by the parse context of its loop: "expected a property or '}'". */
    private static final Map<Class<?>, String> BLOCK_ITEMS = Map.of(
            AgoraParser.BodyContext.class, "a property",
            AgoraParser.CollectiveContext.class, "a peer, collective, member list, preference",
            AgoraParser.TariffStatementContext.class, "a tariff item",
            AgoraParser.NetworkStatementContext.class, "'bus', 'slack bus', 'line'",
            AgoraParser.MarketStatementContext.class, "a market setting",
            AgoraParser.LineItemContext.class, "a line property");

    /** Keywords that may also name things (the grammar's identifier rule). */
    private static final Set<Integer> SOFT_KEYWORDS = Set.of(AgoraParser.PRICE, AgoraParser.FROM,
            AgoraParser.TO, AgoraParser.STEP, AgoraParser.COUNT, AgoraParser.LIMIT, AgoraParser.TRADE,
            AgoraParser.EVERY, AgoraParser.CHARGE, AgoraParser.PER, AgoraParser.HOP, AgoraParser.REACTANCE,
            AgoraParser.IMPEDANCE, AgoraParser.DISTANCE, AgoraParser.PARTNER, AgoraParser.POOL,
            AgoraParser.BILATERAL, AgoraParser.DESIGN, AgoraParser.TOLERANCE, AgoraParser.THREADS,
            AgoraParser.RHO, AgoraParser.ITERATIONS, AgoraParser.CENTRALIZED, AgoraParser.ADMM,
            AgoraParser.WITH, AgoraParser.BY, AgoraParser.AT, AgoraParser.CLEARS, AgoraParser.LINE,
            AgoraParser.SLACK);

    /**
     * A soft keyword and the tokens that follow it when it is used as a keyword: when the parser
     * took it for a name and then stumbles over such a token, the name before it is missing
     * ({@code producer at bus 3}).
     */
    /** The words that begin an item of the market block. */
    private static final Set<Integer> MARKET_ITEMS = Set.of(AgoraParser.DESIGN, AgoraParser.SOLVE,
            AgoraParser.LIMIT, AgoraParser.TOLERANCE, AgoraParser.THREADS, AgoraParser.RHO,
            AgoraParser.ITERATIONS);

    private static final Map<Integer, Set<Integer>> KEYWORD_PAIRS = Map.of(
            AgoraParser.AT, Set.of(AgoraParser.BUS),
            AgoraParser.CLEARS, Set.of(AgoraParser.POOL, AgoraParser.BILATERAL),
            AgoraParser.FROM, Set.of(AgoraParser.NUMBER, AgoraParser.DATETIME));

    /**
     * Words that read as units (MW, kWh, h, min, s, ...) or begin one ($/MWh, EUR/MWh): only then
     * is a number at the end of a line taken to have lost its unit to the next line.
     */
    private static final Pattern UNIT_WORD = Pattern.compile("[kMG]?Wh?|h|min|s");

    private SyntaxErrors() {
    }

    /**
     * One syntax error.
     *
     * @param token      the token it is reported at
     * @param hint       advice shown under the caret, or null
     * @param endsBefore a number after which the statement should be read as ended before the
     *                   error is looked for again (see {@link ScenarioParser}), or null
     */
    record SyntaxError(Token token, String message, String hint, Token endsBefore) {
    }

    /** Keeps the first syntax error of a parse; ANTLR's own notifications arrive as a listener. */
    static final class Collector extends BaseErrorListener {
        private SyntaxError first;

        SyntaxError first() {
            return first;
        }

        void add(Token token, String message, String hint) {
            add(new SyntaxError(token, message, hint, null));
        }

        void add(SyntaxError error) {
            if (first == null) {
                first = error;
            }
        }

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line,
                                int charPositionInLine, String msg, RecognitionException e) {
            if (offendingSymbol instanceof Token t) {
                add(t, msg, null);
            }
        }
    }

    /**
     * Reports the first error with a message for humans and stops: no recovery, so no follow-up
     * errors that only confuse.
     */
    static final class FirstErrorStrategy extends DefaultErrorStrategy {
        private final Collector errors;

        FirstErrorStrategy(Collector errors) {
            this.errors = errors;
        }

        @Override
        public void recover(Parser recognizer, RecognitionException e) {
            throw new ParseCancellationException(e);
        }

        @Override
        public Token recoverInline(Parser recognizer) {
            InputMismatchException e = new InputMismatchException(recognizer);
            reportInputMismatch(recognizer, e);
            throw new ParseCancellationException(e);
        }

        @Override
        public void sync(Parser recognizer) {
            // no resynchronisation: the first error stops the parse
        }

        @Override
        protected void reportNoViableAlternative(Parser recognizer, NoViableAltException e) {
            Token offending = e.getOffendingToken();
            Token next = following(recognizer.getInputStream(), offending);
            if (offending.getType() == AgoraParser.NUMBER && next != null && next.getLine() > offending.getLine()
                    && (next.getType() == AgoraParser.IDENTIFIER || next.getType() == AgoraParser.CURRENCY_SIGN)) {
                // the unit of a number cannot stand on the next line, so the number ends there
                String message = "a unit must stand on the same line as its number: " + describe(offending)
                        + " ends line " + offending.getLine() + ", " + describe(next) + " begins line "
                        + next.getLine();
                boolean unit = mayBeUnit(next, following(recognizer.getInputStream(), next));
                errors.add(new SyntaxError(offending, message, null, unit ? null : offending));
                return;
            }
            report(recognizer, offending, e.getExpectedTokens());
        }

        @Override
        protected void reportInputMismatch(Parser recognizer, InputMismatchException e) {
            report(recognizer, e.getOffendingToken(), e.getExpectedTokens());
        }

        @Override
        protected void reportFailedPredicate(Parser recognizer, FailedPredicateException e) {
            Token token = e.getOffendingToken();
            errors.add(token, "a unit must stand on the same line as its number, found "
                    + describe(token), null);
        }

        private void report(Parser recognizer, Token found, IntervalSet expected) {
            // a ';' the parser added after a number (see ScenarioParser) is not the user's: the
            // token after it is what the user wrote there
            Token offending = isInserted(found) ? following(recognizer.getInputStream(), found) : found;
            if (offending.getType() == AgoraParser.UNTERMINATED_STRING) {
                errors.add(offending, "unclosed string", "a string ends with '\"' on the line it begins");
                return;
            }
            String text = offending.getText();
            if (offending.getType() == AgoraParser.UNKNOWN_CHARACTER && text.equals("#")) {
                errors.add(offending, "unexpected '#', expected " + expectation(recognizer, expected),
                        "comments start with // (to the end of the line) or stand between /* and */");
                return;
            }
            if (offending.getType() == AgoraParser.UNKNOWN_CHARACTER && Character.isLetter(text.codePointAt(0))) {
                errors.add(offending, "unexpected '" + Excerpt.quote(text) + "' in a name",
                        "names use the letters a-z and A-Z, digits and _");
                return;
            }
            Token previous = preceding(recognizer.getInputStream(), offending);
            if (offending.getType() == AgoraParser.ASSIGN && previous != null
                    && MARKET_ITEMS.contains(previous.getType())) {
                // 'design = full': properties take '=', the market block's items do not
                errors.add(offending, "unexpected '=' after " + describe(previous),
                        "the market block's items take no '=': write 'design full', 'tolerance 1e-6'");
                return;
            }
            if (previous != null && SOFT_KEYWORDS.contains(previous.getType())
                    && (expected != null && expected.contains(previous.getType())
                    || KEYWORD_PAIRS.getOrDefault(previous.getType(), Set.of()).contains(offending.getType()))) {
                // 'community clears pool': the keyword was taken for the missing name
                Token before = preceding(recognizer.getInputStream(), previous);
                errors.add(previous, "expected a name" + (before == null ? "" : " after " + describe(before))
                        + ", found " + describe(previous), null);
                return;
            }
            if (within(recognizer, AgoraParser.NetworkChargeContext.class) && expected != null
                    && expected.contains(AgoraParser.PER)) {
                // the value of a network charge may go on with its unit, but 'per' must follow
                errors.add(offending, "unexpected " + describe(offending)
                        + ", expected 'per hop', 'per reactance' or 'per impedance'",
                        "a network charge is priced per unit of electrical distance: "
                                + "'network charge = 0.5 $/MWh per hop'");
                return;
            }
            if (within(recognizer, AgoraParser.TimeStatementContext.class) && expected != null
                    && expected.contains(AgoraParser.COUNT)) {
                errors.add(offending, "unexpected " + describe(offending)
                        + ", expected 'count' and the number of steps",
                        "the horizon is 'time from START step LENGTH count N', e.g. "
                                + "'step 1 h count 168' for 7 days");
                return;
            }
            errors.add(offending, "unexpected " + describe(offending) + ", expected "
                    + expectation(recognizer, expected), null);
        }

        /** Whether the parser stands inside a rule of that kind (a soft keyword may be expected anywhere). */
        private static boolean within(Parser recognizer, Class<? extends ParserRuleContext> rule) {
            for (ParserRuleContext ctx = recognizer.getContext(); ctx != null; ctx = ctx.getParent()) {
                if (rule.isInstance(ctx)) {
                    return true;
                }
            }
            return false;
        }

        /** A token not in the text: it has no characters. */
        static boolean isInserted(Token token) {
            return token.getStartIndex() < 0 && token.getType() != Token.EOF;
        }

        private static Token following(TokenStream tokens, Token token) {
            if (tokens instanceof BufferedTokenStream buffered) {
                buffered.fill(); // tokens past the parser's lookahead are not fetched yet
            }
            return token.getTokenIndex() + 1 < tokens.size() ? tokens.get(token.getTokenIndex() + 1) : null;
        }

        private static Token preceding(TokenStream tokens, Token token) {
            return token.getTokenIndex() > 0 ? tokens.get(token.getTokenIndex() - 1) : null;
        }

        /** A currency sign, a unit word, or a word glued to '/' ({@code EUR/MWh}). */
        private static boolean mayBeUnit(Token token, Token after) {
            boolean glued = after != null && after.getType() == AgoraParser.SLASH
                    && after.getStartIndex() == token.getStopIndex() + 1;
            return token.getType() == AgoraParser.CURRENCY_SIGN || glued
                    || UNIT_WORD.matcher(token.getText()).matches();
        }

        private static String expectation(Parser recognizer, IntervalSet expected) {
            List<Integer> types = expected == null ? List.of() : expected.toList();
            if (types.equals(List.of(AgoraParser.RBRACE)) && recognizer.getCurrentToken().getType() != Token.EOF) {
                // the loop over a block's items has ended: another item may stand here, too
                // (at the end of the file, though, the '}' is what is missing)
                String items = BLOCK_ITEMS.get(recognizer.getContext().getClass());
                if (items != null) {
                    return items + " or '}'";
                }
            }
            if (types.equals(List.of(Token.EOF)) && recognizer.getContext() instanceof AgoraParser.FileContext) {
                return "a statement"; // the loop over statements has ended
            }
            if (types.isEmpty() || types.size() > MAX_LISTED_TOKENS) {
                ParserRuleContext ctx = recognizer.getContext();
                return RULE_NAMES.getOrDefault(ctx == null ? -1 : ctx.getRuleIndex(), "something else");
            }
            List<String> names = types.stream()
                    .map(t -> displayName(recognizer, t)).distinct().toList();
            if (names.size() == 1) {
                return names.get(0);
            }
            return String.join(", ", names.subList(0, names.size() - 1)) + " or "
                    + names.get(names.size() - 1);
        }

        private static String displayName(Parser recognizer, int type) {
            return switch (type) {
                case Token.EOF -> "end of file";
                case AgoraParser.NUMBER -> "a number";
                case AgoraParser.STRING -> "a string";
                case AgoraParser.IDENTIFIER -> "a name";
                case AgoraParser.DATETIME -> "a date and time (2012-07-01 00:00)";
                case AgoraParser.CURRENCY_SIGN -> "a currency sign";
                default -> recognizer.getVocabulary().getLiteralName(type) != null
                        ? recognizer.getVocabulary().getLiteralName(type)
                        : recognizer.getVocabulary().getDisplayName(type);
            };
        }
    }

    /** How a message quotes a token. */
    static String describe(Token token) {
        if (token == null || token.getType() == Token.EOF) {
            return "end of file";
        }
        return "'" + Excerpt.quote(token.getText().replace("\n", "\\n")) + "'";
    }
}
