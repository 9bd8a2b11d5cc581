package agora.syntax;

import agora.diagnostics.DiagnosticCode;
import agora.diagnostics.Diagnostics;
import agora.diagnostics.SourceSpan;
import agora.syntax.SyntaxErrors.SyntaxError;
import agora.syntax.internal.AgoraLexer;
import agora.syntax.internal.AgoraParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * diagnostics with 1-based positions; parsing stops at the first error of a file (as Trino's
 * parser does), because what follows a syntax error rarely means what it says.
 */
public final class ScenarioParser {
    /** How often a parse is repeated to find the real error behind a number that ends a line. */
    private static final int MAX_REPARSES = 8;

    private ScenarioParser() {
    }

    /**
     * Parses one file. Reports a syntax error (or an invalid literal) to {@code diagnostics} and
     * returns empty when the file cannot be turned into a syntax tree.
     *
     * @param fileName the name diagnostics use for this file
     */
    public static Optional<ScenarioFile> parse(String fileName, String text, Diagnostics diagnostics) {
        return run(fileName, text, diagnostics, AgoraParser::file,
                tree -> new AstBuilder(fileName, diagnostics).buildFile(tree));
    }

    /**
     * Parses a single expression, such as a value given on the command line ({@code 30 MW}).
     *
     * @param fileName the name diagnostics use for it, e.g. {@code --set capacity}
     */
    public static Optional<Expr> parseExpression(String fileName, String text, Diagnostics diagnostics) {
        return run(fileName, text, diagnostics, AgoraParser::standaloneExpr,
                tree -> new AstBuilder(fileName, diagnostics).buildStandaloneExpr(tree));
    }

    /** A parse tree, or the first syntax error. */
    private record Attempt<C>(C tree, SyntaxError error) {
    }

    /**
     * Parses, and builds the syntax tree when that succeeds.
     *
     * <p>A number at the end of a line followed by a name on the next is ambiguous for the
     * parser only in theory (a unit must stand on the number's line), but ANTLR's prediction
     * looks past the line end and may fail at the number when the real mistake lies further on
     * ({@code count 4}, then {@code consumer market {...}}: 'market' is a keyword). Then the
     * parse is repeated with the number's statement ended explicitly (a ';' after it), which
     * finds the real error; if that error is the ';' itself, the first message stands.
     */
    private static <C extends ParserRuleContext, T> Optional<T> run(String fileName, String text,
            Diagnostics diagnostics, Function<AgoraParser, C> rule, Function<C, T> build) {
        AgoraLexer lexer = new AgoraLexer(CharStreams.fromString(text, fileName));
        lexer.removeErrorListeners();
        CommonTokenStream lexed = new CommonTokenStream(lexer);
        lexed.fill();
        List<Token> tokens = new ArrayList<>(lexed.getTokens());
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
        if (error != null) {
            Token t = error.token();
            int length = t.getType() == Token.EOF ? 1 : t.getStopIndex() - t.getStartIndex() + 1;
            if (t.getType() == AgoraParser.UNTERMINATED_STRING) {
                length = 1; // the opening quote
            }
            diagnostics.error(DiagnosticCode.SYNTAX_ERROR,
                    new SourceSpan(fileName, t.getLine(), t.getCharPositionInLine() + 1, length),
                    error.message(), error.hint());
            return Optional.empty();
        }
        int before = diagnostics.errorCount();
        T result = build.apply(attempt.tree());
        return diagnostics.errorCount() == before ? Optional.ofNullable(result) : Optional.empty();
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
