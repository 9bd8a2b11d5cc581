package agora.market.results;

import agora.market.Market;
import agora.market.MarketTree;
import agora.market.Participant;
import agora.market.StepOutcome;
import agora.market.formulation.AddedVariable;
import agora.market.formulation.Balance;
import agora.market.formulation.Coupling;
import agora.market.formulation.LineLimit;
import agora.market.formulation.MarketProblem;
import agora.market.formulation.Position;
import agora.market.formulation.SlotKind;
import agora.market.formulation.SlotPrice;
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
    /** See {@link #locationalPrices}: read by the peers' charges and the trades' components. */
    private final double[] locationalPrice;
    private final Map<String, Integer> peerIndex = new HashMap<>();
    private final Map<Market, Integer> marketIndex = new IdentityHashMap<>();
    /** payments by participant name (peers, collectives' managers), currency */
    private final Map<String, Double> payments = new LinkedHashMap<>();
    /** external settlement by grid peer name, currency */
    private final Map<String, Double> gridSettlement = new HashMap<>();
    /** [import, export] MWh of each collective in its parent market */
    private final Map<String, double[]> collectiveFlows = new LinkedHashMap<>();
    private final List<TradeStep> trades = new ArrayList<>();
    private final CollectiveChains chains;
    /** MWh exchanged by each pair of sibling collectives, by the pair (energy 0) */
    private final Map<SiblingExchange, double[]> siblings = new LinkedHashMap<>();
    private double gridImport;
    private double gridExport;
    private double importCost;
    private double exportRevenue;
    private double exchange;
    private double fees;
    /** every amount booked, in absolute value: the money the step moves (for the budget check) */
    private double turnover;

    StepBook(MarketProblem problem, CollectiveChains chains, StepOutcome outcome) {
        this.problem = problem;
        this.chains = chains;
        this.tree = problem.tree();
        this.outcome = outcome;
        this.step = outcome.step();
        this.dt = tree.scenario().time().stepHours();
        this.locationalPrice = locationalPrices(problem, outcome);
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
        for (int m = 0; m < markets.size(); m++) {
            if (markets.get(m).isPool()) {
                settlePool(m);
            } else {
                problem.couplings(m).forEach(this::settleLink);
            }
        }
        settleDesignTerms();
        chargeCongestion();
        return result(time);
    }

    /**
     * Each peer pays the network operator the congestion prices of the limited lines its
     * injection loads: {@code Δt·Σ_l price_l·factor_l·p} (negative where it relieves them).
     * Summed over the peers that is {@code Δt·Σ_l price_l·flow_l}, the congestion rent.
     */
    private void chargeCongestion() {
        if (locationalPrice == null) {
            return;
        }
        List<Peer> peers = tree.peers();
        for (int k = 0; k < peers.size(); k++) {
            double perMWh = locationalPrice[problem.peerPosition(k)];
            if (perMWh != 0.0) {
                double paid = perMWh * outcome.injection()[k] * dt;
                turnover += Math.abs(paid);
                payments.merge(peers.get(k).name(), paid, Double::sum);
            }
        }
    }

    /**
     * A pool of formulation (2): each member pays the community price on its pool trade q plus
     * the pool fee, and the price of the collective's outside energy on its outside trade e; the
     * manager buys or sells the members' outside trades at that price and passes them on.
     */
    private void settlePool(int m) {
        Market market = tree.markets().get(m);
        double poolPrice = problem.poolCoupling(m).map(c -> outcome.couplingPrices()[c.index()])
                .orElse(Double.NaN);
        double outsidePrice = problem.exchangeCoupling(m)
                .map(c -> outcome.couplingPrices()[c.index()]).orElse(Double.NaN);
        for (Balance balance : problem.balances(m)) {
            double net = 0.0;
            for (int k : balance.slots()) {
                TradeSlot slot = problem.slots().get(k);
                double v = outcome.slotValues()[k];
                double price = slot.kind() == SlotKind.POOL ? poolPrice : outsidePrice;
                double charge = slot.price().fee(v) * dt;
                pay(slot.owner(), price * -v * dt + charge);
                fees += charge;
                net += v;
                gridTrade(slot, v);
                if (slot.kind() != SlotKind.POOL_MANAGER) {
                    double paid = price + slot.price().customerPrice(v, step);
                    trades.add(new TradeStep(market.name(), true, slot.owner().name(), slot.partner(),
                            v, paid));
                }
            }
            if (balance.slots().length > 0
                    && problem.slots().get(balance.slots()[0]).owner() instanceof Participant.CollectiveMember) {
                // a collective's import and export in this market
                flows(problem.slots().get(balance.slots()[0]), net);
            }
        }
    }

    private void settleLink(Coupling reciprocity) {
        TradeSlot a = problem.slots().get(reciprocity.slots()[0]);
        TradeSlot b = problem.slots().get(reciprocity.slots()[1]);
        double sale = outcome.slotValues()[a.index()];
        double price = outcome.couplingPrices()[reciprocity.index()];
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
        SiblingExchange pair = chains.crossing(a.owner().name(), b.owner().name());
        if (pair != null) {
            siblings.computeIfAbsent(pair, k -> new double[1])[0] += Math.abs(sale) * dt;
        }
        trades.add(new TradeStep(tree.markets().get(reciprocity.market()).name(), false,
                a.owner().name(), b.owner().name(), sale, price, congestionBetween(a, b)));
    }

    /**
     * The congestion prices a MW from side a's bus to side b's crosses, per MWh: the difference
     * of their locational prices (NaN when a side is a manager, which has no bus, or without
     * line limits).
     */
    private double congestionBetween(TradeSlot a, TradeSlot b) {
        if (locationalPrice == null || !(a.owner() instanceof Participant.PeerMember)
                || !(b.owner() instanceof Participant.PeerMember)) {
            return Double.NaN;
        }
        return locationalPrice[problem.positionOf(a.owner().name()).orElseThrow()]
                - locationalPrice[problem.positionOf(b.owner().name()).orElseThrow()];
    }

    /**
     * Per position, what a MW injected there pays the network operator: {@code Σ_l y_l
     * PTDF_l,position} over the limited lines' congestion prices; null without limits.
     */
    private static double[] locationalPrices(MarketProblem problem, StepOutcome outcome) {
        if (problem.lineLimits().isEmpty()) {
            return null;
        }
        double[] price = new double[problem.positions().size()];
        for (LineLimit line : problem.lineLimits()) {
            double y = outcome.linePrices()[line.index()];
            for (int k = 0; k < line.positions().length; k++) {
                price[line.positions()[k]] += y * line.factors()[k];
            }
        }
        return price;
    }

    /** Each variable a design added costs its owner, counted with the fees. */
    private void settleDesignTerms() {
        for (AddedVariable v : problem.terms().variables()) {
            double charge = v.cost(outcome.designValues()[v.index()]) * dt;
            payments.merge(v.owner(), charge, Double::sum);
            fees += charge;
            turnover += Math.abs(charge);
        }
    }

    private void pay(Participant who, double amount) {
        turnover += Math.abs(amount);
        payments.merge(who.name(), amount, Double::sum);
    }

    /** Records a slot's sale (MW, negative = purchase) for grid and collective accounts. */
    private void flows(TradeSlot slot, double sale) {
        Participant who = slot.owner();
        if (who instanceof Participant.CollectiveMember c) {
            double[] f = collectiveFlows.computeIfAbsent(c.name(), n -> new double[2]);
            f[0] += Math.max(0, -sale) * dt;
            f[1] += Math.max(0, sale) * dt;
        } else {
            gridTrade(slot, sale);
        }
    }

    /**
     * The grid's settlement of a slot, as its price states it: the grid's own trades (the market
     * pays the grid through the trade's price, the grid settles upstream), and pool members'
     * trades with the outside at the grid's prices (the member pays the grid directly).
     */
    private void gridTrade(TradeSlot slot, double value) {
        SlotPrice price = slot.price();
        if (!price.isGrid()) {
            return;
        }
        double cost = price.importCost(value, step) * dt;
        double revenue = price.exportRevenue(value, step) * dt;
        gridImport += price.gridSale(value) * dt;
        gridExport += price.gridPurchase(value) * dt;
        importCost += cost;
        exportRevenue += revenue;
        turnover += Math.abs(cost) + Math.abs(revenue);
        gridSettlement.merge(price.grid(), cost - revenue, Double::sum);
        if (price.role() == SlotPrice.GridRole.CUSTOMER) {
            pay(slot.owner(), cost - revenue);
        }
    }

    /**
     * The money the step moves: every payment, grid settlement and charge booked (congestion
     * charges included), each in absolute value, and the design's and the congestion rent; the scale of the budget check ({@link StepCheck}). Valid after
     * {@link #close}.
     */
    double turnover() {
        return turnover + Math.abs(outcome.designRent() * dt) + Math.abs(outcome.congestionRent() * dt);
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
                if (!peer.isStorage()) { // charging a battery is not consumption
                    load += Math.max(0, -p) * dt;
                }
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
        double congestionRent = outcome.congestionRent() * dt;
        double imbalance = paidByPeers
                - (importCost - exportRevenue + fees + outcome.designRent() * dt + congestionRent);
        List<LineStep> lines = new ArrayList<>();
        for (LineLimit line : problem.lineLimits()) {
            lines.add(new LineStep(line.name(), outcome.lineFlows()[line.index()],
                    line.capacity(step), outcome.linePrices()[line.index()]));
        }
        return new StepResult(step, time, outcome.status(), outcome.message(),
                outcome.conflicts(), -dt * outcome.objective(), gridImport, gridExport,
                importCost, exportRevenue, load, exchange, fees, imbalance, congestionRent, peers,
                trades, collectives, lines, siblingExchanges(), outcome.stats());
    }

    private List<SiblingExchange> siblingExchanges() {
        List<SiblingExchange> out = new ArrayList<>(siblings.size());
        siblings.forEach((pair, energy) -> out.add(new SiblingExchange(pair.within(), pair.first(), pair.second(),
                energy[0])));
        return out;
    }
}
