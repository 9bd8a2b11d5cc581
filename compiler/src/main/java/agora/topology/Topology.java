package agora.topology;

import agora.diagnostics.SourceSpan;
import agora.scenario.Collective;
import agora.scenario.Line;
import agora.scenario.Peer;
import agora.scenario.Scenario;
import agora.scenario.Tariffs.DistanceMetric;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jgrapht.Graph;
import org.jgrapht.Graphs;
import org.jgrapht.alg.interfaces.ShortestPathAlgorithm.SingleSourcePaths;
import org.jgrapht.alg.shortestpath.DijkstraShortestPath;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedGraph;
import org.jgrapht.graph.WeightedPseudograph;

/**
 * The read-only topology of a compiled scenario, built with JGraphT:
 *
 * <ul>
 *   <li>the collective tree: the root market on top, collectives as inner nodes, peers as leaves
 *       (edges point from parent to child; peers in no collective and the grid hang off the
 *       root);</li>
 *   <li>the bus network: buses and lines, with electrical distances between buses under the
 *       scenario's distance metric, for network charges and distance preferences.</li>
 * </ul>
 *
 * Trading graphs depend on the market design and are built by the designs from this topology.
 */
public final class Topology {
    private final Scenario scenario;
    private final Graph<TreeNode, DefaultEdge> tree;
    private final TreeNode.Root root;
    private final Map<String, TreeNode> nodes = new LinkedHashMap<>();
    /** Peers by name: designs look peers up once per trade link, 250,000 times in a large market. */
    private final Map<String, Peer> peersByName = new LinkedHashMap<>();
    private final Graph<Integer, DefaultWeightedEdge> buses;
    /**
     * Distances from each bus asked about, computed on first use (one Dijkstra search each):
     * only peers' buses are ever asked about, while all pairs of a network of n buses would
     * take n³ steps (2,000 buses took a minute) and n² entries.
     */
    private final Map<Integer, Map<Integer, Double>> distancesFrom = new ConcurrentHashMap<>();

    /** The DC power flow, computed on first use (only scenarios with line limits need it). */
    private volatile DcPowerFlow powerFlow;

    private Topology(Scenario scenario) {
        this.scenario = scenario;
        this.root = new TreeNode.Root("market");
        scenario.peers().forEach(p -> peersByName.putIfAbsent(p.name(), p));
        this.tree = buildTree();
        this.buses = buildBusNetwork(scenario.tariffs().distance());
    }

    /** Builds the topology of a checked scenario (names resolved, no nesting cycles). */
    public static Topology of(Scenario scenario) {
        return new Topology(scenario);
    }

    public Scenario scenario() {
        return scenario;
    }

    /** The peer of that name, looked up in constant time. */
    public Optional<Peer> peer(String name) {
        return Optional.ofNullable(peersByName.get(name));
    }

    /** The DC power flow of the network's limited lines (none when no line has a capacity). */
    public DcPowerFlow powerFlow() {
        DcPowerFlow flow = powerFlow;
        if (flow == null) {
            flow = DcPowerFlow.of(scenario);
            powerFlow = flow;
        }
        return flow;
    }

    public Graph<TreeNode, DefaultEdge> collectiveTree() {
        return tree;
    }

    public TreeNode.Root root() {
        return root;
    }

    public TreeNode node(String name) {
        return nodes.get(name);
    }

    /** Children of a node in source order. */
    public List<TreeNode> children(TreeNode node) {
        return Graphs.successorListOf(tree, node);
    }

    /** The parent collective of a peer or collective, empty at top level. */
    public Optional<String> parentCollective(String name) {
        TreeNode node = nodes.get(name);
        List<TreeNode> parents = Graphs.predecessorListOf(tree, node);
        return parents.isEmpty() || parents.get(0) instanceof TreeNode.Root
                ? Optional.empty() : Optional.of(parents.get(0).name());
    }

    /** The outermost collective containing a peer or collective (itself for a top collective). */
    public Optional<String> outermostCollective(String name) {
        TreeNode node = nodes.get(name);
        String found = node instanceof TreeNode.CollectiveNode ? name : null;
        for (Optional<String> p = parentCollective(name); p.isPresent(); p = parentCollective(p.get())) {
            found = p.get();
        }
        return Optional.ofNullable(found);
    }

    /** The chain of collectives containing a peer or collective, innermost first. */
    public List<String> enclosingCollectives(String name) {
        List<String> out = new ArrayList<>();
        for (Optional<String> p = parentCollective(name); p.isPresent(); p = parentCollective(p.get())) {
            out.add(p.get());
        }
        return out;
    }

    /** All peers below a collective, in source order, however deep. */
    public List<Peer> peersBelow(String collective) {
        List<Peer> out = new ArrayList<>();
        collectPeers(nodes.get(collective), out);
        return out;
    }

    private void collectPeers(TreeNode node, List<Peer> out) {
        for (TreeNode child : children(node)) {
            if (child instanceof TreeNode.PeerNode) {
                peer(child.name()).ifPresent(out::add);
            } else {
                collectPeers(child, out);
            }
        }
    }

    /** Depth of the deepest collective (0 when there are none, 1 for flat communities). */
    public int collectiveDepth() {
        return depthBelow(root);
    }

    private int depthBelow(TreeNode node) {
        int depth = 0;
        for (TreeNode child : children(node)) {
            if (child instanceof TreeNode.CollectiveNode) {
                depth = Math.max(depth, 1 + depthBelow(child));
            }
        }
        return depth;
    }

    /** Collectives directly under the root, in source order. */
    public List<Collective> topCollectives() {
        return scenario.collectives().stream().filter(c -> c.parent() == null).toList();
    }

    public Graph<Integer, DefaultWeightedEdge> busNetwork() {
        return buses;
    }

    /**
     * Electrical distance between two buses under the scenario's metric; 0 for the same bus,
     * +inf when no path joins them or a bus is not in the network.
     */
    public double distance(int fromBus, int toBus) {
        if (fromBus == toBus) {
            return 0.0;
        }
        if (!buses.containsVertex(fromBus) || !buses.containsVertex(toBus)) {
            return Double.POSITIVE_INFINITY;
        }
        return distancesFrom.computeIfAbsent(fromBus, this::distancesFrom)
                .getOrDefault(toBus, Double.POSITIVE_INFINITY);
    }

    /**
     * Electrical distance between two peers' buses, or empty when either peer has no bus in the
     * network (its location is unknown, so no distance-based charge applies). +inf when both
     * buses are in the network but no line path joins them.
     */
    public OptionalDouble peerDistance(String peerA, String peerB) {
        Optional<Peer> a = peer(peerA);
        Optional<Peer> b = peer(peerB);
        if (a.isEmpty() || b.isEmpty() || !buses.containsVertex(a.get().bus())
                || !buses.containsVertex(b.get().bus())) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(distance(a.get().bus(), b.get().bus()));
    }

    /**
     * True if {@code name} (a peer or collective) is {@code collective} itself or lies inside it,
     * however deep.
     */
    public boolean isWithin(String name, String collective) {
        boolean isThatCollective = name.equals(collective)
                && nodes.get(name) instanceof TreeNode.CollectiveNode;
        return isThatCollective || enclosingCollectives(name).contains(collective);
    }

    private Graph<TreeNode, DefaultEdge> buildTree() {
        Graph<TreeNode, DefaultEdge> g = new SimpleDirectedGraph<>(DefaultEdge.class);
        g.addVertex(root);
        for (Collective c : scenario.collectives()) {
            TreeNode n = new TreeNode.CollectiveNode(c.name());
            nodes.put(c.name(), n);
            g.addVertex(n);
        }
        for (Peer p : scenario.peers()) {
            TreeNode n = new TreeNode.PeerNode(p.name());
            nodes.put(p.name(), n);
            g.addVertex(n);
        }
        // Children in source order: JGraphT keeps successors in edge insertion order.
        List<TreeNode> topLevel = new ArrayList<>();
        for (Collective c : scenario.collectives()) {
            if (c.parent() == null) {
                topLevel.add(nodes.get(c.name()));
            }
        }
        Set<String> placed = new HashSet<>();
        for (Collective c : scenario.collectives()) {
            placed.addAll(c.memberPeers());
        }
        for (Peer p : scenario.peers()) {
            if (!placed.contains(p.name())) {
                topLevel.add(nodes.get(p.name()));
            }
        }
        for (TreeNode child : inSourceOrder(topLevel)) {
            g.addEdge(root, child);
        }
        for (Collective c : scenario.collectives()) {
            List<TreeNode> members = new ArrayList<>();
            c.memberPeers().forEach(m -> members.add(nodes.get(m)));
            c.memberCollectives().forEach(m -> members.add(nodes.get(m)));
            for (TreeNode member : inSourceOrder(members)) {
                g.addEdge(nodes.get(c.name()), member);
            }
        }
        return g;
    }

    /**
     * Sorts tree nodes by where they were declared (file in compilation order, line, column), so
     * collectives and loose peers interleave as written. Keeps the given order when some node has
     * no source position (built programmatically).
     */
    private List<TreeNode> inSourceOrder(List<TreeNode> items) {
        List<TreeNode> sorted = new ArrayList<>(items);
        if (!items.stream().allMatch(n -> span(n).hasPosition())) {
            return sorted;
        }
        sorted.sort(Comparator.comparingInt((TreeNode n) -> fileRank(span(n).file()))
                .thenComparing(n -> span(n).file())
                .thenComparingInt(n -> span(n).line())
                .thenComparingInt(n -> span(n).column()));
        return sorted;
    }

    private int fileRank(String file) {
        int rank = scenario.files().indexOf(file);
        return rank < 0 ? Integer.MAX_VALUE : rank;
    }

    private SourceSpan span(TreeNode node) {
        if (node instanceof TreeNode.PeerNode) {
            return peer(node.name()).map(Peer::span).orElse(SourceSpan.none(node.name()));
        }
        return scenario.collective(node.name()).map(Collective::span)
                .orElse(SourceSpan.none(node.name()));
    }

    private Graph<Integer, DefaultWeightedEdge> buildBusNetwork(DistanceMetric metric) {
        Graph<Integer, DefaultWeightedEdge> g = new WeightedPseudograph<>(DefaultWeightedEdge.class);
        scenario.network().buses().forEach(b -> g.addVertex(b.id()));
        for (Line line : scenario.network().lines()) {
            if (!g.containsVertex(line.from()) || !g.containsVertex(line.to())) {
                continue; // reported by the compiler; a checked scenario has none
            }
            DefaultWeightedEdge e = g.addEdge(line.from(), line.to());
            g.setEdgeWeight(e, switch (metric) {
                case HOPS -> 1.0;
                case REACTANCE -> Math.abs(line.reactance());
                case IMPEDANCE -> Math.hypot(line.resistance(), line.reactance());
            });
        }
        return g;
    }

    /** The distance from {@code source} to every bus a line path reaches. */
    private Map<Integer, Double> distancesFrom(int source) {
        SingleSourcePaths<Integer, DefaultWeightedEdge> paths = new DijkstraShortestPath<>(buses).getPaths(source);
        Map<Integer, Double> out = new LinkedHashMap<>();
        for (Integer b : buses.vertexSet()) {
            double weight = paths.getWeight(b);
            if (weight < Double.POSITIVE_INFINITY) {
                out.put(b, weight);
            }
        }
        return Collections.unmodifiableMap(out);
    }
}
