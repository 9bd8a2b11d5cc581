package agora.solver;

/**
 * Checks a {@link QpSolution} against the Karush-Kuhn-Tucker conditions of its {@link QpModel},
 * in the dual convention of {@link QpSolution}: {@code y_i = d(optimal objective)/d(rhs of row i)}.
 *
 * <h2>Derivation of the signs</h2>
 * The model is {@code min f(x) = sum_j q_j x_j^2 + c_j x_j + k} subject to
 * {@code rl_i <= a_i x <= ru_i} and {@code l_j <= x_j <= u_j}. Write the Lagrangian
 *
 * <pre>
 *   L(x, y, z) = f(x) - sum_i y_i (a_i x - b_i) - sum_j z_j (x_j - beta_j)
 * </pre>
 *
 * where {@code b_i} is the active row bound ({@code rl_i} when {@code y_i > 0}, {@code ru_i} when
 * {@code y_i < 0}) and {@code beta_j} the active variable bound. By the envelope theorem
 * {@code d f* / d b_i = dL/db_i = y_i}, which is exactly our convention, and {@code z_j} is the
 * sensitivity to the active variable bound. Raising a lower bound can only raise a minimum, so a
 * multiplier may be positive only at a lower bound; raising an upper bound can only lower it, so a
 * multiplier may be negative only at an upper bound. The conditions are:
 * <ol>
 *   <li>primal feasibility: {@code rl <= Ax <= ru}, {@code l <= x <= u};</li>
 *   <li>stationarity: {@code grad f(x) - A^T y - z = 0}, with {@code grad f(x)_j = 2 q_j x_j + c_j};</li>
 *   <li>dual sign: {@code y_i > 0} only if {@code rl_i} is finite, {@code y_i < 0} only if
 *       {@code ru_i} is finite (an equality row's dual is free); the same for {@code z_j};</li>
 *   <li>complementarity: {@code y_i > 0 => a_i x = rl_i}, {@code y_i < 0 => a_i x = ru_i}, and
 *       the same for {@code z_j};</li>
 *   <li>no duality gap: {@code f(x) = D(y, z)}, with the dual function
 *       {@code D = k + sum_j min_xj [q_j x_j^2 + g_j x_j] + sum_i y_i b_i + sum_j z_j beta_j},
 *       {@code g = c - A^T y - z}; the inner minimum is {@code -g_j^2 / (4 q_j)} for
 *       {@code q_j > 0}; for {@code q_j = 0} it is finite only when {@code g_j = 0}, so that term is
 *       evaluated at the primal {@code x_j} (its violation is measured by stationarity).</li>
 * </ol>
 * The bound multipliers {@code z} are not reported by backends: they are implied by projecting
 * the reduced gradient {@code r = grad f(x) - A^T y} onto the signs the bounds allow (free
 * variable: 0; lower bound only: {@code max(r, 0)}; upper only: {@code min(r, 0)}; both: r).
 *
 * <h2>Scaling</h2>
 * Primal residuals are divided by {@code 1 + |bound|}; dual residuals by the dual scale
 * {@code 1 + max(max_j |grad f_j|, max_i |y_i|)}; the complementarity residual of a pair is
 * {@code min(scaled |multiplier|, scaled slack)}, zero exactly when one of them is zero; objective
 * residuals are divided by {@code 1 + |f(x)|}.
 */
public final class KktCheck {

    private static final int NOWHERE = 0;
    private static final int VARIABLE = 1;
    private static final int ROW = 2;
    private static final String REPORTED_OBJECTIVE = "reported objective";
    private static final String DUALITY_GAP = "duality gap";

    private final QpModel model;
    private final double[] x;
    private final double[] y;
    private final double[] gradient;
    private final double[] reducedGradient;
    private double dualScale;
    /** Where the largest residual so far was; described only at the end (this runs every solve). */
    private double worstValue = 0.0;
    /** The residual as computed (NaN stays NaN in the description). */
    private double worstResidual;
    private String worstWhat;
    private int worstKind = NOWHERE;
    private int worstIndex = -1;

    private KktCheck(QpModel model, double[] x, double[] y) {
        this.model = model;
        this.x = x;
        this.y = y;
        this.gradient = new double[model.variableCount()];
        this.reducedGradient = new double[model.variableCount()];
    }

    /**
     * The residuals of the solution's primal values and duals.
     *
     * @throws IllegalArgumentException when the solution has no primal values or duals of the
     *                                  model's size (for example a failed solve)
     */
    public static KktResiduals check(QpModel model, QpSolution solution) {
        if (solution.primal().length != model.variableCount()
                || solution.duals().length != model.constraintCount()) {
            throw new IllegalArgumentException("solution has " + solution.primal().length
                    + " primal values and " + solution.duals().length + " duals, the model has "
                    + model.variableCount() + " variables and " + model.constraintCount()
                    + " rows (status " + solution.status() + ")");
        }
        return new KktCheck(model, solution.primal(), solution.duals()).run(solution.objective());
    }

    private KktResiduals run(double reportedObjective) {
        computeGradients();
        double primal = primalResidual();
        double stationarity = 0.0;
        double dualSign = 0.0;
        double complementarity = 0.0;
        double dualObjective = model.constant();
        for (int j = 0; j < model.variableCount(); j++) {
            double z = boundMultiplier(j);
            double scaledStationarity = Math.abs(reducedGradient[j] - z) / dualScale;
            stationarity = Math.max(stationarity, note(scaledStationarity, "stationarity", VARIABLE, j));
            double pair = complementarity(z, x[j], model.lower(j), model.upper(j));
            complementarity = Math.max(complementarity, note(pair, "bound complementarity", VARIABLE, j));
            dualObjective += innerMinimum(j, z) + z * activeBound(z, x[j], model.lower(j), model.upper(j));
        }
        for (int i = 0; i < model.constraintCount(); i++) {
            double activity = model.rowActivity(i, x);
            double lower = model.rowLower(i);
            double upper = model.rowUpper(i);
            double wrongSign = y[i] > 0.0 && lower == Double.NEGATIVE_INFINITY ? y[i]
                    : y[i] < 0.0 && upper == Double.POSITIVE_INFINITY ? -y[i] : 0.0;
            dualSign = Math.max(dualSign, note(wrongSign / dualScale, "dual sign", ROW, i));
            double pair = complementarity(y[i], activity, lower, upper);
            complementarity = Math.max(complementarity, note(pair, "row complementarity", ROW, i));
            dualObjective += y[i] * activeBound(y[i], activity, lower, upper);
        }
        double value = model.objective(x);
        double objectiveScale = 1.0 + Math.abs(value);
        double objective = note(Math.abs(reportedObjective - value) / objectiveScale,
                REPORTED_OBJECTIVE, NOWHERE, -1);
        double gap = note(Math.abs(value - dualObjective) / objectiveScale, DUALITY_GAP, NOWHERE, -1);
        String detail = worstWhat == null ? "none"
                : REPORTED_OBJECTIVE.equals(worstWhat)
                ? "reported objective " + reportedObjective + " vs f(x) " + value + ": " + worstResidual
                : DUALITY_GAP.equals(worstWhat)
                ? "duality gap, dual objective " + dualObjective + " vs f(x) " + value + ": " + worstResidual
                : describeWorst();
        return new KktResiduals(primal, stationarity, dualSign, complementarity, objective, gap, detail);
    }

    private void computeGradients() {
        double maxAbs = 0.0;
        for (int j = 0; j < model.variableCount(); j++) {
            gradient[j] = 2.0 * model.quadratic(j) * x[j] + model.linear(j);
            reducedGradient[j] = gradient[j];
            maxAbs = Math.max(maxAbs, Math.abs(gradient[j]));
        }
        for (int i = 0; i < model.constraintCount(); i++) {
            double yi = y[i];
            maxAbs = Math.max(maxAbs, Math.abs(yi));
            model.forEachInRow(i, (column, coefficient) -> reducedGradient[column] -= coefficient * yi);
        }
        dualScale = 1.0 + maxAbs;
    }

    private double primalResidual() {
        double worst = 0.0;
        for (int j = 0; j < model.variableCount(); j++) {
            double violation = violation(x[j], model.lower(j), model.upper(j));
            worst = Math.max(worst, note(violation, "bound violation", VARIABLE, j));
        }
        for (int i = 0; i < model.constraintCount(); i++) {
            double violation = violation(model.rowActivity(i, x), model.rowLower(i), model.rowUpper(i));
            worst = Math.max(worst, note(violation, "row violation", ROW, i));
        }
        return worst;
    }

    private static double violation(double value, double lower, double upper) {
        if (Double.isNaN(value)) {
            return Double.POSITIVE_INFINITY;
        }
        if (value < lower) {
            return (lower - value) / (1.0 + Math.abs(lower));
        }
        if (value > upper) {
            return (value - upper) / (1.0 + Math.abs(upper));
        }
        return 0.0;
    }

    /** z_j: the reduced gradient projected onto the signs the bounds of x_j allow. */
    private double boundMultiplier(int j) {
        double r = reducedGradient[j];
        boolean hasLower = model.lower(j) != Double.NEGATIVE_INFINITY;
        boolean hasUpper = model.upper(j) != Double.POSITIVE_INFINITY;
        if (hasLower && hasUpper) {
            return r;
        }
        if (hasLower) {
            return Math.max(r, 0.0);
        }
        if (hasUpper) {
            return Math.min(r, 0.0);
        }
        return 0.0;
    }

    /** min over x_j of q_j x_j^2 + g_j x_j (see the class comment for q_j = 0). */
    private double innerMinimum(int j, double z) {
        double q = model.quadratic(j);
        double g = model.linear(j) - (gradient[j] - reducedGradient[j]) - z;
        return q > 0.0 ? -g * g / (4.0 * q) : g * x[j];
    }

    /** The bound a multiplier of this sign belongs to; the activity itself when it is infinite. */
    private static double activeBound(double multiplier, double activity, double lower, double upper) {
        double bound = multiplier > 0.0 ? lower : upper;
        return multiplier == 0.0 || Double.isInfinite(bound) ? activity : bound;
    }

    private double complementarity(double multiplier, double activity, double lower, double upper) {
        if (multiplier == 0.0) {
            return 0.0;
        }
        double bound = multiplier > 0.0 ? lower : upper;
        if (Double.isInfinite(bound)) {
            return 0.0; // a multiplier of the wrong sign is measured as a dual sign residual
        }
        double slack = Math.abs(activity - bound) / (1.0 + Math.abs(bound));
        return Math.min(Math.abs(multiplier) / dualScale, slack);
    }

    /** Returns {@code residual} (NaN as infinity) and remembers where the largest one was. */
    private double note(double residual, String what, int kind, int index) {
        if (residual > worstValue || Double.isNaN(residual)) {
            worstValue = Double.isNaN(residual) ? Double.POSITIVE_INFINITY : residual;
            worstResidual = residual;
            worstWhat = what;
            worstKind = kind;
            worstIndex = index;
        }
        return Double.isNaN(residual) ? Double.POSITIVE_INFINITY : residual;
    }

    private String describeWorst() {
        String where = worstKind == VARIABLE ? " at " + variable(worstIndex)
                : worstKind == ROW ? " at " + row(worstIndex) : "";
        return worstWhat + where + ": " + worstResidual;
    }

    private String variable(int j) {
        return "variable '" + model.variableName(j) + "' [" + model.structure().variableOrigins().get(j) + "]";
    }

    private String row(int i) {
        return "row '" + model.constraintName(i) + "' [" + model.structure().constraintOrigins().get(i) + "]";
    }
}
