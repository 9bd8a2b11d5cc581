package agora.conformance;

import agora.market.MarketSolver;
import agora.market.MarketTree;
import agora.market.lowering.CentralizedSolver;
import agora.solver.SolverBackend;
import agora.solver.SolverBackends;
import java.util.Optional;

/** The centralized solver on OR-Tools; random scenarios are compared with the default reference (ipm). */
class OrToolsConformanceTest extends AbstractMarketSolverConformanceTest {
    private static final SolverBackend BACKEND = SolverBackends.byName("ortools");

    @Override
    protected MarketSolver solverFor(MarketTree tree) {
        return new CentralizedSolver(tree, BACKEND, options());
    }

    @Override
    protected Optional<SolverBackend> centralizedBackend() {
        return Optional.of(BACKEND);
    }
}
