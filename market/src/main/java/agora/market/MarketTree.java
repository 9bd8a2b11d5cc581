package agora.market;

import agora.scenario.Peer;
import agora.scenario.Scenario;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;

/**
 * A scenario lowered by a {@link MarketDesign}: a tree of markets whose leaves are peers. This is
 * the one structure both the centralized lowering (to a QP) and the decomposed ADMM solver read.
 *
 * <p>Flattened views give every market and every trade link a stable index (pre-order, then link
 * order within a market), used by {@link StepOutcome}.
 *
 * @param design           the design's name
 * @param root             the root market (it holds the grid peer where there is one)
 * @param homeCollective   for each participant name (peer or collective), its outermost
 *                         collective in the scenario, used to count energy exchanged between
 *                         collectives; absent for the grid and for peers in no collective
 */
public record MarketTree(String design, Scenario scenario, Market root,
                         Map<String, String> homeCollective) {

    /** Name of the root market. */
    public static final String ROOT = "market";

    public MarketTree {
        homeCollective = Collections.unmodifiableMap(new LinkedHashMap<>(homeCollective));
    }

    /** The same tree under the name {@code name} (see {@link MarketDesigns#lower}). */
    public MarketTree withDesign(String name) {
        return new MarketTree(name, scenario, root, homeCollective);
    }

    /** All markets, root first, then depth-first in participant order. */
    public List<Market> markets() {
        List<Market> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Market market, List<Market> out) {
        out.add(market);
        for (Participant p : market.participants()) {
            if (p instanceof Participant.CollectiveMember c) {
                collect(c.inner(), out);
            }
        }
    }

    /** The market called {@code name} ({@link #ROOT} or a collective's name). */
    public Optional<Market> market(String name) {
        return markets().stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** All trade links of all bilateral markets, in {@link #markets()} order. */
    public List<TradeLink> links() {
        List<TradeLink> out = new ArrayList<>();
        for (Market m : markets()) {
            out.addAll(m.links());
        }
        return out;
    }

    /** The peers of the scenario, in scenario order (the index used by {@link StepOutcome}). */
    public List<Peer> peers() {
        return scenario.peers();
    }

    /** True if a trade between these two participants crosses from one collective to another. */
    public boolean crossesCollectives(Participant a, Participant b) {
        String ha = homeCollective.get(a.name());
        String hb = homeCollective.get(b.name());
        return ha != null && hb != null && !ha.equals(hb);
    }

    /**
     * The trading graph: one vertex per participant name (peers and collectives; a collective's
     * manager inside its own market is the collective's vertex), one edge per trade link. Pools
     * add no edges (members trade with the pool, not with each other). Vertices in
     * {@link #markets()} and participant order.
     */
    public Graph<String, DefaultEdge> tradingGraph() {
        Graph<String, DefaultEdge> graph = new SimpleGraph<>(DefaultEdge.class);
        for (Market m : markets()) {
            m.participants().forEach(p -> graph.addVertex(p.name()));
        }
        for (TradeLink link : links()) {
            graph.addEdge(link.a().name(), link.b().name());
        }
        return graph;
    }
}
