package agora.compiler;

import agora.diagnostics.DiagnosticCode;
import agora.diagnostics.Diagnostics;
import agora.diagnostics.SourceSpan;
import agora.scenario.TimeAxis;
import agora.syntax.Expr;
import agora.units.Dimension;
import agora.units.Quantity;
import agora.units.Unit;
import agora.units.Units;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Evaluates expressions to {@link Value}s in canonical units, checking dimensions and types.
 * Every error is reported once at the smallest expression that explains it, then unwinds with
 * {@link EvaluationFailed}.
 */
final class Evaluator {
    /**
     * Polynomials in p of a higher degree are rejected before they are multiplied out: a cost is
     * at most quadratic, and a repeated exponent ({@code p²²²²}) would otherwise double the degree,
     * and the work, at every step. Intermediate results may go above 2 and cancel (see docs).
     */
    static final int MAX_POLY_DEGREE = 8;
    /**
     * The largest power of a base unit an expression may reach ({@code MW^99}, as units may be
     * written): beyond it a repeated exponent would overflow the dimension's integer exponents.
     */
    static final int MAX_UNIT_POWER = 99;

    private final Diagnostics diagnostics;
    private final String currency;
    private final Set<String> standardModules;
    private final Calls calls;
    private final NestedDefinitions definitions = new NestedDefinitions();
    private TimeAxis time;
    private Origin origin;

    /** @param standardModules the files of the standard library (see {@link #currencyOf}) */
    Evaluator(Diagnostics diagnostics, String currency, Set<String> standardModules, Calls calls) {
        this.diagnostics = diagnostics;
        this.currency = currency;
        this.standardModules = standardModules;
        this.calls = calls;
    }

    String currency() {
        return currency;
    }

    /**
     * The money symbol of the quantities written at {@code at}: the scenario's, except in the
     * standard library, whose modules write {@code $} for whatever currency the scenario uses (its
     * prices are typical defaults, not amounts to convert), so they work under {@code currency "€"}.
     */
    String currencyOf(SourceSpan at) {
        return standardModules.contains(at.file()) ? Units.DEFAULT_CURRENCY : currency;
    }

    /** Tells {@code csv(...)} and generators that the 'time' statement failed (and said why). */
    void horizonBroken() {
        calls.horizonBroken();
    }

    /** Makes the horizon known to {@code csv(...)} and generators. */
    void setTime(TimeAxis time) {
        this.time = time;
        calls.setTime(time);
    }

    /** Evaluates definitions for the scopes, and counts how deep evaluation goes. */
    NestedDefinitions definitions() {
        return definitions;
    }

    Value eval(Expr e, Scope scope) {
        definitions.enter();
        try {
            return evalHere(e, scope);
        } finally {
            definitions.leave();
        }
    }

    private Value evalHere(Expr e, Scope scope) {
        if (e instanceof Expr.NumberLiteral n) {
            if (!Double.isFinite(n.value())) {
                throw tooLarge(n.span(), "");
            }
            return Value.Num.constant(n.value(), Dimension.NONE);
        }
        if (e instanceof Expr.QuantityLiteral q) {
            return quantity(q);
        }
        if (e instanceof Expr.StringLiteral s) {
            return new Value.Text(s.value());
        }
        if (e instanceof Expr.Name n) {
            return name(n, scope);
        }
        if (e instanceof Expr.Call c) {
            return finite(calls.call(c, scope, this), c.span(), "the profile of " + c.function().text() + "(...)");
        }
        if (e instanceof Expr.Negate n) {
            return negate(n, eval(n.operand(), scope));
        }
        if (e instanceof Expr.Power || e instanceof Expr.Binary) {
            return chain(e, scope);
        }
        return conditional((Expr.Conditional) e, scope);
    }

    /**
     * Evaluates the branch the condition takes; the other one is not evaluated (it may read a
     * file that does not exist when the condition says so), but its type must be the same, or
     * the scenario would change its dimension with a parameter.
     */
    private Value conditional(Expr.Conditional c, Scope scope) {
        boolean taken = condition(c.condition(), eval(c.condition(), scope));
        Value value = eval(taken ? c.whenTrue() : c.whenFalse(), scope);
        StaticTypes types = new StaticTypes(this::currencyOf, definitions, n -> {
            try {
                return scope.lookup(n.name(), n.span()).map(StaticTypes.Type::of);
            } catch (EvaluationFailed failed) {
                return Optional.empty();
            }
        });
        Optional<StaticTypes.Type> other = types.of(taken ? c.whenFalse() : c.whenTrue());
        StaticTypes.Type type = StaticTypes.Type.of(value);
        if (other.isPresent() && !other.get().equals(type)) {
            StaticTypes.Type whenTrue = taken ? type : other.get();
            StaticTypes.Type whenFalse = taken ? other.get() : type;
            throw fail(type.isNumber() && other.get().isNumber() ? DiagnosticCode.DIMENSION_MISMATCH
                    : DiagnosticCode.TYPE_MISMATCH, c.span(), "the branches of a conditional must have the same "
                    + (type.isNumber() && other.get().isNumber() ? "dimension" : "type") + ", found "
                    + whenTrue.describe(currency) + " and " + whenFalse.describe(currency));
        }
        return value;
    }

    // ------------------------------------------------------------------------ typed evaluation

    /** A number of the given dimension (constant or profile). */
    Value.Num number(Expr e, Scope scope, Dimension dimension, String what) {
        Value.Num n = expect(eval(e, scope), e.span(), dimension, what);
        inRange(n, e.span(), what);
        return n;
    }

    /**
     * The value, unless a quantity in it is beyond the magnitudes Agora takes
     * ({@link Magnitudes#LARGEST}): an error where it is written. Plain numbers (solver options,
     * reactances, seeds) are left to the checks of their own ranges.
     */
    Value inRange(Value v, SourceSpan at, String what) {
        if (v instanceof Value.Num n && !n.dimension().isNone()) {
            if (n.isConstant() && Magnitudes.tooLarge(n.constant())) {
                throw outOfRange(at, what, n.constant(), n.dimension(), "");
            }
            for (int t = 0; !n.isConstant() && t < n.series().length; t++) {
                if (Magnitudes.tooLarge(n.series()[t])) {
                    throw outOfRange(at, what, n.series()[t], n.dimension(), at(t));
                }
            }
        } else if (v instanceof Value.Poly p) {
            double[] c = p.coefficients();
            for (int k = 0; k < c.length; k++) {
                if (Magnitudes.tooLarge(c[k])) {
                    throw outOfRange(at, "the coefficient of p^" + k + " in " + what, c[k], p.coefficientDimension(k), "");
                }
            }
        }
        return v;
    }

    private EvaluationFailed outOfRange(SourceSpan at, String what, double value, Dimension dimension, String when) {
        return fail(DiagnosticCode.MAGNITUDE_OUT_OF_RANGE, at, what + " is out of range" + when + ": "
                + Formats.quantity(value, dimension, currency) + " is beyond the largest magnitude Agora takes, "
                + Formats.quantity(Magnitudes.LARGEST, dimension, currency), Magnitudes.HINT);
    }

    Value.Num expect(Value v, SourceSpan at, Dimension dimension, String what) {
        if (v instanceof Value.Num n) {
            if (n.dimension().equals(dimension)) {
                return n;
            }
            throw fail(DiagnosticCode.DIMENSION_MISMATCH, at, what + " must be "
                    + Dimensions.describe(dimension, currency) + ", found " + v.describe(currency));
        }
        throw fail(DiagnosticCode.TYPE_MISMATCH, at, what + " must be "
                + Dimensions.describe(dimension, currency) + ", found " + v.describe(currency));
    }

    /** A constant of the given dimension, in canonical units. */
    double constant(Expr e, Scope scope, Dimension dimension, String what) {
        Value.Num n = number(e, scope, dimension, what);
        if (!n.isConstant()) {
            throw fail(DiagnosticCode.INVALID_VALUE, e.span(), what + " must be a constant, found a profile");
        }
        return n.constant();
    }

    /** A whole plain number of at least {@code min}. */
    int wholeNumber(Expr e, Scope scope, int min, String what) {
        double v = constant(e, scope, Dimension.NONE, what);
        if (v != Math.rint(v) || v < min || v > Integer.MAX_VALUE) {
            throw fail(DiagnosticCode.INVALID_VALUE, e.span(), what + " must be a whole number of at least "
                    + min + ", found " + Formats.number(v));
        }
        return (int) v;
    }

    String text(Expr e, Scope scope, String what) {
        Value v = eval(e, scope);
        if (v instanceof Value.Text t) {
            return t.value();
        }
        throw fail(DiagnosticCode.TYPE_MISMATCH, e.span(), what + " must be a string, found "
                + v.describe(currency));
    }

    /** Reports an error and returns the exception that unwinds the evaluation. */
    EvaluationFailed fail(DiagnosticCode code, SourceSpan at, String message) {
        return fail(code, at, message, null);
    }

    EvaluationFailed fail(DiagnosticCode code, SourceSpan at, String message, String hint) {
        diagnostics.error(code, at, message, withOrigin(at, hint));
        return new EvaluationFailed();
    }

    /**
     * The peer whose properties are being evaluated, while they are. An error in an expression
     * the peer did not write (its kind's, perhaps in a standard module) may come from values the
     * peer set: the hint names the peer and those values, so the user knows where to look.
     *
     * @param uses for each place in the kinds' expressions, the peer's own values it depends on
     */
    record Origin(String peer, SourceSpan declared, Map<SourceSpan, List<String>> uses) {
    }

    void enter(Origin peer) {
        this.origin = peer;
    }

    void leave() {
        this.origin = null;
    }

    private String withOrigin(SourceSpan at, String hint) {
        List<String> uses = origin == null ? null : origin.uses().get(at);
        if (uses == null) {
            return hint;
        }
        String sets = uses.stream().map(n -> "'" + n + "'").collect(Collectors.joining(" and "));
        String note = "evaluated for peer '" + origin.peer() + "' (" + origin.declared() + "), which sets " + sets;
        return hint == null ? note : hint + "; " + note;
    }

    // ---------------------------------------------------------------------------- finiteness

    /** The largest number a double holds, as messages write it. */
    private static final String LARGEST = "about 1.8e308";

    private EvaluationFailed tooLarge(SourceSpan at, String converted) {
        return fail(DiagnosticCode.INVALID_VALUE, at, "number too large" + converted
                + ": the largest Agora can hold is " + LARGEST);
    }

    /**
     * The value, unless a number in it overflowed: an infinite bound, cost or price would reach
     * the solver as a silent "no limit", so it is an error where it arises.
     */
    private Value finite(Value v, SourceSpan at, String what) {
        if (v instanceof Value.Num n) {
            if (n.isConstant() && !Double.isFinite(n.constant())) {
                throw overflow(at, what, "");
            }
            for (int t = 0; !n.isConstant() && t < n.series().length; t++) {
                if (!Double.isFinite(n.series()[t])) {
                    throw overflow(at, what, at(t));
                }
            }
        } else if (v instanceof Value.Poly p) {
            for (double c : p.coefficients()) {
                if (!Double.isFinite(c)) {
                    throw overflow(at, "a coefficient of p in " + what, "");
                }
            }
        }
        return v;
    }

    private EvaluationFailed overflow(SourceSpan at, String what, String when) {
        return fail(DiagnosticCode.INVALID_VALUE, at, "overflow" + when + ": " + what
                + " exceeds the largest number Agora can hold, " + LARGEST);
    }

    /** " at 2024-01-01 02:00 (step 2)", naming a step of a profile. */
    private String at(int step) {
        return time == null || step >= time.count() ? " at step " + step
                : " at " + Formats.time(time.at(step)) + " (step " + step + ")";
    }

    // ------------------------------------------------------------------------------- the forms

    private Value quantity(Expr.QuantityLiteral q) {
        String written = currencyOf(q.span());
        Optional<Unit> unit = Units.parse(q.unit(), written);
        if (unit.isEmpty()) {
            String hint = Units.suggest(q.unit(), written).map(s -> "did you mean '" + s + "'?")
                    .orElse("known units: " + String.join(", ", Units.knownUnits(written)));
            throw fail(DiagnosticCode.UNKNOWN_UNIT, q.unitSpan(), "unknown unit '" + q.unit() + "'", hint);
        }
        if (!Double.isFinite(q.value())) {
            throw tooLarge(q.span(), "");
        }
        Quantity value = unit.get().of(q.value());
        if (!Double.isFinite(value.value())) {
            throw tooLarge(q.span(), " once converted to " + value.dimension().format(currency));
        }
        return Value.Num.constant(value.value(), value.dimension());
    }

    private Value name(Expr.Name n, Scope scope) {
        Optional<Value> value = scope.lookup(n.name(), n.span());
        if (value.isPresent()) {
            return value.get();
        }
        Set<String> known = scope.names();
        throw fail(DiagnosticCode.UNDEFINED_NAME, n.span(), "undefined name '" + n.name() + "'",
                Names.hint(n.name(), known));
    }

    private Value negate(Expr.Negate n, Value v) {
        if (v instanceof Value.Num num) {
            return num.map(x -> -x, num.dimension());
        }
        if (v instanceof Value.Poly p) {
            return Polynomials.scale(p, -1, Dimension.NONE);
        }
        throw fail(DiagnosticCode.TYPE_MISMATCH, n.span(), "cannot negate " + v.describe(currency));
    }

    private Value power(Expr.Power p, Value v) {
        if (p.exponent() < 1) {
            throw fail(DiagnosticCode.INVALID_VALUE, p.span(), "exponent must be a whole number of at least 1");
        }
        if (v instanceof Value.Num num) {
            return num.map(x -> Math.pow(x, p.exponent()), power(num.dimension(), p));
        }
        if (v instanceof Value.Poly poly) {
            Dimension dimension = power(poly.dimension(), p);
            if (poly.degree() == 0) {
                return new Value.Poly(dimension, new double[] {Math.pow(poly.coefficient(0), p.exponent())});
            }
            long degree = (long) poly.degree() * p.exponent();
            if (degree > MAX_POLY_DEGREE) {
                throw fail(DiagnosticCode.INVALID_VALUE, p.span(),
                        "cost must be at most quadratic in p, found a term in p^" + degree);
            }
            Value.Poly result = poly;
            for (int i = 1; i < p.exponent(); i++) {
                result = Polynomials.multiply(result, poly);
            }
            return result;
        }
        throw fail(DiagnosticCode.TYPE_MISMATCH, p.span(), "cannot raise " + v.describe(currency)
                + " to a power");
    }

    /** The dimension raised to the power, unless a base unit would pass {@link #MAX_UNIT_POWER}. */
    private Dimension power(Dimension base, Expr.Power p) {
        if ((long) base.largestExponent() * p.exponent() > MAX_UNIT_POWER) {
            throw fail(DiagnosticCode.INVALID_VALUE, p.span(), "cannot raise " + base.format(currency)
                    + " to the power " + p.exponent() + ": units go up to the power " + MAX_UNIT_POWER
                    + " of MW, h and " + currency);
        }
        return base.pow(p.exponent());
    }

    /**
     * A binary operation or power and the ones nested in its left operand ({@code a + b + c}
     * nests to the left), evaluated in a loop: a sum of thousands of terms cannot overflow the
     * stack. Left operands are evaluated before right ones, as in the recursive definition.
     */
    private Value chain(Expr top, Scope scope) {
        Deque<Expr> spine = new ArrayDeque<>();
        Expr node = top;
        while (node instanceof Expr.Binary || node instanceof Expr.Power) {
            spine.push(node);
            node = node instanceof Expr.Binary b ? b.left() : ((Expr.Power) node).base();
        }
        Value value = eval(node, scope);
        while (!spine.isEmpty()) {
            Expr next = spine.pop();
            value = next instanceof Expr.Binary b
                    ? binary(b, value, eval(b.right(), scope))
                    : power((Expr.Power) next, value);
            value = finite(value, next.span(), "the result");
        }
        return value;
    }

    private Value binary(Expr.Binary b, Value left, Value right) {
        if (b.operator().isComparison()) {
            return compare(b, left, right);
        }
        if (left instanceof Value.Text l && right instanceof Value.Text r
                && b.operator() == Expr.Operator.ADD) {
            return new Value.Text(l.value() + r.value());
        }
        if (left instanceof Value.Num l && right instanceof Value.Num r) {
            return arithmetic(b, l, r);
        }
        if (isPolynomial(left) && isPolynomial(right)) {
            return Polynomials.apply(b, left, right, this);
        }
        throw fail(DiagnosticCode.TYPE_MISMATCH, b.span(), "cannot apply '" + b.operator().symbol()
                + "' to " + left.describe(currency) + " and " + right.describe(currency));
    }

    private static boolean isPolynomial(Value v) {
        return v instanceof Value.Poly || v instanceof Value.Num;
    }

    private Value arithmetic(Expr.Binary b, Value.Num l, Value.Num r) {
        switch (b.operator()) {
            case ADD, SUBTRACT -> {
                if (!l.dimension().equals(r.dimension())) {
                    throw fail(DiagnosticCode.DIMENSION_MISMATCH, b.span(), "cannot "
                            + (b.operator() == Expr.Operator.ADD ? "add " : "subtract ")
                            + r.describe(currency) + (b.operator() == Expr.Operator.ADD ? " to " : " from ")
                            + l.describe(currency));
                }
                return b.operator() == Expr.Operator.ADD
                        ? l.combine(r, Double::sum, l.dimension())
                        : l.combine(r, (x, y) -> x - y, l.dimension());
            }
            case MULTIPLY -> {
                return l.combine(r, (x, y) -> x * y, l.dimension().times(r.dimension()));
            }
            default -> {
                if (r.isConstant() && r.constant() == 0) {
                    throw fail(DiagnosticCode.INVALID_VALUE, b.right().span(), "division by zero");
                }
                for (int t = 0; !r.isConstant() && t < r.series().length; t++) {
                    if (r.series()[t] == 0) {
                        throw fail(DiagnosticCode.INVALID_VALUE, b.right().span(), "division by zero" + at(t));
                    }
                }
                return l.combine(r, (x, y) -> x / y, l.dimension().dividedBy(r.dimension()));
            }
        }
    }

    private Value compare(Expr.Binary b, Value left, Value right) {
        if (left instanceof Value.Text l && right instanceof Value.Text r) {
            return switch (b.operator()) {
                case EQUAL -> new Value.Bool(l.value().equals(r.value()));
                case NOT_EQUAL -> new Value.Bool(!l.value().equals(r.value()));
                default -> throw fail(DiagnosticCode.TYPE_MISMATCH, b.span(),
                        "strings can only be compared with == and !=");
            };
        }
        if (left instanceof Value.Num l && right instanceof Value.Num r && l.isConstant() && r.isConstant()) {
            if (!l.dimension().equals(r.dimension())) {
                throw fail(DiagnosticCode.DIMENSION_MISMATCH, b.span(), "cannot compare "
                        + l.describe(currency) + " with " + r.describe(currency));
            }
            int c = Double.compare(l.constant(), r.constant());
            return new Value.Bool(switch (b.operator()) {
                case EQUAL -> c == 0;
                case NOT_EQUAL -> c != 0;
                case LESS -> c < 0;
                case LESS_EQUAL -> c <= 0;
                case GREATER -> c > 0;
                default -> c >= 0;
            });
        }
        throw fail(DiagnosticCode.TYPE_MISMATCH, b.span(), "cannot compare " + left.describe(currency)
                + " with " + right.describe(currency) + "; compare two constants or two strings");
    }

    /** A condition is a comparison or a string, true when it is not empty ({@code data_dir ? ...}). */
    private boolean condition(Expr at, Value v) {
        if (v instanceof Value.Bool b) {
            return b.value();
        }
        if (v instanceof Value.Text t) {
            return !t.value().isEmpty();
        }
        throw fail(DiagnosticCode.TYPE_MISMATCH, at.span(), "a condition must be a comparison or a string, found "
                + v.describe(currency));
    }
}
