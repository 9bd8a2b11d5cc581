package agora.market.designs;

import agora.market.DesignException;
import agora.market.Market;
import agora.market.MarketDesign;
import agora.market.MarketTree;
import agora.market.Participant;
import agora.scenario.Collective;
import agora.scenario.Peer;
import agora.topology.Topology;
import agora.topology.TreeNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The general "Russian doll" design: every collective clears as it declares, {@code pool} or
 * {@code bilateral}, recursively, and takes part in its parent's market through its manager with
 * its net position. Inside a bilateral collective the manager is itself a participant that trades
 * with the members (it passes their surplus on to the parent market); all pairs the signs allow
 * are linked. The root market is bilateral. Needs exactly one grid peer, at top level.
 */
public final class NestedDesign implements MarketDesign {
    public static final String NAME = "nested";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "every collective clears as declared (pool or bilateral), nested; the root is bilateral";
    }

    @Override
    public MarketTree lower(Topology topology) throws DesignException {
        Peer grid = DesignSupport.requireOneTopLevelGrid(topology, NAME);
        LinkCosts costs = new LinkCosts(topology);
        List<Participant> participants = DesignSupport.rootParticipants(topology, grid,
                collective -> market(topology, costs, collective));
        Market root = DesignSupport.bilateral(MarketTree.ROOT, participants, costs,
                DesignSupport.ANY_PAIR);
        return new MarketTree(NAME, topology.scenario(), root, DesignSupport.homeCollectives(topology));
    }

    private static Market market(Topology topology, LinkCosts costs, String name) {
        Collective collective = topology.scenario().collective(name).orElseThrow();
        List<Participant> members = new ArrayList<>();
        for (TreeNode child : topology.children(topology.node(name))) {
            members.add(child instanceof TreeNode.CollectiveNode
                    ? new Participant.CollectiveMember(market(topology, costs, child.name()))
                    : new Participant.PeerMember(DesignSupport.peer(topology, child.name())));
        }
        if (collective.clearing() == agora.scenario.Clearing.POOL) {
            return DesignSupport.pool(name, members, topology.scenario().tariffs().tradeFee());
        }
        List<Participant> withManager = new ArrayList<>();
        withManager.add(new Participant.Manager(name));
        withManager.addAll(members);
        return DesignSupport.bilateral(name, withManager, costs, DesignSupport.ANY_PAIR);
    }
}
