package agora.solver;

/**
 * A solver that takes a validated {@link QpModel} and returns primal values and duals in the
 * convention of {@link QpSolution}. Implementations are registered with
 * {@link java.util.ServiceLoader} under {@code META-INF/services/agora.solver.SolverBackend} and
 * found through {@link SolverBackends}.
 *
 * <p>Implementations must be thread-safe: steps are solved in parallel, one {@code solve} call
 * per step. Models passed in have been checked by {@link ModelValidator}.
 */
public interface SolverBackend {

    /** The name users select the backend by, for example {@code ojalgo}. */
    String name();

    Capabilities capabilities();

    /** Solves one model; never throws for a solver failure, returns a non-optimal status instead. */
    QpSolution solve(QpModel model, SolverOptions options);
}
