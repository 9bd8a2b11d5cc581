package agora.market.lowering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agora.market.DesignException;
import agora.market.MarketDesigns;
import agora.market.MarketTree;
import agora.market.StepOutcome;
import agora.market.TradeLink;
import agora.market.admm.AdmmSolver;
import agora.market.designs.ScenarioFixture;
import agora.scenario.Clearing;
import agora.solver.SolverBackends;
import agora.solver.SolverOptions;
import agora.topology.Topology;
import org.junit.jupiter.api.Test;

/**
 * A peer fixed at 0 MW in every step (issue 15, item 6) neither sells nor buys: it gets no trade
 * link and no pool trade, so no step carries variables that can only be 0, and the market
 * clears as if it were not there.
 */
class IdlePeersTest {
    private static final double TOLERANCE = 1e-4;

    /** g (0.5 p² + 10 p) sells to d (0.5 p² + 40 p): q = 15 at 25 $/MWh; idle prosumer z at 0. */
    private static ScenarioFixture market() {
        return ScenarioFixture.named("idle")
                .grid("grid", 1000, 0)
                .producer("g", 0, 100, 0.5, 10)
                .consumer("d", -100, 0, 0.5, 40)
                .prosumer("z", 0, 0, 1, 30);
    }

    private static MarketTree lower(ScenarioFixture fixture, String design) throws DesignException {
        return MarketDesigns.byName(design).lower(Topology.of(fixture.design(design).build()));
    }

    @Test
    void anIdlePeerGetsNoLinkInTheFullDesign() throws DesignException {
        MarketTree tree = lower(market(), "full");
        for (TradeLink link : tree.links()) {
            assertFalse(link.a().name().equals("z") || link.b().name().equals("z"), link.label());
        }
        LoweredMarket lowered = LoweredMarket.of(tree);
        long zVariables = lowered.structureModel().structure().variableNames().stream()
                .filter(n -> n.contains("z")).count();
        assertEquals(1, zVariables, "only z's injection: " + lowered.structureModel().structure().variableNames());
        assertClearsWithoutTheIdlePeer(tree);
    }

    @Test
    void anIdlePoolMemberHasNoPoolTrade() throws DesignException {
        MarketTree tree = lower(market().collective("c", Clearing.POOL).member("c", "g", "d", "z"),
                "community");
        LoweredMarket lowered = LoweredMarket.of(tree);
        assertTrue(lowered.structureModel().structure().variableNames().stream()
                .noneMatch(n -> n.contains("[z->")), lowered.structureModel().structure().variableNames().toString());
        assertClearsWithoutTheIdlePeer(tree);
    }

    /** Centralized and by ADMM: g sells 15 MW as if z were not there, z stays at 0. */
    private static void assertClearsWithoutTheIdlePeer(MarketTree tree) {
        StepOutcome centralized = new CentralizedSolver(tree, SolverBackends.all().get(0),
                SolverOptions.defaults()).solve(0);
        StepOutcome decomposed = new AdmmSolver(tree, SolverOptions.defaults()).solve(0);
        for (StepOutcome o : new StepOutcome[] {centralized, decomposed}) {
            assertTrue(o.isOptimal(), o.message());
            assertEquals(15, o.injection()[1], TOLERANCE);
            assertEquals(0, o.injection()[3], TOLERANCE);
        }
    }
}
