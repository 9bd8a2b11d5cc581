package agora.market.admm;

import agora.market.Market;
import agora.market.MarketTree;
import agora.market.Participant;
import agora.market.TradeLink;
import agora.scenario.Peer;
import agora.scenario.Profile;
import agora.scenario.QuadraticCost;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The set-up of a negotiation, read once from the market tree: what each agent is told about
 * itself ({@link AgentData}), and the routing tables the relay uses to carry messages (which
 * agent's slot is on either end of each bilateral link, which slots report to each pool). This is
 * the only class that reads the tree; agents are later built from their data alone.
 *
 * <p>Agents are numbered in order of first appearance in {@link MarketTree#markets()} order;
 * each collective has one agent, its manager, whose slots in its parent market come before its
 * slots inside its own market.
 */
final class NegotiationPlan {

    /** One pool's routing: the agent and slot of each position, the manager's own last. */
    record PoolRoute(int market, int[] agent, int[] slot, int memberCount) {
    }

    final List<AgentData> agents;
    final int[] linkAgentA;
    final int[] linkSlotA;
    final int[] linkAgentB;
    final int[] linkSlotB;
    final List<PoolRoute> pools;
    /** Per scenario peer: its agent. */
    final int[] peerAgent;
    /** Per market: the pool index, or -1 for a bilateral market. */
    final int[] marketPool;
    /** Per market: its manager's agent, or -1 for the root. */
    final int[] marketManager;
    /** Per market: how many of its manager's slots (the first ones) lie in the parent market. */
    final int[] managerParentSlots;
    final int marketCount;
    final int slotCount;

    private NegotiationPlan(Builder b) {
        int steps = b.tree.scenario().time().count();
        this.agents = b.drafts.stream().map(d -> d.toData(steps)).toList();
        this.linkAgentA = b.linkAgentA.toArray();
        this.linkSlotA = b.linkSlotA.toArray();
        this.linkAgentB = b.linkAgentB.toArray();
        this.linkSlotB = b.linkSlotB.toArray();
        this.pools = List.copyOf(b.pools);
        this.peerAgent = b.peerAgent;
        this.marketPool = b.marketPool;
        this.marketManager = b.marketManager;
        this.managerParentSlots = b.managerParentSlots;
        this.marketCount = b.marketPool.length;
        this.slotCount = b.drafts.stream().mapToInt(d -> d.size()).sum();
    }

    static NegotiationPlan of(MarketTree tree) {
        return new Builder(tree).build();
    }

    int linkCount() {
        return linkAgentA.length;
    }

    /** A growable int array. */
    private static final class IntList {
        private int[] values = new int[16];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, 2 * size);
            }
            values[size++] = value;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    /** One agent's data while it is being collected. */
    private static final class Draft {
        final String name;
        final Peer peer;
        // primitive arrays grown by doubling: a 1,000-peer market has 500,000 slots
        private double[] cost = new double[4];
        private double[] low = new double[4];
        private double[] high = new double[4];
        private boolean[] pool = new boolean[4];
        private int size;

        Draft(String name, Peer peer) {
            this.name = name;
            this.peer = peer;
        }

        int size() {
            return size;
        }

        int addSlot(double slotCost, double slotLow, double slotHigh, boolean isPool) {
            if (size == cost.length) {
                cost = Arrays.copyOf(cost, 2 * size);
                low = Arrays.copyOf(low, 2 * size);
                high = Arrays.copyOf(high, 2 * size);
                pool = Arrays.copyOf(pool, 2 * size);
            }
            cost[size] = slotCost;
            low[size] = slotLow;
            high[size] = slotHigh;
            pool[size] = isPool;
            return size++;
        }

        AgentData toData(int steps) {
            boolean[] poolSlots = Arrays.copyOf(pool, size);
            double[] costs = Arrays.copyOf(cost, size);
            double[] lows = Arrays.copyOf(low, size);
            double[] highs = Arrays.copyOf(high, size);
            if (peer == null) {
                return new AgentData(name, QuadraticCost.ZERO, null, null, costs, lows, highs,
                        poolSlots, null, null);
            }
            if (peer.isGrid()) {
                // the grid's net position is free and costless: it is priced per trade
                return new AgentData(name, QuadraticCost.ZERO,
                        Profile.constant(Double.NEGATIVE_INFINITY, steps),
                        Profile.constant(Double.POSITIVE_INFINITY, steps), costs, lows, highs,
                        poolSlots, peer.importPrice(), peer.exportPrice());
            }
            return new AgentData(name, peer.cost(), peer.pmin(), peer.pmax(), costs, lows, highs,
                    poolSlots, null, null);
        }
    }

    private static final class Builder {
        private final MarketTree tree;
        private final List<Draft> drafts = new ArrayList<>();
        private final Map<String, Integer> peerDraft = new LinkedHashMap<>();
        private final Map<Market, Integer> marketOwner = new IdentityHashMap<>();
        private final IntList linkAgentA = new IntList();
        private final IntList linkSlotA = new IntList();
        private final IntList linkAgentB = new IntList();
        private final IntList linkSlotB = new IntList();
        private final List<PoolRoute> pools = new ArrayList<>();
        private final int[] peerAgent;
        private final int[] marketPool;
        private final int[] marketManager;
        private final int[] managerParentSlots;

        Builder(MarketTree tree) {
            this.tree = tree;
            int markets = tree.markets().size();
            this.peerAgent = new int[tree.peers().size()];
            this.marketPool = new int[markets];
            this.marketManager = new int[markets];
            this.managerParentSlots = new int[markets];
        }

        NegotiationPlan build() {
            List<Market> markets = tree.markets();
            for (int m = 0; m < markets.size(); m++) {
                Market market = markets.get(m);
                Integer owner = marketOwner.get(market);
                marketManager[m] = owner == null ? -1 : owner;
                managerParentSlots[m] = owner == null ? 0 : drafts.get(owner).size();
                marketPool[m] = -1;
                if (market.isPool()) {
                    marketPool[m] = pools.size();
                    addPool(m, market, owner);
                } else {
                    addBilateral(market, owner);
                }
            }
            List<Peer> peers = tree.peers();
            for (int i = 0; i < peers.size(); i++) {
                Integer agent = peerDraft.get(peers.get(i).name());
                if (agent == null) {
                    throw new IllegalArgumentException("peer '" + peers.get(i).name()
                            + "' takes part in no market of design " + tree.design());
                }
                peerAgent[i] = agent;
            }
            return new NegotiationPlan(this);
        }

        private void addPool(int m, Market market, Integer owner) {
            List<Participant> members = market.participants();
            int size = members.size() + (owner == null ? 0 : 1);
            int[] agent = new int[size];
            int[] slot = new int[size];
            for (int i = 0; i < members.size(); i++) {
                agent[i] = agentOf(members.get(i), owner);
                Participant member = members.get(i);
                slot[i] = drafts.get(agent[i]).addSlot(market.poolFee(), lowOf(member),
                        highOf(member), true);
            }
            if (owner != null) {
                // the manager's own position: minus the collective's net position, no fee
                agent[size - 1] = owner;
                slot[size - 1] = drafts.get(owner).addSlot(0.0, Double.NEGATIVE_INFINITY,
                        Double.POSITIVE_INFINITY, true);
            }
            pools.add(new PoolRoute(m, agent, slot, members.size()));
        }

        private void addBilateral(Market market, Integer owner) {
            for (Participant p : market.participants()) {
                agentOf(p, owner);
            }
            for (TradeLink link : market.links()) {
                int a = agentOf(link.a(), owner);
                int b = agentOf(link.b(), owner);
                linkAgentA.add(a);
                linkSlotA.add(drafts.get(a).addSlot(link.costA(), lowOf(link.a()), highOf(link.a()), false));
                linkAgentB.add(b);
                linkSlotB.add(drafts.get(b).addSlot(link.costB(), lowOf(link.b()), highOf(link.b()), false));
            }
        }

        /** The agent of a participant; a collective's manager inside its own market is the owner. */
        private int agentOf(Participant participant, Integer owner) {
            if (participant instanceof Participant.PeerMember member) {
                return peerDraft.computeIfAbsent(member.name(), name -> newDraft(name, member.peer()));
            }
            if (participant instanceof Participant.CollectiveMember collective) {
                return marketOwner.computeIfAbsent(collective.inner(),
                        inner -> newDraft(collective.name(), null));
            }
            if (owner == null) {
                throw new IllegalArgumentException("participant '" + participant.name()
                        + "' acts as a manager in the root market, which has none");
            }
            return owner;
        }

        private int newDraft(String name, Peer peer) {
            drafts.add(new Draft(name, peer));
            return drafts.size() - 1;
        }

        /** Sign rules of a trade or pool position: a producer only sells, a consumer only buys. */
        private static double lowOf(Participant p) {
            return p.mayBuy() ? Double.NEGATIVE_INFINITY : 0.0;
        }

        private static double highOf(Participant p) {
            return p.maySell() ? Double.POSITIVE_INFINITY : 0.0;
        }
    }
}
