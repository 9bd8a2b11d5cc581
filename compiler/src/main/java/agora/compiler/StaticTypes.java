package agora.compiler;

import agora.diagnostics.SourceSpan;
import agora.stdlib.ProfileGenerator;
import agora.stdlib.ProfileGenerators;
import agora.syntax.Expr;
import agora.units.Dimension;
import agora.units.Unit;
import agora.units.Units;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What an expression will evaluate to, found without evaluating it: a number (constant, profile
 * or polynomial in p) of some dimension, a string or a comparison. Used where an expression is
 * not evaluated but its type still matters: the branch of a conditional that is not taken, and
 * the default of a kind's property that a peer overrides. Empty means "cannot tell" (an unknown
 * unit or function, or operands that do not fit, which evaluation reports where it happens).
 */
final class StaticTypes {
    /** The type of a value: its kind and, for numbers, its dimension. */
    record Type(Kind kind, Dimension dimension) {
        static final Type TEXT = new Type(Kind.TEXT, Dimension.NONE);
        static final Type BOOL = new Type(Kind.BOOL, Dimension.NONE);

        static Type number(Dimension dimension) {
            return new Type(Kind.NUMBER, dimension);
        }

        /** The type of an evaluated value. */
        static Type of(Value v) {
            if (v instanceof Value.Num n) {
                return number(n.dimension());
            }
            if (v instanceof Value.Poly p) {
                return number(p.dimension());
            }
            return v instanceof Value.Text ? TEXT : BOOL;
        }

        boolean isNumber() {
            return kind == Kind.NUMBER;
        }

        /** "a power (MW)", "a string", "a comparison", as messages name them. */
        String describe(String currency) {
            return switch (kind) {
                case NUMBER -> Dimensions.describe(dimension, currency);
                case TEXT -> "a string";
                case BOOL -> "a comparison";
            };
        }
    }

    enum Kind { NUMBER, TEXT, BOOL }

    private static final Map<String, Dimension> GENERATORS = new LinkedHashMap<>();

    static {
        for (ProfileGenerator g : ProfileGenerators.all()) {
            Units.parse(g.outputUnit(), Units.DEFAULT_CURRENCY).map(Unit::dimension)
                    .ifPresent(d -> GENERATORS.put(g.name(), d));
        }
    }

    private final Function<SourceSpan, String> currencyOf;
    private final NestedDefinitions nesting;
    private final Function<Expr.Name, Optional<Type>> names;

    /**
     * @param nesting counts how deep typing goes, with evaluation: a name's type may need its value
     * @param names   the type of a name, or empty when it is unknown or broken
     */
    StaticTypes(Function<SourceSpan, String> currencyOf, NestedDefinitions nesting,
                Function<Expr.Name, Optional<Type>> names) {
        this.currencyOf = currencyOf;
        this.nesting = nesting;
        this.names = names;
    }

    Optional<Type> of(Expr e) {
        nesting.enter();
        try {
            return typeOf(e);
        } finally {
            nesting.leave();
        }
    }

    private Optional<Type> typeOf(Expr e) {
        if (e instanceof Expr.NumberLiteral) {
            return Optional.of(Type.number(Dimension.NONE));
        }
        if (e instanceof Expr.QuantityLiteral q) {
            return Units.parse(q.unit(), currencyOf.apply(q.span())).map(u -> Type.number(u.dimension()));
        }
        if (e instanceof Expr.StringLiteral) {
            return Optional.of(Type.TEXT);
        }
        if (e instanceof Expr.Name n) {
            return names.apply(n);
        }
        if (e instanceof Expr.Call c) {
            return call(c);
        }
        if (e instanceof Expr.Negate n) {
            return of(n.operand()).filter(Type::isNumber);
        }
        if (e instanceof Expr.Power || e instanceof Expr.Binary) {
            return chain(e);
        }
        Expr.Conditional c = (Expr.Conditional) e;
        Optional<Type> whenTrue = of(c.whenTrue());
        Optional<Type> whenFalse = of(c.whenFalse());
        if (whenTrue.isEmpty() || whenFalse.isEmpty()) {
            return whenTrue.isPresent() ? whenTrue : whenFalse;
        }
        return whenTrue.equals(whenFalse) ? whenTrue : Optional.empty();
    }

    private Optional<Type> call(Expr.Call c) {
        String function = c.function().text();
        if (function.equals(Calls.CSV)) {
            for (Expr.Argument a : c.arguments()) {
                if (a.name() != null && a.name().text().equals("scale")) {
                    return of(a.value()).filter(Type::isNumber);
                }
            }
            return Optional.of(Type.number(Dimension.NONE));
        }
        return Optional.ofNullable(GENERATORS.get(function)).map(Type::number);
    }

    /** Binary operations and powers nested to the left, in a loop (see Evaluator). */
    private Optional<Type> chain(Expr top) {
        Deque<Expr> spine = new ArrayDeque<>();
        Expr node = top;
        while (node instanceof Expr.Binary || node instanceof Expr.Power) {
            spine.push(node);
            node = node instanceof Expr.Binary b ? b.left() : ((Expr.Power) node).base();
        }
        Optional<Type> type = of(node);
        while (!spine.isEmpty() && type.isPresent()) {
            Expr next = spine.pop();
            if (next instanceof Expr.Power p) {
                // a power beyond the largest unit is an error evaluation reports
                type = type.filter(t -> t.isNumber()
                                && (long) t.dimension().largestExponent() * p.exponent() <= Evaluator.MAX_UNIT_POWER)
                        .map(t -> Type.number(t.dimension().pow(p.exponent())));
            } else {
                Expr.Binary b = (Expr.Binary) next;
                type = binary(b.operator(), type.get(), of(b.right()));
            }
        }
        return type;
    }

    private static Optional<Type> binary(Expr.Operator op, Type left, Optional<Type> right) {
        if (op.isComparison()) {
            return Optional.of(Type.BOOL);
        }
        if (right.isEmpty()) {
            return Optional.empty();
        }
        Type r = right.get();
        if (left.kind() == Kind.TEXT && r.kind() == Kind.TEXT && op == Expr.Operator.ADD) {
            return Optional.of(Type.TEXT);
        }
        if (!left.isNumber() || !r.isNumber()) {
            return Optional.empty();
        }
        return switch (op) {
            case ADD, SUBTRACT -> left.equals(r) ? Optional.of(left) : Optional.empty();
            case MULTIPLY -> Optional.of(Type.number(left.dimension().times(r.dimension())));
            default -> Optional.of(Type.number(left.dimension().dividedBy(r.dimension())));
        };
    }
}
