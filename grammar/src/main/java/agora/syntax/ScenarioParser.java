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
        Collector errors = new Collector();
        AgoraLexer lexer = new AgoraLexer(CharStreams.fromString(text, fileName));
        lexer.removeErrorListeners();
        AgoraParser parser = new DepthLimitedParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.addErrorListener(errors);
        parser.setErrorHandler(new FirstErrorStrategy(errors));
        int before = diagnostics.errorCount();
        T result;
        try {
            result = build.apply(parser);
        } catch (DepthLimitedParser.TooDeep deep) {
            errors.add(deep.token(), deep.what() + " nested too deeply", deep.what().equals("expression")
                    ? "an expression may nest at most " + deep.limit() + " levels (parentheses, signs,"
                    + " operators, conditionals, calls); name inner parts with 'param' or 'profile'"
                    : "collectives may nest at most " + deep.limit() + " levels");
            result = null;
        } catch (ParseCancellationException stop) {
            result = null;
        }
        SyntaxError e = errors.first();
        if (e != null) {
            diagnostics.error(DiagnosticCode.SYNTAX_ERROR,
                    new SourceSpan(fileName, e.line(), e.column(), e.length()), e.message(), e.hint());
        }
        return e == null && diagnostics.errorCount() == before
                ? Optional.ofNullable(result) : Optional.empty();
    }

    /** @param hint advice shown under the caret, or null */
    private record SyntaxError(int line, int column, int length, String message, String hint) {
    }

    /**
     * Keeps the first syntax error of a file, with ANTLR's 0-based column made 1-based. The error
     * strategy reports through {@link #add}; ANTLR's own notifications arrive as a listener.
     */
    private static final class Collector extends BaseErrorListener {
        private SyntaxError first;

        SyntaxError first() {
            return first;
        }

        void add(Token offending, String message, String hint) {
            if (first != null) {
                return;
            }
            int length = 1;
            if (offending != null && offending.getType() != Token.EOF) {
                length = offending.getStopIndex() - offending.getStartIndex() + 1;
            }
            int line = offending == null ? 1 : offending.getLine();
            int column = offending == null ? 1 : offending.getCharPositionInLine() + 1;
            first = new SyntaxError(line, column, length, message, hint);
        }

        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line,
                                int charPositionInLine, String msg, RecognitionException e) {
            if (offendingSymbol instanceof Token t) {
                add(t, msg, null);
            } else if (first == null) {
                first = new SyntaxError(line, charPositionInLine + 1, 1, msg, null);
            }
        }
    }

    /**
     * Reports the first error with a message for humans and stops: no recovery, so no follow-up
     * errors that only confuse.
     */
    private static final class FirstErrorStrategy extends DefaultErrorStrategy {
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
            Token next = offending.getTokenIndex() + 1 < recognizer.getInputStream().size()
                    ? recognizer.getInputStream().get(offending.getTokenIndex() + 1) : null;
            if (offending.getType() == AgoraParser.NUMBER && next != null && next.getLine() > offending.getLine()
                    && (next.getType() == AgoraParser.IDENTIFIER || next.getType() == AgoraParser.CURRENCY_SIGN)) {
                errors.add(offending, "a unit must stand on the same line as its number: "
                        + describe(offending) + " ends line " + offending.getLine() + ", " + describe(next)
                        + " begins line " + next.getLine(), null);
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

        private void report(Parser recognizer, Token offending, IntervalSet expected) {
            String message = "unexpected " + describe(offending) + ", expected "
                    + expectation(recognizer, expected);
            errors.add(offending, message, null);
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
