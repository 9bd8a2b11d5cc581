package agora.solver;

import java.util.List;

/**
 * The result of solving a {@link QpModel}.
 *
 * <p>Dual convention, fixed for every backend: {@code duals[i]} is the derivative of the optimal
 * objective with respect to the right-hand side of row {@code i} (for an equality row, its
 * common lower and upper bound). With balance rows written as "injections = 0" this makes market
 * prices positive. Backends whose solver uses another convention convert before returning.
 *
 * @param conflicts for an infeasible model, the variables or rows that the backend found in
 *                  conflict, by their {@link Origin}s, where the backend can say; else empty
 */
public record QpSolution(
        SolveStatus status,
        double objective,
        double[] primal,
        double[] duals,
        String message,
        List<Origin> conflicts,
        long iterations,
        double seconds) {

    public static QpSolution failed(SolveStatus status, String message, List<Origin> conflicts,
                                    double seconds) {
        return new QpSolution(status, Double.NaN, new double[0], new double[0], message,
                List.copyOf(conflicts), 0, seconds);
    }
}
