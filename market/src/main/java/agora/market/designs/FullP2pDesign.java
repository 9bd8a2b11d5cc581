package agora.market.designs;

import agora.market.Market;
import agora.market.MarketDesign;
import agora.market.MarketTree;
import agora.market.Participant;
import agora.scenario.Peer;
import agora.topology.Topology;
import java.util.ArrayList;
import java.util.List;

/**
 * Full P2P (formulation (1) of the paper): one bilateral market of every peer, the grid
 * included, whatever collectives the scenario declares; every pair whose signs allow a trade
 * (not producer with producer, not consumer with consumer, not grid with grid) is linked.
 * Collectives do not trade as such, so fees between collectives do not apply; preferences
 * declared on collectives still apply to their members.
 */
public final class FullP2pDesign implements MarketDesign {
    public static final String NAME = "full";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "every peer trades bilaterally with every peer it can (one market, formulation (1))";
    }

    @Override
    public MarketTree lower(Topology topology) {
        List<Participant> participants = new ArrayList<>();
        List<Peer> peers = topology.scenario().peers();
        peers.stream().filter(Peer::isGrid).map(Participant.PeerMember::new).forEach(participants::add);
        peers.stream().filter(p -> !p.isGrid()).map(Participant.PeerMember::new).forEach(participants::add);
        Market root = DesignSupport.bilateral(MarketTree.ROOT, participants,
                new LinkCosts(topology), DesignSupport.ANY_PAIR);
        return new MarketTree(NAME, topology.scenario(), root, DesignSupport.homeCollectives(topology));
    }
}
