package agora.market.results;

import agora.market.Market;
import agora.market.MarketTree;
import agora.market.Participant;
import agora.market.StepOutcome;
import agora.market.formulation.AddedVariable;
import agora.market.formulation.Balance;
import agora.market.formulation.Coupling;
import agora.market.formulation.MarketProblem;
import agora.market.formulation.Position;
import agora.market.formulation.SlotKind;
import agora.market.formulation.TradeSlot;
import agora.scenario.Peer;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The running books of one optimal step while its markets are settled one by one. Every charge
 * and grid settlement is the one the market problem states for the slot; the books only apply
 * the step's values and prices.
 */
final class StepBook {
    private final MarketProblem problem;
    private final MarketTree tree;
    private final StepOutcome outcome;
    private final int step;
    private final double dt;
    private final Map<String, Integer> peerIndex = new HashMap<>();
    private final Map<Market, Integer> marketIndex = new IdentityHashMap<>();
    /** payments by participant name (peers, collectives' managers), currency */
    private final Map<String, Double> payments = new LinkedHashMap<>();
    /** external settlement by grid peer name, currency */
    private final Map<String, Double> gridSettlement = new HashMap<>();
    /** [import, export] MWh of each collective in its parent market */
    private final Map<String, double[]> collectiveFlows = new LinkedHashMap<>();
    private final List<TradeStep> trades = new ArrayList<>();
    private double gridImport;
    private double gridExport;
    private double importCost;
    private double exportRevenue;
    private double exchange;
    private double fees;

    StepBook(MarketProblem problem, StepOutcome outcome) {
        this.problem = problem;
        this.tree = problem.tree();
        this.outcome = outcome;
        this.step = outcome.step();
        this.dt = tree.scenario().time().stepHours();
        List<Peer> peers = tree.peers();
        for (int i = 0; i < peers.size(); i++) {
            peerIndex.put(peers.get(i).name(), i);
        }
        List<Market> markets = tree.markets();
        for (int k = 0; k < markets.size(); k++) {
            marketIndex.put(markets.get(k), k);
        }
    }

    StepResult close(LocalDateTime time) {
        List<Market> markets = tree.markets();
        int link = 0;
        for (int m = 0; m < markets.size(); m++) {
            if (markets.get(m).isPool()) {
                settlePool(m);
            } else {
                for (Coupling reciprocity : problem.couplings(m)) {
                    settleLink(reciprocity, link++);
                }
            }
        }
        settleDesignTerms();
        return result(time);
    }

    private void settlePool(int m) {
        Market market = tree.markets().get(m);
        double price = outcome.marketPrice()[m];
        for (Balance balance : problem.balances(m)) {
            TradeSlot slot = problem.slots().get(balance.slots()[0]);
            if (slot.kind() == SlotKind.POOL_MANAGER) {
                continue; // the collective's own position: settled in the parent market
            }
            double y = positionValue(balance.position());
            double charge = slot.price().fee(y) * dt;
            pay(slot.owner(), price * -y * dt + charge);
            fees += charge;
            flows(slot, y);
            trades.add(new TradeStep(market.name(), true, slot.owner().name(), market.name(), y, price));
        }
    }

    private void settleLink(Coupling reciprocity, int index) {
        TradeSlot a = problem.slots().get(reciprocity.slots()[0]);
        TradeSlot b = problem.slots().get(reciprocity.slots()[1]);
        double sale = outcome.linkTrade()[index];
        double price = outcome.linkPrice()[index];
        double chargeA = a.price().fee(sale) * dt;
        double chargeB = b.price().fee(-sale) * dt;
        pay(a.owner(), price * -sale * dt + chargeA);
        pay(b.owner(), price * sale * dt + chargeB);
        fees += chargeA + chargeB;
        flows(a, sale);
        flows(b, -sale);
        if (tree.crossesCollectives(a.owner(), b.owner())) {
            exchange += Math.abs(sale) * dt;
        }
        trades.add(new TradeStep(tree.markets().get(reciprocity.market()).name(), false,
                a.owner().name(), b.owner().name(), sale, price));
    }

    /** Each variable a design added costs its owner, counted with the fees. */
    private void settleDesignTerms() {
        for (AddedVariable v : problem.terms().variables()) {
            double charge = v.cost(outcome.designValues()[v.index()]) * dt;
            payments.merge(v.owner(), charge, Double::sum);
            fees += charge;
        }
    }

    /** A position's value in the outcome: a peer's injection or a collective's net position. */
    private double positionValue(int index) {
        Position position = problem.positions().get(index);
        if (position.isCollective()) {
            return outcome.collectiveNet()[position.market()];
        }
        return outcome.injection()[peerIndex.get(position.name())];
    }

    private void pay(Participant who, double amount) {
        payments.merge(who.name(), amount, Double::sum);
    }

    /** Records a slot's sale (MW, negative = purchase) for grid and collective accounts. */
    private void flows(TradeSlot slot, double sale) {
        Participant who = slot.owner();
        if (who instanceof Participant.CollectiveMember c) {
            double[] f = collectiveFlows.computeIfAbsent(c.name(), n -> new double[2]);
            f[0] += Math.max(0, -sale) * dt;
            f[1] += Math.max(0, sale) * dt;
        } else if (slot.price().isGrid()) {
            gridTrade(who.name(), slot, sale);
        }
    }

    /** The grid's settlement of a trade, as its slot's price states it. */
    private void gridTrade(String grid, TradeSlot slot, double sale) {
        double cost = slot.price().importCost(sale, step) * dt;
        double revenue = slot.price().exportRevenue(sale, step) * dt;
        gridImport += Math.max(0, sale) * dt;
        gridExport += Math.max(0, -sale) * dt;
        importCost += cost;
        exportRevenue += revenue;
        gridSettlement.merge(grid, cost - revenue, Double::sum);
    }

    private StepResult result(LocalDateTime time) {
        List<PeerStep> peers = new ArrayList<>();
        double load = 0;
        double paidByPeers = 0;
        for (Peer peer : tree.peers()) {
            double p = outcome.injection()[peerIndex.get(peer.name())];
            double cost = dt * peer.cost().at(p) + gridSettlement.getOrDefault(peer.name(), 0.0);
            double payment = payments.getOrDefault(peer.name(), 0.0);
            peers.add(new PeerStep(peer.name(), p, p * dt, cost, payment));
            if (!peer.isGrid()) {
                load += Math.max(0, -p) * dt;
                paidByPeers += payment;
            }
        }
        List<CollectiveStep> collectives = new ArrayList<>();
        for (Market market : tree.markets()) {
            if (market == tree.root()) {
                continue;
            }
            double[] f = collectiveFlows.getOrDefault(market.name(), new double[2]);
            double price = market.isPool() ? outcome.marketPrice()[marketIndex.get(market)]
                    : Double.NaN;
            collectives.add(new CollectiveStep(market.name(), price, f[0], f[1]));
        }
        double imbalance = paidByPeers - (importCost - exportRevenue + fees + outcome.designRent() * dt);
        return new StepResult(step, time, outcome.status(), outcome.message(),
                outcome.conflicts(), -dt * outcome.objective(), gridImport, gridExport,
                importCost, exportRevenue, load, exchange, fees, imbalance, peers, trades,
                collectives, outcome.stats());
    }
}
