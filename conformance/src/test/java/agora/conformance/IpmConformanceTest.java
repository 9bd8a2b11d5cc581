package agora.conformance;

import agora.market.MarketSolver;
import agora.market.MarketTree;
import agora.market.lowering.CentralizedSolver;
import agora.solver.SolverBackend;
import agora.solver.SolverBackends;
import java.util.Optional;

/** The centralized solver on Agora's interior point (ipm); random scenarios are compared with OR-Tools. */
class IpmConformanceTest extends AbstractMarketSolverConformanceTest {
    private static final SolverBackend BACKEND = SolverBackends.byName("ipm");

    @Override
    protected MarketSolver solverFor(MarketTree tree) {
        return new CentralizedSolver(tree, BACKEND, options());
    }

    @Override
    protected MarketSolver referenceSolverFor(MarketTree tree) {
        return new CentralizedSolver(tree, SolverBackends.byName("ortools"), options());
    }

    @Override
    protected Optional<SolverBackend> centralizedBackend() {
        return Optional.of(BACKEND);
    }
}
