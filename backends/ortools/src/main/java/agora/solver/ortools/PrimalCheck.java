package agora.solver.ortools;

import agora.solver.QpModel;

/**
 * A cheap check (one pass over the matrix) that a point PDLP calls optimal satisfies the bounds and
 * rows, in the scaled units PDLP worked in ({@link Scaling}). PDLP's own criterion bounds the l2
 * norm of the row residual by eps (1 + ||b'||), eps a tenth of the tolerance; the largest single
 * violation is at most that norm, so a genuine answer passes this check with a margin of ten and
 * only a wrong OPTIMAL fails it.
 */
final class PrimalCheck {
    private PrimalCheck() {
    }

    /** True when no bound or row is violated by more than {@code tolerance} (1 + ||b'||), scaled. */
    static boolean feasible(QpModel model, double[] x, double power, double tolerance) {
        return worstViolation(model, x, power) <= tolerance * (1.0 + rowBoundNorm(model, power));
    }

    /** The largest violation of a bound or row, divided by {@code power}; infinite for NaN. */
    static double worstViolation(QpModel model, double[] x, double power) {
        double worst = 0.0;
        for (int j = 0; j < model.variableCount(); j++) {
            worst = Math.max(worst, violation(x[j], model.lower(j), model.upper(j)));
        }
        for (int i = 0; i < model.constraintCount(); i++) {
            worst = Math.max(worst, violation(model.rowActivity(i, x), model.rowLower(i), model.rowUpper(i)));
        }
        return worst / power;
    }

    private static double violation(double value, double lower, double upper) {
        if (Double.isNaN(value)) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.max(0.0, Math.max(lower - value, value - upper));
    }

    /** PDLP's ||b||: the l2 norm over rows of the larger finite |bound|, scaled. */
    private static double rowBoundNorm(QpModel model, double power) {
        double sum = 0.0;
        for (int i = 0; i < model.constraintCount(); i++) {
            double bound = 0.0;
            if (Double.isFinite(model.rowLower(i))) {
                bound = Math.abs(model.rowLower(i));
            }
            if (Double.isFinite(model.rowUpper(i))) {
                bound = Math.max(bound, Math.abs(model.rowUpper(i)));
            }
            sum += (bound / power) * (bound / power);
        }
        return Math.sqrt(sum);
    }
}
