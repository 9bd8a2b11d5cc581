package agora.syntax;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * The generated parser with a limit on nesting. Parentheses, signs, conditionals and call
 * arguments nest expressions, collectives nest collectives; the parser, the AST builder and the
 * compiler descend into them recursively, so an absurdly deep nest would overflow the stack at a
 * depth that depends on the JVM. This limit is deterministic and the error has a position, like
 * Python's "too many nested parentheses" (200 levels there).
 *
 * <p>Long left-associative chains ({@code 1 + 1 + ... + 1}) do not count: ANTLR parses them in a
 * loop and the later stages walk them in loops too.
 */
final class DepthLimitedParser extends AgoraParser {
    /** Expressions inside expressions: far beyond anything written by hand. */
    static final int MAX_EXPRESSION_DEPTH = 256;
    /** Collectives inside collectives. */
    static final int MAX_COLLECTIVE_DEPTH = 64;

    /** Where the limit was crossed: reported by {@link ScenarioParser} as a syntax error. */
    static final class TooDeep extends ParseCancellationException {
        private static final long serialVersionUID = 1L;
        private final transient Token token;
        private final String what;
        private final int limit;

        TooDeep(Token token, String what, int limit) {
            this.token = token;
            this.what = what;
            this.limit = limit;
        }

        Token token() {
            return token;
        }

        String what() {
            return what;
        }

        int limit() {
            return limit;
        }
    }

    private int expressionDepth;
    private int collectiveDepth;

    DepthLimitedParser(TokenStream input) {
        super(input);
    }

    @Override
    public void enterRecursionRule(ParserRuleContext localctx, int state, int ruleIndex, int precedence) {
        // expr is the only left-recursive rule; unrollRecursionContexts closes each call
        if (++expressionDepth > MAX_EXPRESSION_DEPTH) {
            throw new TooDeep(getCurrentToken(), "expression", MAX_EXPRESSION_DEPTH);
        }
        super.enterRecursionRule(localctx, state, ruleIndex, precedence);
    }

    @Override
    public void unrollRecursionContexts(ParserRuleContext parentctx) {
        expressionDepth--;
        super.unrollRecursionContexts(parentctx);
    }

    @Override
    public void enterRule(ParserRuleContext localctx, int state, int ruleIndex) {
        if (ruleIndex == RULE_collective && ++collectiveDepth > MAX_COLLECTIVE_DEPTH) {
            throw new TooDeep(getCurrentToken(), "collective", MAX_COLLECTIVE_DEPTH);
        }
        super.enterRule(localctx, state, ruleIndex);
    }

    @Override
    public void exitRule() {
        if (getContext() != null && getContext().getRuleIndex() == RULE_collective) {
            collectiveDepth--;
        }
        super.exitRule();
    }
}
