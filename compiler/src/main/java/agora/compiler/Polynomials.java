package agora.compiler;

import agora.diagnostics.DiagnosticCode;
import agora.syntax.Expr;
import agora.units.Dimension;

/** Arithmetic on polynomials in the cost variable p, with constant coefficients. */
final class Polynomials {
    private Polynomials() {
    }

    static Value.Poly of(Value v, Expr at, Evaluator evaluator) {
        if (v instanceof Value.Poly p) {
            return p;
        }
        Value.Num n = (Value.Num) v;
        if (!n.isConstant()) {
            throw evaluator.fail(DiagnosticCode.INVALID_VALUE, at.span(),
                    "cost coefficients must be constants, found a profile");
        }
        return new Value.Poly(n.dimension(), new double[] {n.constant()});
    }

    static Value apply(Expr.Binary b, Value left, Value right, Evaluator evaluator) {
        Value.Poly l = of(left, b.left(), evaluator);
        Value.Poly r = of(right, b.right(), evaluator);
        switch (b.operator()) {
            case ADD, SUBTRACT -> {
                if (!l.dimension().equals(r.dimension())) {
                    throw evaluator.fail(DiagnosticCode.DIMENSION_MISMATCH, b.span(), "cannot "
                            + (b.operator() == Expr.Operator.ADD ? "add" : "subtract")
                            + " terms of different dimensions: " + l.dimension().format(evaluator.currency())
                            + " and " + r.dimension().format(evaluator.currency()));
                }
                double sign = b.operator() == Expr.Operator.ADD ? 1 : -1;
                double[] out = new double[Math.max(l.coefficients().length, r.coefficients().length)];
                for (int k = 0; k < out.length; k++) {
                    out[k] = l.coefficient(k) + sign * r.coefficient(k);
                }
                return new Value.Poly(l.dimension(), out);
            }
            case MULTIPLY -> {
                int degree = l.degree() + r.degree();
                if (degree > Evaluator.MAX_POLY_DEGREE) {
                    throw evaluator.fail(DiagnosticCode.INVALID_VALUE, b.span(),
                            "cost must be at most quadratic in p, found a term in p^" + degree);
                }
                return multiply(l, r);
            }
            default -> {
                if (r.degree() > 0) {
                    throw evaluator.fail(DiagnosticCode.INVALID_VALUE, b.right().span(), "cannot divide by p");
                }
                if (r.coefficient(0) == 0) {
                    throw evaluator.fail(DiagnosticCode.INVALID_VALUE, b.right().span(), "division by zero");
                }
                return scale(l, 1 / r.coefficient(0), r.dimension().inverse());
            }
        }
    }

    /** The product; its length follows the degrees, not the arrays (which may end in zeros). */
    static Value.Poly multiply(Value.Poly l, Value.Poly r) {
        double[] out = new double[l.degree() + r.degree() + 1];
        for (int i = 0; i <= l.degree(); i++) {
            for (int j = 0; j <= r.degree(); j++) {
                out[i + j] += l.coefficients()[i] * r.coefficients()[j];
            }
        }
        return new Value.Poly(l.dimension().times(r.dimension()), out);
    }

    static Value.Poly scale(Value.Poly p, double factor, Dimension dimension) {
        double[] out = p.coefficients().clone();
        for (int k = 0; k < out.length; k++) {
            out[k] *= factor;
        }
        return new Value.Poly(p.dimension().times(dimension), out);
    }
}
