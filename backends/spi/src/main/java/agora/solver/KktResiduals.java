package agora.solver;

/**
 * The largest scaled residual of each KKT condition of a solution (see {@link KktCheck} for the
 * conditions and their scaling).
 *
 * @param primal          bound and row violations
 * @param stationarity    {@code |grad f(x) - A^T y - z|}
 * @param dualSign        row duals of a sign their row's bounds do not allow
 * @param complementarity multipliers on bounds that are not active
 * @param objective       reported objective versus the objective recomputed at the primal values
 * @param dualityGap      primal objective versus the dual function at the reported duals
 * @param worst           which residual was largest and where (variable or row, with its origin)
 */
public record KktResiduals(double primal, double stationarity, double dualSign,
                           double complementarity, double objective, double dualityGap,
                           String worst) {

    /** The largest of the residuals. */
    public double max() {
        return Math.max(Math.max(Math.max(primal, stationarity), Math.max(dualSign, complementarity)),
                Math.max(objective, dualityGap));
    }

    /** True when every residual is at most {@code tolerance}. */
    public boolean satisfied(double tolerance) {
        return max() <= tolerance;
    }
}
