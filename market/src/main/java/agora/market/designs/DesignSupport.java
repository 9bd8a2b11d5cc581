package agora.market.designs;

import agora.diagnostics.Diagnostic;
import agora.diagnostics.DiagnosticCode;
import agora.market.DesignException;
import agora.market.Market;
import agora.market.Participant;
import agora.market.TradeLink;
import agora.scenario.Clearing;
import agora.scenario.Peer;
import agora.scenario.Scenario;
import agora.topology.Topology;
import agora.topology.TreeNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * The building blocks of market designs, public so that a plug-in design builds its tree the way
 * the built-in ones do: the grid rule of community-style designs, which pairs may trade, bilateral
 * markets with their per-MWh costs ({@link LinkCosts}), pools, the root market's participants and
 * every participant's home collective (for the exchange between collectives).
 */
public final class DesignSupport {
    private DesignSupport() {
    }

    /** Any pair the trading signs allow (see {@link #signsAllow}). */
    public static final BiPredicate<Participant, Participant> ANY_PAIR = (a, b) -> true;

    /**
     * The single grid peer, declared at top level, that community-style designs need.
     *
     * @throws DesignException GRID_COUNT at the scenario (no grid), at each extra grid, or at a
     *                         grid placed inside a collective
     */
    public static Peer requireOneTopLevelGrid(Topology topology, String design) throws DesignException {
        Scenario scenario = topology.scenario();
        List<Peer> grids = scenario.gridPeers();
        List<Diagnostic> problems = new ArrayList<>();
        if (grids.isEmpty()) {
            problems.add(Diagnostic.error(DiagnosticCode.GRID_COUNT, scenario.span(),
                    "design '" + design + "' needs exactly one grid peer, found none")
                    .withHint("declare one at top level (grid <name> at bus <n> { ... }), "
                            + "or use design full"));
        }
        for (int i = 1; i < grids.size(); i++) {
            problems.add(Diagnostic.error(DiagnosticCode.GRID_COUNT, grids.get(i).span(),
                    "design '" + design + "' needs exactly one grid peer, found " + grids.size()
                            + " (" + String.join(", ", grids.stream().map(Peer::name).toList()) + ")")
                    .withHint("keep '" + grids.get(0).name() + "' and remove '"
                            + grids.get(i).name() + "', or use design full"));
        }
        for (Peer grid : grids) {
            topology.parentCollective(grid.name()).ifPresent(parent -> problems.add(
                    Diagnostic.error(DiagnosticCode.GRID_COUNT, grid.span(), "grid '" + grid.name()
                                    + "' is inside collective '" + parent + "', but design '"
                                    + design + "' needs the grid at top level")
                            .withHint("move '" + grid.name() + "' out of '" + parent + "'")));
        }
        if (!problems.isEmpty()) {
            throw new DesignException(problems);
        }
        return grids.get(0);
    }

    /** May these two trade at all? One must be able to sell to the other; never grid with grid. */
    public static boolean signsAllow(Participant a, Participant b) {
        boolean bothGrids = isGrid(a) && isGrid(b);
        return !bothGrids && (a.maySell() && b.mayBuy() || b.maySell() && a.mayBuy());
    }

    /** True for the grid peer. */
    public static boolean isGrid(Participant p) {
        return p.asPeer().map(Peer::isGrid).orElse(false);
    }

    /**
     * A bilateral market with a link for every pair (in participant order) that the signs allow,
     * that {@code mayLink} accepts, and that both sides can reach (finite costs).
     */
    public static Market bilateral(String name, List<Participant> participants, LinkCosts costs,
                            BiPredicate<Participant, Participant> mayLink) {
        List<TradeLink> links = new ArrayList<>();
        for (int i = 0; i < participants.size(); i++) {
            for (int j = i + 1; j < participants.size(); j++) {
                Participant a = participants.get(i);
                Participant b = participants.get(j);
                if (!signsAllow(a, b) || !mayLink.test(a, b)) {
                    continue;
                }
                double costA = costs.cost(a, b);
                double costB = costs.cost(b, a);
                if (Double.isFinite(costA) && Double.isFinite(costB)) {
                    links.add(new TradeLink(a, b, costA, costB));
                }
            }
        }
        return new Market(name, Clearing.BILATERAL, participants, links, 0.0);
    }

    /**
     * A pool market of {@code members}, each paying {@code poolFee} per MWh of its pool trade;
     * their trades with the outside go through the manager to the parent market.
     */
    public static Market pool(String name, List<Participant> members, double poolFee) {
        return new Market(name, Clearing.POOL, members, List.of(), poolFee);
    }

    /**
     * A pool whose members trade with the outside at {@code grid}'s prices (formulation (2): the
     * community settles its import and export with the grid); its link with the grid in the
     * parent market carries the energy without price.
     */
    public static Market poolSettledWith(String name, List<Participant> members, double poolFee,
                                         Peer grid) {
        return new Market(name, Clearing.POOL, members, List.of(), poolFee, grid);
    }

    /** Participants of the root market: the grid first, then the root's children in order. */
    public static List<Participant> rootParticipants(Topology topology, Peer grid,
                                              java.util.function.Function<String, Market> collectiveMarket) {
        List<Participant> out = new ArrayList<>();
        out.add(new Participant.PeerMember(grid));
        for (TreeNode child : topology.children(topology.root())) {
            if (child instanceof TreeNode.CollectiveNode) {
                out.add(new Participant.CollectiveMember(collectiveMarket.apply(child.name())));
            } else if (!child.name().equals(grid.name())) {
                out.add(new Participant.PeerMember(peer(topology, child.name())));
            }
        }
        return out;
    }

    /** The peer called {@code name}; it must exist. */
    public static Peer peer(Topology topology, String name) {
        return topology.peer(name).orElseThrow();
    }

    /** Each peer's and collective's outermost collective; the grid and loose peers have none. */
    public static Map<String, String> homeCollectives(Topology topology) {
        Map<String, String> home = new LinkedHashMap<>();
        for (Peer peer : topology.scenario().peers()) {
            if (!peer.isGrid()) {
                topology.outermostCollective(peer.name()).ifPresent(c -> home.put(peer.name(), c));
            }
        }
        topology.scenario().collectives().forEach(c ->
                topology.outermostCollective(c.name()).ifPresent(o -> home.put(c.name(), o)));
        return home;
    }
}
