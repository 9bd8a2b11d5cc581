package agora.market.admm;

import agora.market.formulation.Coupling;
import agora.market.formulation.MarketProblem;
import agora.market.formulation.Party;
import agora.market.formulation.Position;
import agora.market.formulation.SlotKind;
import agora.market.formulation.SlotPrice;
import agora.market.formulation.TradeSlot;
import agora.scenario.Profile;
import java.util.ArrayList;
import java.util.List;

/**
 * The set-up of a negotiation, read once from the {@link MarketProblem}: what each agent is told
 * about itself ({@link AgentData}: its own position's cost and bounds, and its slots' prices and
 * signs as the problem states them), and the routing tables the relay uses to carry messages
 * (which agent's slot is on either end of each bilateral link, which slots report to each pool).
 * This is the only class of the decomposed solver that reads the problem; agents are later built
 * from their data alone.
 *
 * <p>Agents are the problem's parties, in its order; each collective's manager has its slots in
 * its parent market before its slots inside its own market.
 */
final class NegotiationPlan {

    /**
     * One sum row's routing (a pool's {@code sum q = 0} or its exchange row {@code sum e = x}):
     * the agent and slot of each position, the manager's own last.
     *
     * @param coupling the row's index in {@link MarketProblem#couplings()}
     */
    record PoolRoute(int market, int coupling, int[] agent, int[] slot, int memberCount) {
    }

    /** The problem, for the shape of outcomes only (agents never see it). */
    final MarketProblem problem;
    /** Per problem slot: its agent and its number among that agent's slots. */
    final int[] slotAgent;
    final int[] slotLocal;
    final List<AgentData> agents;
    final int[] linkAgentA;
    final int[] linkSlotA;
    final int[] linkAgentB;
    final int[] linkSlotB;
    final List<PoolRoute> pools;
    /** Per scenario peer: its agent. */
    final int[] peerAgent;
    /** Per market: its manager's agent, or -1 for the root. */
    final int[] marketManager;
    /** Per market: how many of its manager's slots (the first ones) lie in the parent market. */
    final int[] managerParentSlots;
    final int marketCount;
    final int slotCount;

    private NegotiationPlan(MarketProblem problem) {
        this.problem = problem;
        int steps = problem.tree().scenario().time().count();
        List<TradeSlot> slots = problem.slots();
        List<Party> parties = problem.parties();
        // each slot's number among its owner's slots, in problem order
        int[] local = new int[slots.size()];
        int[] count = new int[parties.size()];
        this.slotAgent = new int[slots.size()];
        for (TradeSlot slot : slots) {
            slotAgent[slot.index()] = slot.agent();
            local[slot.index()] = count[slot.agent()]++;
        }
        this.slotLocal = local;
        List<AgentData> data = new ArrayList<>();
        for (Party party : parties) {
            data.add(agentData(problem, party, count[party.index()], steps));
        }
        this.agents = List.copyOf(data);
        int links = problem.linkCount();
        this.linkAgentA = new int[links];
        this.linkSlotA = new int[links];
        this.linkAgentB = new int[links];
        this.linkSlotB = new int[links];
        for (int i = 0; i < links; i++) {
            int[] sides = problem.linkCoupling(i).slots();
            linkAgentA[i] = slots.get(sides[0]).agent();
            linkSlotA[i] = local[sides[0]];
            linkAgentB[i] = slots.get(sides[1]).agent();
            linkSlotB[i] = local[sides[1]];
        }
        this.marketCount = problem.tree().markets().size();
        this.marketManager = new int[marketCount];
        this.managerParentSlots = new int[marketCount];
        int[] managerSlotsInside = new int[marketCount];
        for (TradeSlot slot : slots) {
            if (problem.marketManager(slot.market()) == slot.agent()) {
                managerSlotsInside[slot.market()]++;
            }
        }
        List<PoolRoute> routes = new ArrayList<>();
        for (int m = 0; m < marketCount; m++) {
            marketManager[m] = problem.marketManager(m);
            // a manager trades only in its parent market and inside its own
            managerParentSlots[m] = marketManager[m] < 0 ? 0
                    : count[marketManager[m]] - managerSlotsInside[m];
            // a row without slots (every member idle) needs no coordinator; its price stays NaN
            Coupling pool = problem.poolCoupling(m).orElse(null);
            if (pool != null && pool.slots().length > 0) {
                routes.add(route(problem, m, pool, local));
            }
            Coupling exchange = problem.exchangeCoupling(m).orElse(null);
            if (exchange != null && exchange.slots().length > 0) {
                routes.add(route(problem, m, exchange, local));
            }
        }
        this.pools = List.copyOf(routes);
        this.peerAgent = new int[problem.tree().peers().size()];
        for (int k = 0; k < peerAgent.length; k++) {
            String name = problem.positions().get(problem.peerPosition(k)).name();
            peerAgent[k] = problem.party(name).orElseThrow().index();
        }
        this.slotCount = slots.size();
    }

    static NegotiationPlan of(MarketProblem problem) {
        return new NegotiationPlan(problem);
    }

    int linkCount() {
        return linkAgentA.length;
    }

    private static PoolRoute route(MarketProblem problem, int market, Coupling pool, int[] local) {
        int[] rowSlots = pool.slots();
        int[] agent = new int[rowSlots.length];
        int[] slot = new int[rowSlots.length];
        for (int i = 0; i < rowSlots.length; i++) {
            agent[i] = problem.slots().get(rowSlots[i]).agent();
            slot[i] = local[rowSlots[i]];
        }
        // the manager's own position needs no message
        boolean withManager = pool.kind() == Coupling.Kind.EXCHANGE;
        int members = withManager ? rowSlots.length - 1 : rowSlots.length;
        return new PoolRoute(market, pool.index(), agent, slot, members);
    }

    /** A party's own data: its position's cost and bounds, its slots' prices and signs. */
    private static AgentData agentData(MarketProblem problem, Party party, int slotCount, int steps) {
        SlotPrice[] prices = new SlotPrice[slotCount];
        double[] low = new double[slotCount];
        double[] high = new double[slotCount];
        boolean[] pool = new boolean[slotCount];
        int j = 0;
        for (TradeSlot slot : problem.slots()) {
            if (slot.agent() != party.index()) {
                continue;
            }
            prices[j] = slot.price();
            low[j] = slot.low();
            high[j] = slot.high();
            pool[j++] = slot.kind() != SlotKind.BILATERAL;
        }
        Position position = problem.positions().get(party.position());
        if (party.isManager()) {
            // a manager's trades balance: what it buys on one side it sells on the other
            return new AgentData(party.name(), position.cost(), null, null, prices, low, high, pool);
        }
        Profile lower = Profile.constant(Double.NEGATIVE_INFINITY, steps);
        Profile upper = Profile.constant(Double.POSITIVE_INFINITY, steps);
        if (!position.isFree()) {
            lower = position.peer().pmin();
            upper = position.peer().pmax();
        }
        return new AgentData(party.name(), position.cost(), lower, upper, prices, low, high, pool);
    }
}
