package agora.solver;

import java.util.ArrayList;
import java.util.List;

/**
 * A cheap infeasibility pre-check every backend can run: a row whose bounds cannot be met by any
 * point inside the variable bounds (its largest possible activity is below its lower bound, or
 * its smallest above its upper bound) is infeasible on its own. The row and the variables that
 * limit it are named by their {@link Origin}s. Jointly infeasible rows are not found here.
 */
public final class TrivialInfeasibility {
    /** Relative slack before a row is declared infeasible, so that rounding never trips it. */
    private static final double RELATIVE_MARGIN = 1e-9;

    private TrivialInfeasibility() {
    }

    /** The origins of the rows that are infeasible given the bounds, then of their variables. */
    public static List<Origin> conflicts(QpModel model) {
        List<Origin> rows = new ArrayList<>();
        List<Origin> variables = new ArrayList<>();
        for (int i = 0; i < model.constraintCount(); i++) {
            double[] range = activityRange(model, i);
            double lower = model.rowLower(i);
            double upper = model.rowUpper(i);
            boolean tooLow = range[1] < lower - RELATIVE_MARGIN * (1 + Math.abs(lower));
            boolean tooHigh = range[0] > upper + RELATIVE_MARGIN * (1 + Math.abs(upper));
            if (tooLow || tooHigh) {
                rows.add(model.structure().constraintOrigins().get(i));
                model.forEachInRow(i, (column, coefficient) -> {
                    Origin origin = model.structure().variableOrigins().get(column);
                    if (!variables.contains(origin)) {
                        variables.add(origin);
                    }
                });
            }
        }
        rows.addAll(variables);
        return rows;
    }

    /** {min, max} of row {@code i}'s activity over the variable bounds. */
    private static double[] activityRange(QpModel model, int i) {
        double[] range = new double[2];
        model.forEachInRow(i, (column, coefficient) -> {
            if (coefficient == 0.0) {
                return; // 0 * infinity would poison the sum
            }
            double low = coefficient >= 0 ? model.lower(column) : model.upper(column);
            double high = coefficient >= 0 ? model.upper(column) : model.lower(column);
            range[0] += coefficient * low;
            range[1] += coefficient * high;
        });
        return range;
    }
}
