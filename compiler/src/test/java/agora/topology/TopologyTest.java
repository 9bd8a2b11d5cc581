package agora.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agora.diagnostics.SourceSpan;
import agora.scenario.Bus;
import agora.scenario.Clearing;
import agora.scenario.Collective;
import agora.scenario.Line;
import agora.scenario.MarketSettings;
import agora.scenario.Network;
import agora.scenario.Peer;
import agora.scenario.PeerKind;
import agora.scenario.Profile;
import agora.scenario.QuadraticCost;
import agora.scenario.Scenario;
import agora.scenario.SolveMode;
import agora.scenario.Tariffs;
import agora.scenario.TimeAxis;
import agora.solver.SolverOptions;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TopologyTest {
    private static final String FILE = "town.agora";

    private static SourceSpan at(int line) {
        return new SourceSpan(FILE, line, 1, 4);
    }

    private static Peer peer(String name, int line, int bus) {
        Profile zero = Profile.constant(0, 1);
        return new Peer(at(line), name, PeerKind.PROSUMER, "prosumer", bus, zero, zero,
                QuadraticCost.ZERO, Set.of(), null, null, List.of());
    }

    /**
     * As written in the file:
     * <pre>
     *  2 peer solo (bus 4)
     *  3 community top { peer a (bus 1); collective inner { peer b (bus 2) }; peer c (bus 3) }
     *  9 peer late (bus 9: not in the network)
     * </pre>
     * Buses 1-2 (x 0.1, r 0.3), 2-3 (x 0.2, r 0.4), 3-1 (x 0.5, r 0); bus 4 isolated.
     */
    private static Scenario town(Tariffs.DistanceMetric metric) {
        List<Peer> peers = List.of(peer("a", 4, 1), peer("b", 6, 2), peer("c", 7, 3),
                peer("solo", 2, 4), peer("late", 9, 9));
        List<Collective> collectives = List.of(
                new Collective(at(3), "top", "community", Clearing.POOL, null, List.of("a", "c"),
                        List.of("inner"), List.of()),
                new Collective(at(5), "inner", "collective", Clearing.BILATERAL, "top",
                        List.of("b"), List.of(), List.of()));
        Network network = new Network(
                List.of(new Bus(at(20), 1), new Bus(at(20), 2), new Bus(at(20), 3), new Bus(at(20), 4)),
                List.of(new Line(at(21), "l12", 1, 2, 0.3, 0.1, null),
                        new Line(at(22), "l23", 2, 3, 0.4, 0.2, null),
                        new Line(at(23), "l31", 3, 1, 0.0, 0.5, null)));
        return new Scenario(at(1), "town", "$",
                new TimeAxis(LocalDateTime.of(2024, 1, 1, 0, 0), Duration.ofHours(1), 1), Map.of(),
                peers, collectives, new Tariffs(0, List.of(), 0, metric), network,
                new MarketSettings("full", SolveMode.CENTRALIZED, "ipm", SolverOptions.defaults()),
                "hash", List.of(FILE));
    }

    private static List<String> names(List<TreeNode> nodes) {
        return nodes.stream().map(TreeNode::name).toList();
    }

    @Test
    void childrenFollowTheSourceFile() {
        Topology t = Topology.of(town(Tariffs.DistanceMetric.HOPS));
        assertEquals(List.of("solo", "top", "late"), names(t.children(t.root())));
        assertEquals(List.of("a", "inner", "c"), names(t.children(t.node("top"))));
        assertEquals(List.of("a", "b", "c"),
                t.peersBelow("top").stream().map(Peer::name).toList());
        assertEquals(2, t.collectiveDepth());
    }

    @Test
    void enclosingCollectivesAndWithin() {
        Topology t = Topology.of(town(Tariffs.DistanceMetric.HOPS));
        assertEquals(List.of("inner", "top"), t.enclosingCollectives("b"));
        assertEquals("top", t.outermostCollective("b").orElseThrow());
        assertTrue(t.isWithin("b", "top"));
        assertTrue(t.isWithin("inner", "inner"));
        assertTrue(t.isWithin("inner", "top"));
        assertFalse(t.isWithin("solo", "top"));
        assertFalse(t.isWithin("top", "inner"));
        assertFalse(t.isWithin("a", "a"), "a peer is not a collective");
    }

    @Test
    void distancesUnderEachMetric() {
        Topology hops = Topology.of(town(Tariffs.DistanceMetric.HOPS));
        assertEquals(1.0, hops.distance(1, 3));               // the direct line 3-1
        assertEquals(OptionalDouble.of(1.0), hops.peerDistance("a", "b"));
        Topology reactance = Topology.of(town(Tariffs.DistanceMetric.REACTANCE));
        assertEquals(0.3, reactance.distance(1, 3), 1e-12);   // 1-2-3 (0.1 + 0.2) beats 0.5
        Topology impedance = Topology.of(town(Tariffs.DistanceMetric.IMPEDANCE));
        // |0.3 + j0.1| + |0.4 + j0.2| = 0.3162 + 0.4472 = 0.7635 > |0 + j0.5|: direct line
        assertEquals(0.5, impedance.distance(1, 3), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, hops.distance(1, 4), "bus 4 has no line");
        assertEquals(OptionalDouble.of(Double.POSITIVE_INFINITY), hops.peerDistance("a", "solo"));
        assertEquals(OptionalDouble.empty(), hops.peerDistance("a", "late"), "bus 9 is unknown");
        assertEquals(OptionalDouble.of(0.0), hops.peerDistance("c", "c"));
    }
}
