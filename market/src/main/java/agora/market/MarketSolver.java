package agora.market;

/**
 * Solves the steps of one lowered market: centralized on a {@link agora.solver.SolverBackend}, or
 * decomposed (ADMM). One instance per {@link MarketTree}; {@link #solve} may be called for
 * different steps from several threads at once.
 */
public interface MarketSolver {

    /** For reports, for example {@code centralized/ortools} or {@code admm}. */
    String name();

    /** The market problem it solves (with the design's terms). */
    agora.market.formulation.MarketProblem problem();

    /**
     * The tolerance its answers meet ({@link agora.solver.SolverOptions#tolerance()}), to which
     * {@link agora.market.results.StepCheck} holds every step it reports optimal.
     */
    default double tolerance() {
        return agora.solver.SolverOptions.DEFAULT_TOLERANCE;
    }

    /** Solves step {@code step}; never throws for a failed solve, reports it in the status. */
    StepOutcome solve(int step);
}
