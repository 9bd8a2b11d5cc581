package agora.examples.ieee14;

import agora.market.MarketSolver;
import agora.market.MarketTree;
import agora.market.StepOutcome;
import agora.scenario.Scenario;
import agora.solver.SolveStatus;
import agora.solver.SolverOptions;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The decomposed solver on the case without fees between communities, on its generated profiles:
 * there the three pools' managers trade round a cycle that costs only the trade fee, and a
 * circulation built up early in a step took ADMM thousands of rounds to unwind at constant speed
 * (the straight-line phase of {@code agora.market.admm.Extrapolation}). Warm-started from the
 * step before, 2013-03-27 11:30 (step 12935) stopped at the 10,000-round limit with a primal
 * residual of 8e-12 and a dual residual of 8.16e-4 (tolerance 2.2e-4); it now converges in
 * about 2,300 rounds.
 */
class Ieee14NoFeesAdmmTest {
    /** The step before the one that did not converge, which the session warm-starts from. */
    static final LocalDateTime BEFORE = LocalDateTime.of(2013, 3, 27, 11, 0);
    /** Welfare of ADMM against the centralized optimum, relative (tolerance 1e-7 on residuals). */
    static final double WELFARE_RELATIVE = 1e-5;

    @Test
    void aCirculationAmongManagersUnwindsWithinTheIterationLimit() {
        Scenario scenario = Ieee14Case.compileGenerated(Ieee14Case.NO_FEES);
        MarketTree tree = Ieee14Case.lower(scenario, "hybrid");
        int before = Ieee14Case.stepOf(scenario, BEFORE);
        MarketSolver admm = Ieee14Case.solver(tree, Ieee14Case.ADMM, SolverOptions.defaults());
        // one thread, one session: the step is warm-started from the one before, as in a run
        assertEquals(SolveStatus.OPTIMAL, admm.solve(before).status());
        StepOutcome outcome = admm.solve(before + 1);
        assertEquals(SolveStatus.OPTIMAL, outcome.status(), outcome.message());

        Ieee14Case.assumeSolver(Ieee14FindingsTest.BACKEND);
        MarketSolver central = Ieee14Case.solver(tree, Ieee14FindingsTest.BACKEND,
                SolverOptions.defaults());
        double optimum = central.solve(before + 1).objective();
        assertEquals(optimum, outcome.objective(), Math.abs(optimum) * WELFARE_RELATIVE,
                "objective against the centralized optimum");
    }
}
