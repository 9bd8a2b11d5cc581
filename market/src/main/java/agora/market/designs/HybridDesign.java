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
 * Hybrid P2P (formulation (3) of the paper): each top-level collective pools all the peers below
 * it, as in {@link CommunityDesign}; at the root, the community managers, the peers in no
 * collective and the grid trade bilaterally, every pair the signs allow. Fees between
 * collectives apply to trades between their managers. Needs exactly one grid peer, at top level.
 */
public final class HybridDesign implements MarketDesign {
    public static final String NAME = "hybrid";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "communities pool inside and trade bilaterally with each other, loose peers and the grid";
    }

    @Override
    public MarketTree lower(Topology topology) throws DesignException {
        Peer grid = DesignSupport.requireOneTopLevelGrid(topology, NAME);
        double gamma = topology.scenario().tariffs().tradeFee();
        List<Participant> participants = DesignSupport.rootParticipants(topology, grid,
                collective -> CommunityDesign.flatPool(topology, collective, gamma));
        Market root = DesignSupport.bilateral(MarketTree.ROOT, participants,
                new LinkCosts(topology), DesignSupport.ANY_PAIR);
        return new MarketTree(NAME, topology.scenario(), root, DesignSupport.homeCollectives(topology));
    }
}
