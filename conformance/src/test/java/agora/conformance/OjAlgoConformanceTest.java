package agora.conformance;

import agora.market.MarketSolver;
import agora.market.MarketTree;
import agora.market.lowering.CentralizedSolver;
import agora.solver.SolverBackend;
import agora.solver.SolverBackends;
import agora.solver.SolverOptions;
import java.util.Optional;

/**
 * The centralized solver on ojAlgo's own convex solver ({@code ojalgo}); random scenarios are
 * compared with the default reference ({@code ipm}). Solved to a tolerance of 1e-6, what ojAlgo's
 * ADMM reaches on these markets (on 2 of the 24 random ones its answer missed 1e-7 with a duality
 * gap of 2.2e-7 and 2.6e-7, and the active-set method's answer 6e-7 and 2e-6); the KKT check of
 * the suite is 1e-6 for every backend. The two random markets of more than 150 variables are
 * skipped: the backend declares it does not take them.
 *
 * <p>The wide family is left out: of its 17 seeds ojAlgo takes 10, and on 3 of them (7, 11, 60:
 * costs over eight decades) both its ADMM and its active-set method end OPTIMAL with answers that
 * fail the KKT check (bound complementarity 6e-4 to 1.4e-3), which the backend rightly reports
 * as a failure.
 */
class OjAlgoConformanceTest extends AbstractMarketSolverConformanceTest {
    private static final SolverBackend BACKEND = SolverBackends.byName("ojalgo");
    private static final double TOLERANCE = 1e-6;

    @Override
    protected MarketSolver solverFor(MarketTree tree) {
        return new CentralizedSolver(tree, BACKEND, options());
    }

    @Override
    protected SolverOptions options() {
        SolverOptions defaults = SolverOptions.defaults();
        return new SolverOptions(TOLERANCE, defaults.timeLimit(), defaults.threads(), defaults.admmRho(),
                defaults.admmMaxIterations());
    }

    @Override
    protected boolean takesWideScenarios() {
        return false;
    }

    @Override
    protected Optional<SolverBackend> centralizedBackend() {
        return Optional.of(BACKEND);
    }
}
