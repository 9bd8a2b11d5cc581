package agora.syntax;

import agora.diagnostics.SourceSpan;
import java.util.List;

/**
 * An expression: a value of a parameter, profile, property, tariff or option. Expressions are
 * evaluated by the compiler, which knows names, units and the time axis; here they are only
 * shapes.
 */
public sealed interface Expr permits Expr.NumberLiteral, Expr.QuantityLiteral, Expr.StringLiteral,
        Expr.Name, Expr.Call, Expr.Negate, Expr.Power, Expr.Binary, Expr.Conditional {

    SourceSpan span();

    /** A plain number such as {@code 0.8} or {@code 1e-4}. */
    record NumberLiteral(SourceSpan span, double value) implements Expr {
    }

    /**
     * A number with a unit, such as {@code 30 min} or {@code 7.3 $/MW²h}.
     *
     * @param value    the number as written (not yet converted)
     * @param unit     the unit text as written, without spaces
     * @param unitSpan where the unit stands, for "unknown unit" carets
     */
    record QuantityLiteral(SourceSpan span, double value, String unit, SourceSpan unitSpan)
            implements Expr {
    }

    /** A string with escapes already resolved. */
    record StringLiteral(SourceSpan span, String value) implements Expr {
    }

    /** A reference to a parameter, profile, template property or the cost variable {@code p}. */
    record Name(SourceSpan span, String name) implements Expr {
    }

    /** {@code csv(...)} or a generator such as {@code solar(capacity: 30 MW, seed: 7)}. */
    record Call(SourceSpan span, Identifier function, List<Argument> arguments) implements Expr {
    }

    /**
     * One argument of a call.
     *
     * @param name the argument's name, or null for a positional argument
     */
    record Argument(SourceSpan span, Identifier name, Expr value) {
    }

    /** Unary minus. */
    record Negate(SourceSpan span, Expr operand) implements Expr {
    }

    /** {@code x²} or {@code x^n}. */
    record Power(SourceSpan span, Expr base, int exponent) implements Expr {
    }

    record Binary(SourceSpan span, Operator operator, Expr left, Expr right) implements Expr {
    }

    /** {@code condition ? whenTrue : whenFalse}. */
    record Conditional(SourceSpan span, Expr condition, Expr whenTrue, Expr whenFalse)
            implements Expr {
    }

    /** Binary operators with the symbol users write. */
    enum Operator {
        ADD("+"), SUBTRACT("-"), MULTIPLY("*"), DIVIDE("/"),
        EQUAL("=="), NOT_EQUAL("!="), LESS("<"), LESS_EQUAL("<="), GREATER(">"),
        GREATER_EQUAL(">=");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        public boolean isComparison() {
            return ordinal() >= EQUAL.ordinal();
        }
    }
}
