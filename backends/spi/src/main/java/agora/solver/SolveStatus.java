package agora.solver;

/** How a solve ended. Only {@link #OPTIMAL} results are reported as market outcomes. */
public enum SolveStatus {
    OPTIMAL,
    INFEASIBLE,
    UNBOUNDED,
    ITERATION_LIMIT,
    TIME_LIMIT,
    NOT_CONVERGED,
    ERROR;

    public boolean isOptimal() {
        return this == OPTIMAL;
    }
}
