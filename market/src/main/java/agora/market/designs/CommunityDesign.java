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
 * the peers below it, however deeply nested, whose members pay γ on their pool trades and trade
 * with the outside at the grid's prices without γ (the paper's {@code G(q_imp, q_exp)}: each
 * member's import at π⁺, its export at π⁻); each peer in no collective trades only with the
 * grid, also without γ. Needs exactly one grid peer, at top level.
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
                collective -> DesignSupport.poolSettledWith(collective, members(topology, collective),
                        gamma, grid));
        Market root = DesignSupport.bilateral(MarketTree.ROOT, participants,
                LinkCosts.withoutTradeFee(topology),
                (a, b) -> DesignSupport.isGrid(a) || DesignSupport.isGrid(b));
        return new MarketTree(NAME, topology.scenario(), root, DesignSupport.homeCollectives(topology));
    }

    /** One pool of every peer below a collective, in source order, paying γ on pool trades. */
    public static Market flatPool(Topology topology, String collective, double gamma) {
        return DesignSupport.pool(collective, members(topology, collective), gamma);
    }

    /** Every peer below a collective, however deeply nested, in source order. */
    static List<Participant> members(Topology topology, String collective) {
        return topology.peersBelow(collective).stream()
                .map(p -> (Participant) new Participant.PeerMember(p)).toList();
    }
}
