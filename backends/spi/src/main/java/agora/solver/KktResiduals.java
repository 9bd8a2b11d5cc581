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

    /**
     * For a message: each residual above {@code tolerance} in words, with its value and how many
     * tolerances it is, then where the largest one is; for example "stationarity (a cost's
     * gradient that the prices do not match) 3.2e-05, 320 times the tolerance 1e-07; the largest:
     * stationarity at variable 'p[h2]' [peer h2]: 3.2e-05".
     */
    public String describe(double tolerance) {
        StringBuilder out = new StringBuilder();
        double[] values = values();
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] <= tolerance)) {
                out.append(out.length() == 0 ? "" : "; ").append(NAMES[i]).append(' ').append(number(values[i]))
                        .append(", ").append(number(values[i] / tolerance)).append(" times the tolerance ")
                        .append(number(tolerance));
            }
        }
        if (out.length() == 0) {
            out.append("every residual is within the tolerance ").append(number(tolerance));
        }
        return out.append("; the largest: ").append(worst).toString();
    }

    /** Every residual in words, then where the largest one is (no Java record syntax in messages). */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("KKT residuals (scaled): ");
        double[] values = values();
        for (int i = 0; i < values.length; i++) {
            out.append(i == 0 ? "" : ", ").append(NAMES[i]).append(' ').append(number(values[i]));
        }
        return out.append("; the largest: ").append(worst).toString();
    }

    /** What each residual measures, in the order of {@link #values()}. */
    private static final String[] NAMES = {
        "primal feasibility (a row or bound violated)",
        "stationarity (a cost's gradient that the prices do not match)",
        "dual sign (a price of the sign its row forbids)",
        "complementarity (a price on a row or bound that does not bind)",
        "reported objective (differs from the objective at the reported point)",
        "duality gap (primal and dual objectives differ)"};

    private double[] values() {
        return new double[] {primal, stationarity, dualSign, complementarity, objective, dualityGap};
    }

    private static String number(double v) {
        return String.format(java.util.Locale.ROOT, "%.2g", v);
    }
}
