package agora.market.designs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import agora.market.DesignException;
import agora.market.MarketTree;
import agora.market.TradeLink;
import agora.scenario.Clearing;
import agora.scenario.Preference.Target;
import agora.scenario.Scenario;
import agora.scenario.Tariffs.DistanceMetric;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Per-side costs: γ, network charge by distance, and preferences, own and inherited. */
class LinkCostsTest {

    /**
     * Buses 1-2-3 in a line (reactances 0.1 and 0.2). w (wind, green) at bus 1, gas at bus 3,
     * load l at bus 2 inside community c (which prefers green energy by 2 $/MWh), load m at bus 3
     * preferring partner w by 1 $/MWh and close partners by 0.5 $/MWh per hop.
     */
    static Scenario line(DistanceMetric metric) {
        return ScenarioFixture.named("line")
                .producer("w", 0, 5, 0.1, 0).energy("w", "wind", "green").at("w", 1)
                .producer("gas", 0, 5, 0.1, 30).at("gas", 3)
                .collective("c", Clearing.POOL)
                .consumer("l", -5, 0, 0.1, 80).at("l", 2)
                .member("c", "l")
                .prefers("c", Target.ENERGY, "green", 2.0)
                .consumer("m", -5, 0, 0.1, 80).at("m", 3)
                .prefers("m", Target.PARTNER, "w", 1.0)
                .prefers("m", Target.DISTANCE, "", 0.5)
                .line(1, 2, 0.01, 0.1).line(2, 3, 0.02, 0.2)
                .tradeFee(0.01)
                .networkCharge(0.25, metric)
                .build();
    }

    static TradeLink link(MarketTree tree, String label) {
        return tree.root().links().stream().filter(l -> l.label().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void networkChargeAndPreferencesAddUpPerSide() throws DesignException {
        MarketTree tree = DesignsTest.lower(line(DistanceMetric.HOPS), "full");
        List<String> labels = tree.root().links().stream().map(TradeLink::label).toList();
        assertEquals(List.of("w->l", "w->m", "gas->l", "gas->m"), labels);
        // w-l: 1 hop: γ + 0.25; l inherits c's green preference, w is green: nothing more
        assertEquals(0.26, link(tree, "w->l").costA(), 1e-12);
        assertEquals(0.26, link(tree, "w->l").costB(), 1e-12);
        // w-m: 2 hops: γ + 0.5 each; m prefers w (no extra) and pays 0.5 per hop: + 1.0
        assertEquals(0.51, link(tree, "w->m").costA(), 1e-12);
        assertEquals(1.51, link(tree, "w->m").costB(), 1e-12);
        // gas-l: 1 hop; gas is not green, so l pays c's 2 $/MWh preference
        assertEquals(0.26, link(tree, "gas->l").costA(), 1e-12);
        assertEquals(2.26, link(tree, "gas->l").costB(), 1e-12);
        // gas-m: same bus: no charge; m pays 1 (not w) and 0 distance
        assertEquals(0.01, link(tree, "gas->m").costA(), 1e-12);
        assertEquals(1.01, link(tree, "gas->m").costB(), 1e-12);
    }

    @Test
    void reactanceMetricWeighsLinesByReactance() throws DesignException {
        MarketTree tree = DesignsTest.lower(line(DistanceMetric.REACTANCE), "full");
        // w-m: reactance 0.1 + 0.2 = 0.3; charge 0.25 * 0.3, m's distance preference 0.5 * 0.3
        assertEquals(0.01 + 0.075, link(tree, "w->m").costA(), 1e-12);
        assertEquals(0.01 + 0.075 + 0.15, link(tree, "w->m").costB(), 1e-12);
    }

    @Test
    void peersInDisconnectedPartsOfTheNetworkCannotTrade() throws DesignException {
        Scenario split = ScenarioFixture.named("split")
                .producer("a", 0, 1, 1, 1).at("a", 1)
                .consumer("b", -1, 0, 1, 9).at("b", 2)
                .consumer("c", -1, 0, 1, 9)          // no bus: no location, no charge
                .networkCharge(1.0, DistanceMetric.HOPS)
                .build();
        MarketTree tree = DesignsTest.lower(split, "full");
        assertEquals(List.of("a->c"), tree.root().links().stream().map(TradeLink::label).toList());
        assertEquals(0.0, tree.root().links().get(0).costA());
    }

    @Test
    void collectivePreferencesApplyToTheManagerAndCollectivesSellSharedEnergyTypes()
            throws DesignException {
        Scenario scenario = ScenarioFixture.named("managers")
                .grid("grid", 50, 20)
                .collective("green", Clearing.POOL)
                .producer("w1", 0, 5, 0.1, 0).energy("w1", "green")
                .producer("w2", 0, 5, 0.1, 0).energy("w2", "green", "wind")
                .consumer("l1", -5, 0, 0.1, 80)
                .member("green", "w1", "w2", "l1")
                .collective("town", Clearing.POOL)
                .consumer("l2", -5, 0, 0.1, 80)
                .member("town", "l2")
                .prefers("town", Target.ENERGY, "green", 3.0)
                .prefers("town", Target.COLLECTIVE, "town", 0.5)
                .build();
        MarketTree tree = DesignsTest.lower(scenario, "hybrid");
        // the grid sells no green energy and is outside town: town's manager pays 3 + 0.5
        assertEquals(3.5, link(tree, "grid->town").costB(), 1e-12);
        // the green collective's sellers (w1, w2; l1 only buys) all sell green: no energy charge
        assertEquals(0.5, link(tree, "green->town").costB(), 1e-12);
        assertEquals(0.0, link(tree, "green->town").costA(), 1e-12);
    }

    /**
     * Issue 15, item 3: community c prefers green energy by 2 $/MWh; its PV (green) sells to its
     * household h and both may trade with the grid and the gas plant outside. Inside c nobody
     * pays c's preference; outside, its members pay it where they buy energy that is not green.
     */
    @Test
    void aCollectivesPreferenceFavoursPartnersOutsideItAndNeverTaxesItsOwnMembers()
            throws DesignException {
        Scenario scenario = ScenarioFixture.named("green street")
                .grid("grid", 50, 20)
                .producer("gas", 0, 5, 0.1, 30)
                .collective("c", Clearing.POOL)
                .producer("pv", 0, 5, 0.1, 0).energy("pv", "solar", "green")
                .consumer("h", -5, 0, 0.1, 80)
                .member("c", "pv", "h")
                .prefers("c", Target.ENERGY, "green", 2.0)
                .tradeFee(0.001)
                .build();
        MarketTree tree = DesignsTest.lower(scenario, "full");
        // inside c: the PV's sale to its own household pays only γ (before: 0.001 / 2.001)
        assertEquals(0.001, link(tree, "pv->h").costA(), 1e-12);
        assertEquals(0.001, link(tree, "pv->h").costB(), 1e-12);
        // outside: h buying gas or grid energy pays c's preference
        assertEquals(2.001, link(tree, "gas->h").costB(), 1e-12);
        assertEquals(2.001, link(tree, "grid->h").costB(), 1e-12);
        // an energy preference is about what one buys: the PV selling to the grid pays only γ
        assertEquals(0.001, link(tree, "grid->pv").costB(), 1e-12);
    }
}
