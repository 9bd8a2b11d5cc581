package agora.conformance.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import agora.conformance.AbstractMarketSolverConformanceTest;
import agora.market.DesignException;
import agora.market.MarketDesign;
import agora.market.MarketSolver;
import agora.market.MarketTree;
import agora.market.admm.AdmmSolver;
import agora.market.designs.HybridDesign;
import agora.topology.Topology;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The suite as a plug-in runs it, from a package of its own: a design that is not registered
 * (hybrid's tree under a name of its own) lowers the random scenarios, the decomposed solver
 * solves them and the default centralized backend is the reference. Tolerances are ADMM's (see
 * {@code AdmmConformanceTest}).
 */
class PluginDesignConformanceTest extends AbstractMarketSolverConformanceTest {

    /** The plug-in: built on hybrid's code. */
    public static final class RenamedHybrid implements MarketDesign {
        @Override
        public String name() {
            return "renamed-hybrid";
        }

        @Override
        public String description() {
            return "the hybrid design under a name of its own";
        }

        @Override
        public MarketTree lower(Topology topology) throws DesignException {
            return new HybridDesign().lower(topology);
        }
    }

    @Override
    protected MarketSolver solverFor(MarketTree tree) {
        return new AdmmSolver(tree, options());
    }

    @Override
    protected List<MarketDesign> randomScenarioDesigns() {
        return List.of(new RenamedHybrid());
    }

    @Override
    protected boolean reportsMinimumNormTrades() {
        return false;
    }

    @Override
    protected double objectiveTolerance() {
        return 1e-4;
    }

    @Override
    protected double priceTolerance() {
        return 0.05;
    }

    @Test
    void randomScenariosAreLoweredWithThePluginDesign() {
        for (long seed = 1; seed <= 3; seed++) {
            assertEquals("renamed-hybrid", randomScenario(seed).design());
            assertEquals("renamed-hybrid", randomScenario(seed).scenario().market().design());
        }
    }
}
