package agora.market.designs;

import agora.market.DesignException;
import agora.market.Market;
import agora.market.MarketDesign;
import agora.market.MarketTree;
import agora.market.Participant;
import agora.scenario.Peer;
import agora.topology.Topology;
import java.util.List;

/**
 * Community-based (formulation (2) of the paper): each top-level collective is one pool of all
 * the peers below it, however deeply nested; at the root, each community manager and each peer in
 * no collective trades only with the grid. Needs exactly one grid peer, at top level.
 */
public final class CommunityDesign implements MarketDesign {
    public static final String NAME = "community";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "each community pools its members; communities and loose peers trade only with the grid";
    }

    @Override
    public MarketTree lower(Topology topology) throws DesignException {
        Peer grid = DesignSupport.requireOneTopLevelGrid(topology, NAME);
        double gamma = topology.scenario().tariffs().tradeFee();
        List<Participant> participants = DesignSupport.rootParticipants(topology, grid,
                collective -> flatPool(topology, collective, gamma));
        Market root = DesignSupport.bilateral(MarketTree.ROOT, participants,
                new LinkCosts(topology), (a, b) -> DesignSupport.isGrid(a) || DesignSupport.isGrid(b));
        return new MarketTree(NAME, topology.scenario(), root, DesignSupport.homeCollectives(topology));
    }

    /** One pool of every peer below a collective, in source order. */
    static Market flatPool(Topology topology, String collective, double gamma) {
        List<Participant> members = topology.peersBelow(collective).stream()
                .map(p -> (Participant) new Participant.PeerMember(p)).toList();
        return DesignSupport.pool(collective, members, gamma);
    }
}
