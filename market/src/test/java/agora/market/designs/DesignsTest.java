package agora.market.designs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agora.diagnostics.Diagnostic;
import agora.diagnostics.DiagnosticCode;
import agora.market.DesignException;
import agora.market.Market;
import agora.market.MarketDesigns;
import agora.market.MarketTree;
import agora.market.Participant;
import agora.market.TradeLink;
import agora.scenario.Clearing;
import agora.scenario.Scenario;
import agora.topology.Topology;
import java.util.List;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.junit.jupiter.api.Test;

/** Which markets, participants, links and costs each built-in design produces. */
class DesignsTest {

    static MarketTree lower(Scenario scenario, String design) throws DesignException {
        return MarketDesigns.byName(design).lower(Topology.of(scenario));
    }

    static List<String> names(List<Participant> participants) {
        return participants.stream().map(Participant::name).toList();
    }

    static List<String> labels(Market market) {
        return market.links().stream().map(TradeLink::label).toList();
    }

    /**
     * Two communities and a loose prosumer around a grid:
     * c1 (pool) = {g1 producer, d1 consumer}; c2 (pool) = {d2 consumer, sub-collective b (bilateral)
     * = {pv producer}}; h prosumer at top level, declared between c1 and c2.
     */
    static Scenario town() {
        return ScenarioFixture.named("town")
                .grid("grid", 50, 20)
                .collective("c1", Clearing.POOL)
                .producer("g1", 0, 10, 1, 5)
                .consumer("d1", -10, 0, 1, 60)
                .member("c1", "g1", "d1")
                .prosumer("h", -5, 5, 1, 30)
                .collective("c2", Clearing.POOL)
                .consumer("d2", -10, 0, 1, 70)
                .member("c2", "d2")
                .collective("b", Clearing.BILATERAL, "c2")
                .producer("pv", 0, 3, 0.5, 0)
                .member("b", "pv")
                .tradeFee(0.001)
                .fee("c1", "c2", 2.0)
                .build();
    }

    @Test
    void builtInDesignsAreRegistered() {
        assertEquals(List.of("community", "full", "hybrid", "nested"), MarketDesigns.names());
    }

    @Test
    void fullLinksEveryPairTheSignsAllowGridFirst() throws DesignException {
        MarketTree tree = lower(town(), "full");
        assertEquals(1, tree.markets().size());
        assertEquals(List.of("grid", "g1", "d1", "h", "d2", "pv"), names(tree.root().participants()));
        // not producer-producer (g1-pv), not consumer-consumer (d1-d2)
        assertEquals(List.of("grid->g1", "grid->d1", "grid->h", "grid->d2", "grid->pv",
                "g1->d1", "g1->h", "g1->d2", "d1->h", "d1->pv", "h->d2", "h->pv", "d2->pv"),
                labels(tree.root()));
        // peers pay only γ: no collectives trade as such in the full design
        for (TradeLink link : tree.root().links()) {
            assertEquals(0.001, link.costA(), 1e-15, link.label());
            assertEquals(0.001, link.costB(), 1e-15, link.label());
        }
        assertEquals(Map.of("g1", "c1", "d1", "c1", "c1", "c1", "d2", "c2", "pv", "c2", "c2", "c2",
                "b", "c2"), tree.homeCollective());
    }

    @Test
    void communityPoolsEverythingBelowATopCollectiveAndTradesOnlyWithTheGrid() throws DesignException {
        MarketTree tree = lower(town(), "community");
        Market root = tree.root();
        assertEquals(List.of("grid", "c1", "h", "c2"), names(root.participants()));
        assertEquals(List.of("grid->c1", "grid->h", "grid->c2"), labels(root));
        Market c2 = tree.market("c2").orElseThrow();
        assertEquals(Clearing.POOL, c2.clearing());
        assertEquals(List.of("d2", "pv"), names(c2.participants()), "nested b is flattened");
        assertEquals(0.001, c2.poolFee());
        assertEquals(List.of("market", "c1", "c2"), tree.markets().stream().map(Market::name).toList());
    }

    @Test
    void hybridLinksManagersLoosePeersAndGridWithFeesBetweenCollectives() throws DesignException {
        MarketTree tree = lower(town(), "hybrid");
        Market root = tree.root();
        assertEquals(List.of("grid->c1", "grid->h", "grid->c2", "c1->h", "c1->c2", "h->c2"),
                labels(root));
        TradeLink c1c2 = root.links().get(4);
        assertEquals(2.001, c1c2.costA(), 1e-12, "γ + fee c1<->c2 on each side");
        assertEquals(2.001, c1c2.costB(), 1e-12);
        assertEquals(0.001, root.links().get(3).costA(), 1e-15, "no fee between c1 and a peer");
        assertTrue(tree.crossesCollectives(c1c2.a(), c1c2.b()));
    }

    @Test
    void nestedClearsEachCollectiveAsDeclaredWithTheManagerInBilateralOnes() throws DesignException {
        MarketTree tree = lower(town(), "nested");
        assertEquals(List.of("market", "c1", "c2", "b"), tree.markets().stream().map(Market::name).toList());
        Market c2 = tree.market("c2").orElseThrow();
        assertEquals(List.of("d2", "b"), names(c2.participants()));
        assertInstanceOf(Participant.CollectiveMember.class, c2.participants().get(1));
        Market b = tree.market("b").orElseThrow();
        assertEquals(Clearing.BILATERAL, b.clearing());
        assertEquals(List.of(new Participant.Manager("b"), new Participant.PeerMember(
                town().peer("pv").orElseThrow())), b.participants());
        assertEquals(List.of("b->pv"), labels(b));
        // links of all markets, in markets() order
        assertEquals(List.of("grid->c1", "grid->h", "grid->c2", "c1->h", "c1->c2", "h->c2", "b->pv"),
                tree.links().stream().map(TradeLink::label).toList());
    }

    @Test
    void tradingGraphHasAVertexPerParticipantAndAnEdgePerLink() throws DesignException {
        Graph<String, DefaultEdge> graph = lower(town(), "nested").tradingGraph();
        assertEquals(List.of("grid", "c1", "h", "c2", "g1", "d1", "d2", "b", "pv"),
                List.copyOf(graph.vertexSet()));
        assertEquals(7, graph.edgeSet().size());
        assertTrue(graph.containsEdge("pv", "b"));
        assertTrue(graph.containsEdge("c2", "c1"));
    }

    @Test
    void communityDesignsNeedAGrid() {
        Scenario noGrid = ScenarioFixture.named("islanded")
                .producer("g", 0, 1, 1, 1).consumer("d", -1, 0, 1, 9).build();
        for (String design : List.of("community", "hybrid", "nested")) {
            DesignException e = assertThrows(DesignException.class, () -> lower(noGrid, design));
            Diagnostic d = e.diagnostics().get(0);
            assertEquals(DiagnosticCode.GRID_COUNT, d.code());
            assertEquals("fixture.agora:1:1: error[E0603]: design '" + design
                    + "' needs exactly one grid peer, found none", d.headline());
        }
    }

    @Test
    void secondGridIsReportedAtItsDeclaration() {
        Scenario twoGrids = ScenarioFixture.named("two grids")
                .grid("g1", 50, 20).grid("g2", 40, 10).consumer("d", -1, 0, 1, 9).build();
        DesignException e = assertThrows(DesignException.class, () -> lower(twoGrids, "hybrid"));
        assertEquals(1, e.diagnostics().size());
        Diagnostic d = e.diagnostics().get(0);
        assertEquals("fixture.agora:3:5: error[E0603]: design 'hybrid' needs exactly one grid peer, "
                + "found 2 (g1, g2)", d.headline());
        assertEquals("keep 'g1' and remove 'g2', or use design full", d.hint());
    }

    @Test
    void gridInsideACollectiveIsReported() {
        Scenario inside = ScenarioFixture.named("grid inside")
                .collective("c", Clearing.POOL).grid("g", 50, 20).consumer("d", -1, 0, 1, 9)
                .member("c", "g", "d").build();
        DesignException e = assertThrows(DesignException.class, () -> lower(inside, "community"));
        assertEquals("fixture.agora:3:5: error[E0603]: grid 'g' is inside collective 'c', but design "
                + "'community' needs the grid at top level", e.diagnostics().get(0).headline());
    }

    @Test
    void fullDesignTakesAnyNumberOfGridsButNeverLinksTwo() throws DesignException {
        Scenario twoGrids = ScenarioFixture.named("two grids")
                .grid("g1", 50, 20).grid("g2", 40, 10).consumer("d", -1, 0, 1, 9).build();
        assertEquals(List.of("g1->d", "g2->d"), labels(lower(twoGrids, "full").root()));
    }
}
