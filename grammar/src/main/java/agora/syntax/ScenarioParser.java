package agora.syntax;

import agora.diagnostics.DiagnosticCode;
import agora.diagnostics.Diagnostics;
import agora.diagnostics.SourceSpan;
import agora.syntax.internal.AgoraLexer;
import agora.syntax.internal.AgoraParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.FailedPredicateException;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Parses scenario text into a {@link ScenarioFile}. Syntax errors become {@code E0101}
 * diagnostics with 1-based positions; parsing stops at the first error of a file (as Trino's
 * parser does), because what follows a syntax error rarely means what it says.
 */
public final class ScenarioParser {
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
            Map.entry(AgoraParser.RULE_networkItem, "'bus' or 'line'"),
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

    private ScenarioParser() {
    }

    /**
     * Parses one file. Reports a syntax error (or an invalid literal) to {@code diagnostics} and
     * returns empty when the file cannot be turned into a syntax tree.
     *
     * @param fileName the name diagnostics use for this file
     */
    public static Optional<ScenarioFile> parse(String fileName, String text, Diagnostics diagnostics) {
        return run(fileName, text, diagnostics,
                parser -> new AstBuilder(fileName, diagnostics).buildFile(parser.file()));
    }

    /**
     * Parses a single expression, such as a value given on the command line ({@code 30 MW}).
     *
     * @param fileName the name diagnostics use for it, e.g. {@code --set capacity}
     */
    public static Optional<Expr> parseExpression(String fileName, String text, Diagnostics diagnostics) {
        return run(fileName, text, diagnostics,
                parser -> new AstBuilder(fileName, diagnostics).buildStandaloneExpr(parser.standaloneExpr()));
    }

    private static <T> Optional<T> run(String fileName, String text, Diagnostics diagnostics,
                                       Function<AgoraParser, T> build) {
        List<SyntaxError> errors = new ArrayList<>();
        AgoraLexer lexer = new AgoraLexer(CharStreams.fromString(text, fileName));
        lexer.removeErrorListeners();
        AgoraParser parser = new AgoraParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.addErrorListener(new Collector(errors));
        parser.setErrorHandler(new FirstErrorStrategy());
        int before = diagnostics.errorCount();
        T result;
        try {
            result = build.apply(parser);
        } catch (ParseCancellationException stop) {
            result = null;
        }
        for (SyntaxError e : errors) {
            diagnostics.error(DiagnosticCode.SYNTAX_ERROR,
                    new SourceSpan(fileName, e.line(), e.column(), e.length()), e.message());
        }
        return errors.isEmpty() && diagnostics.errorCount() == before
                ? Optional.ofNullable(result) : Optional.empty();
    }

    private record SyntaxError(int line, int column, int length, String message) {
    }

    /** Keeps the first syntax error of a file, with ANTLR's 0-based column made 1-based. */
    private static final class Collector extends BaseErrorListener {
        private final List<SyntaxError> errors;

        Collector(List<SyntaxError> errors) {
            this.errors = errors;
        }

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line,
                                int charPositionInLine, String msg, RecognitionException e) {
            if (!errors.isEmpty()) {
                return;
            }
            int length = 1;
            if (offendingSymbol instanceof Token t && t.getType() != Token.EOF) {
                length = t.getStopIndex() - t.getStartIndex() + 1;
            }
            errors.add(new SyntaxError(line, charPositionInLine + 1, length, msg));
        }
    }

    /**
     * Reports the first error with a message for humans and stops: no recovery, so no follow-up
     * errors that only confuse.
     */
    private static final class FirstErrorStrategy extends DefaultErrorStrategy {

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
            Token next = offending.getTokenIndex() + 1 < recognizer.getInputStream().size()
                    ? recognizer.getInputStream().get(offending.getTokenIndex() + 1) : null;
            if (offending.getType() == AgoraParser.NUMBER && next != null && next.getLine() > offending.getLine()
                    && (next.getType() == AgoraParser.IDENTIFIER || next.getType() == AgoraParser.CURRENCY_SIGN)) {
                recognizer.notifyErrorListeners(offending, "a unit must stand on the same line as its number: "
                        + describe(offending) + " ends line " + offending.getLine() + ", " + describe(next)
                        + " begins line " + next.getLine(), e);
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
            recognizer.notifyErrorListeners(token,
                    "a unit must stand on the same line as its number, found "
                            + describe(token), e);
        }

        private static void report(Parser recognizer, Token offending, IntervalSet expected) {
            String message = "unexpected " + describe(offending) + ", expected "
                    + expectation(recognizer, expected);
            recognizer.notifyErrorListeners(offending, message, null);
        }

        private static String expectation(Parser recognizer, IntervalSet expected) {
            List<Integer> types = expected == null ? List.of() : expected.toList();
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

        private static String describe(Token token) {
            if (token == null || token.getType() == Token.EOF) {
                return "end of file";
            }
            return "'" + token.getText().replace("\n", "\\n") + "'";
        }
    }
}
