package agora.market.admm;

import agora.market.formulation.Coupling;
import agora.market.formulation.LineLimit;
import agora.market.formulation.MarketProblem;
import agora.market.formulation.Party;
import agora.market.formulation.Position;
import agora.market.formulation.SlotKind;
import agora.market.formulation.SlotPrice;
import agora.market.formulation.TradeSlot;
import agora.scenario.Profile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 *
 * <p>With line limits a network operator takes part too (index {@code agents.size()} in the
 * routing tables): every peer whose bus loads a limited line announces its injection to it on
 * one more row, routed like a bilateral link after the market's links.
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
    /** The market's trade links; the routing tables hold the injection rows after them. */
    final int marketLinks;
    /** Per operator row: the announcing peer's index in the scenario. */
    final int[] networkPeers;
    /** The operator's lines: the limited lines that can bind, by index among the limits. */
    final int[] operatorLines;
    /** Per operator line, its factor for each operator row (empty without limits). */
    final double[][] networkFactors;
    final Profile[] lineCapacities;

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
        // the peers (with trades) whose injections load a limited line, in position order
        List<LineLimit> reachable = problem.lineLimits().stream().filter(LineLimit::reachable).toList();
        Map<Integer, Integer> rowOfPosition = new LinkedHashMap<>();
        for (LineLimit line : reachable) {
            for (int position : line.positions()) {
                Party party = problem.party(problem.positions().get(position).name()).orElseThrow();
                if (count[party.index()] > 0) {
                    rowOfPosition.putIfAbsent(position, 0);
                }
            }
        }
        List<Integer> announcing = rowOfPosition.keySet().stream().sorted().toList();
        for (int row = 0; row < announcing.size(); row++) {
            rowOfPosition.put(announcing.get(row), row);
        }
        List<AgentData> data = new ArrayList<>();
        for (Party party : parties) {
            data.add(agentData(problem, party, count[party.index()], steps,
                    rowOfPosition.containsKey(party.position())));
        }
        this.agents = List.copyOf(data);
        this.marketLinks = problem.linkCount();
        int links = marketLinks + announcing.size();
        this.linkAgentA = new int[links];
        this.linkSlotA = new int[links];
        this.linkAgentB = new int[links];
        this.linkSlotB = new int[links];
        this.operatorLines = reachable.stream().mapToInt(LineLimit::index).toArray();
        this.networkFactors = new double[reachable.size()][announcing.size()];
        this.lineCapacities = new Profile[reachable.size()];
        for (int l = 0; l < reachable.size(); l++) {
            LineLimit line = reachable.get(l);
            lineCapacities[l] = line.line().capacity();
            for (int k = 0; k < line.positions().length; k++) {
                Integer row = rowOfPosition.get(line.positions()[k]);
                if (row != null) {
                    networkFactors[l][row] = line.factors()[k];
                }
            }
        }
        this.networkPeers = new int[announcing.size()];
        int[] peerAt = new int[problem.positions().size()]; // the peer of each peer position
        for (int k = 0; k < problem.tree().peers().size(); k++) {
            peerAt[problem.peerPosition(k)] = k;
        }
        for (int row = 0; row < announcing.size(); row++) {
            Party party = problem.party(problem.positions().get(announcing.get(row)).name()).orElseThrow();
            networkPeers[row] = peerAt[announcing.get(row)];
            linkAgentA[marketLinks + row] = party.index();
            linkSlotA[marketLinks + row] = count[party.index()]; // after its trade slots
            linkAgentB[marketLinks + row] = parties.size();      // the operator
            linkSlotB[marketLinks + row] = row;
        }
        for (int i = 0; i < marketLinks; i++) {
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

    /** Rows routed like links: the market's trade links, then the injection rows. */
    int linkCount() {
        return linkAgentA.length;
    }

    boolean hasNetwork() {
        return networkPeers.length > 0;
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
    private static AgentData agentData(MarketProblem problem, Party party, int slotCount, int steps,
                                       boolean announces) {
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
        return new AgentData(party.name(), position.cost(), lower, upper, prices, low, high, pool,
                announces);
    }
}
