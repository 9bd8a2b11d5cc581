package agora.solver;

/** How a solve ended. Only {@link #OPTIMAL} results are reported as market outcomes. */
public enum SolveStatus {
    OPTIMAL,
    INFEASIBLE,
    UNBOUNDED,
    ITERATION_LIMIT,
    TIME_LIMIT,
    NOT_CONVERGED,
    /**
     * The solver reported an optimum, but the answer failed Agora's own check of the step
     * (finite values, budget balance: {@code agora.market.results.StepCheck}); the step's message
     * says which check and by how much.
     */
    CHECK_FAILED,
    ERROR;

    public boolean isOptimal() {
        return this == OPTIMAL;
    }
}
