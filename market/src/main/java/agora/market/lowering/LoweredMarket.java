package agora.market.lowering;

import agora.market.Market;
import agora.market.MarketTree;
import agora.market.Participant;
import agora.market.StepOutcome;
import agora.market.TradeLink;
import agora.scenario.Peer;
import agora.solver.Origin;
import agora.solver.QpModel;
import agora.solver.QpModelBuilder;
import agora.solver.QpSolution;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link MarketTree} lowered to the solver-neutral {@link QpModel}: the structure is built once,
 * each step swaps in its bounds and prices ({@link #modelAt}), and solutions map back to a
 * {@link StepOutcome} by scenario names ({@link #outcome}). Immutable, so steps may be prepared
 * and mapped from several threads at once.
 *
 * <h2>The model (all costs hourly, so duals are currency/MWh)</h2>
 * <ul>
 *   <li>{@code p[n]} per peer: bounds {@code pmin_n(t)..pmax_n(t)}, cost {@code a p² + b p} (the
 *       constant c goes to the model constant); the grid's is free and costless.</li>
 *   <li>{@code x[K]} per collective: its net position in the parent market, free.</li>
 *   <li>Bilateral market: per link two trades {@code P_ab}, {@code P_ba}; each side's trade is one
 *       variable when its sign is fixed (producer {@code >= 0}, consumer {@code <= 0}: then
 *       {@code |P|} is linear) or it pays nothing, else a sale and a purchase part
 *       {@code P = s - u}, both {@code >= 0} and priced at the side's per-MWh cost. The grid's
 *       trades are always split: sale at {@code π+(t) + cost}, purchase at
 *       {@code -π-(t) + cost}. Rows: reciprocity {@code P_ab + P_ba = 0} (dual = bilateral price)
 *       and per participant the balance {@code y_n - sum_m P_nm = 0} (dual = its marginal value),
 *       where {@code y_n} is {@code p_n}, {@code x_K} for a collective, {@code -x_K} for the
 *       collective's own manager.</li>
 *   <li>Pool market K: per member a pool trade {@code q_n} (split like a trade when needed to
 *       price {@code γ|q_n|}), the member's balance {@code y_n - q_n = 0}, and the pool balance
 *       {@code sum_n q_n - x_K = 0} (just {@code sum_n q_n = 0} at the root), whose dual is the
 *       community price.</li>
 * </ul>
 * Every row is a node's "inflow minus outflow = 0" (a peer: its injection minus its sales; a
 * link: both sides' sales; a pool: its members' sales minus the collective's export), so that
 * under the dual convention of {@link QpSolution} (derivative of the optimum by the right-hand
 * side) raising the right-hand side means one more MW is needed there: duals are positive
 * prices. A collective's net position enters its parent's balance with +1 and its own market
 * (pool balance, or its manager's balance) with -1, so stationarity in {@code x_K} makes the
 * price at which it trades above equal to its price inside.
 */
public final class LoweredMarket {

    /** How a variable's step data is derived. */
    private enum StepKind { FIXED, INJECTION, GRID_SALE, GRID_PURCHASE }

    private final MarketTree tree;
    private final QpModel base;
    private final StepKind[] stepKind;
    /** Peer behind INJECTION and GRID_* variables, by variable index (else null). */
    private final Peer[] stepPeer;
    /** The per-MWh trade cost a GRID_* variable carries besides the grid price. */
    private final double[] stepExtraCost;
    private final boolean[] tradeVariable;
    private final boolean[] bilateralTradeVariable;
    private final int[] peerVariable;
    private final int[] collectiveVariable;
    private final Terms[] linkForward;
    private final Terms[] linkBackward;
    private final List<BilateralLayout> bilateralLayouts;
    private final int[] reciprocityRow;
    private final int[] poolRow;

    private LoweredMarket(Builder b) {
        this.tree = b.tree;
        this.base = b.model.build();
        int n = base.variableCount();
        this.stepKind = b.stepKinds.toArray(new StepKind[0]);
        this.stepPeer = b.stepPeers.toArray(new Peer[0]);
        this.stepExtraCost = b.extraCosts.stream().mapToDouble(Double::doubleValue).toArray();
        this.tradeVariable = new boolean[n];
        b.tradeVariables.forEach(j -> tradeVariable[j] = true);
        this.bilateralTradeVariable = new boolean[n];
        b.bilateralTradeVariables.forEach(j -> bilateralTradeVariable[j] = true);
        this.peerVariable = b.peerVariable;
        this.collectiveVariable = b.collectiveVariable;
        this.linkForward = b.linkForward.toArray(new Terms[0]);
        this.linkBackward = b.linkBackward.toArray(new Terms[0]);
        this.bilateralLayouts = List.copyOf(b.layouts);
        this.reciprocityRow = b.reciprocityRow.stream().mapToInt(Integer::intValue).toArray();
        this.poolRow = b.poolRow;
    }

    /**
     * Lowers a market tree.
     *
     * @throws IllegalArgumentException when the tree does not place every peer of the scenario in
     *                                  exactly one market (a broken plug-in design)
     */
    public static LoweredMarket of(MarketTree tree) {
        return new Builder(tree).build();
    }

    public MarketTree tree() {
        return tree;
    }

    /** The model with the structure and step-independent data (bounds and prices of step 0). */
    public QpModel structureModel() {
        return base;
    }

    /** The model of step {@code step}: peers' bounds and grid prices of that step. */
    public QpModel modelAt(int step) {
        double[] lower = base.lowerBounds();
        double[] upper = base.upperBounds();
        double[] linear = base.linearCosts();
        for (int j = 0; j < stepKind.length; j++) {
            switch (stepKind[j]) {
                case INJECTION -> {
                    lower[j] = stepPeer[j].pmin().at(step);
                    upper[j] = stepPeer[j].pmax().at(step);
                }
                case GRID_SALE -> linear[j] = stepPeer[j].importPrice().at(step) + stepExtraCost[j];
                case GRID_PURCHASE -> linear[j] = -stepPeer[j].exportPrice().at(step) + stepExtraCost[j];
                case FIXED -> { }
            }
        }
        return base.withStepData(lower, upper, linear, base.quadraticCosts(), base.constant());
    }

    /** True for the variables that carry trades (bilateral trade parts and pool trades). */
    boolean isTradeVariable(int j) {
        return tradeVariable[j];
    }

    /** True for the parts of bilateral trades (not pool trades). */
    boolean isBilateralTradeVariable(int j) {
        return bilateralTradeVariable[j];
    }

    /**
     * One bilateral market as the trade allocation sees it: each participant's net position and,
     * per link (global index), which participants (indices into {@code positions}) it joins.
     */
    record BilateralLayout(List<Terms> positions, int[] links, int[] sideA, int[] sideB) {
    }

    List<BilateralLayout> bilateralLayouts() {
        return bilateralLayouts;
    }

    /** The variables of {@code P_ab} of link {@code i}. */
    Terms forwardTrade(int i) {
        return linkForward[i];
    }

    /** The variables of {@code P_ba} of link {@code i}. */
    Terms backwardTrade(int i) {
        return linkBackward[i];
    }

    /** {@code P_ab} of every link, in {@link MarketTree#links()} order. */
    double[] linkTrades(double[] x) {
        double[] out = new double[linkForward.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = linkForward[i].value(x);
        }
        return out;
    }

    /** The largest change of a link's trade between two primal solutions. */
    double largestTradeChange(double[] before, double[] after) {
        double[] a = linkTrades(before);
        double[] b = linkTrades(after);
        double worst = 0.0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]));
        }
        return worst;
    }

    /** True when some bilateral market's links close a cycle, so trades may not be unique. */
    public boolean mayHaveAmbiguousTrades() {
        for (Market market : tree.markets()) {
            if (!market.isPool() && hasCycle(market)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasCycle(Market market) {
        Map<String, Integer> index = new LinkedHashMap<>();
        market.participants().forEach(p -> index.putIfAbsent(p.name(), index.size()));
        int[] parent = new int[index.size()];
        Arrays.setAll(parent, i -> i);
        for (TradeLink link : market.links()) {
            int ra = find(parent, index.get(link.a().name()));
            int rb = find(parent, index.get(link.b().name()));
            if (ra == rb) {
                return true;
            }
            parent[ra] = rb;
        }
        return false;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /**
     * Maps an optimal solution of {@code model} (this market's model of some step) back to the
     * market: injections, trades, prices and net positions by their indices in the tree.
     *
     * @param tradeSolution primal values to read the trades from (the solution itself, or a
     *                      minimum-norm reallocation with the same dispatch)
     */
    public StepOutcome outcome(int step, QpModel model, QpSolution solution, double[] tradeSolution,
                               StepOutcome.SolveStats stats) {
        double[] x = solution.primal();
        double[] y = solution.duals();
        double[] injection = new double[peerVariable.length];
        for (int k = 0; k < injection.length; k++) {
            injection[k] = x[peerVariable[k]];
        }
        double[] linkPrice = new double[reciprocityRow.length];
        for (int i = 0; i < linkPrice.length; i++) {
            linkPrice[i] = y[reciprocityRow[i]];
        }
        double[] marketPrice = new double[poolRow.length];
        double[] collectiveNet = new double[poolRow.length];
        for (int m = 0; m < poolRow.length; m++) {
            marketPrice[m] = poolRow[m] < 0 ? Double.NaN : y[poolRow[m]];
            collectiveNet[m] = collectiveVariable[m] < 0 ? Double.NaN : x[collectiveVariable[m]];
        }
        return new StepOutcome(step, solution.status(), solution.message(), List.of(),
                model.objective(x), injection, linkTrades(tradeSolution), linkPrice, marketPrice,
                collectiveNet, stats);
    }

    /** An outcome for a step that has no optimal solution: the status, why, and what conflicts. */
    public StepOutcome failure(int step, QpSolution solution, StepOutcome.SolveStats stats) {
        List<String> conflicts = solution.conflicts().stream().map(Origin::toString).toList();
        int links = reciprocityRow.length;
        int markets = poolRow.length;
        return new StepOutcome(step, solution.status(), solution.message(), conflicts, Double.NaN,
                nan(peerVariable.length), nan(links), nan(links), nan(markets), nan(markets), stats);
    }

    private static double[] nan(int n) {
        double[] v = new double[n];
        Arrays.fill(v, Double.NaN);
        return v;
    }

    /** Builds the structure in one pass over the tree: positions, then market by market. */
    private static final class Builder {
        /** Origin kind of bilateral trade variables (pool trades are {@code pool trade}). */
        private static final String BILATERAL = "trade";

        private final MarketTree tree;
        private final QpModelBuilder model = new QpModelBuilder();
        private final List<StepKind> stepKinds = new ArrayList<>();
        private final List<Peer> stepPeers = new ArrayList<>();
        private final List<Double> extraCosts = new ArrayList<>();
        private final List<Integer> tradeVariables = new ArrayList<>();
        private final List<Integer> bilateralTradeVariables = new ArrayList<>();
        private final int[] peerVariable;
        private final int[] collectiveVariable;
        private final int[] poolRow;
        private final Map<String, Integer> peerVariableByName = new LinkedHashMap<>();
        private final Map<String, Integer> collectiveVariableByName = new LinkedHashMap<>();
        private final List<Terms> linkForward = new ArrayList<>();
        private final List<Terms> linkBackward = new ArrayList<>();
        private final List<BilateralLayout> layouts = new ArrayList<>();
        private final List<Integer> reciprocityRow = new ArrayList<>();
        private final List<Market> markets;

        Builder(MarketTree tree) {
            this.tree = tree;
            this.markets = tree.markets();
            this.peerVariable = new int[tree.peers().size()];
            this.collectiveVariable = new int[markets.size()];
            this.poolRow = new int[markets.size()];
        }

        LoweredMarket build() {
            checkEveryPeerPlacedOnce();
            List<Peer> peers = tree.peers();
            for (int k = 0; k < peers.size(); k++) {
                peerVariable[k] = addInjection(peers.get(k));
                peerVariableByName.put(peers.get(k).name(), peerVariable[k]);
            }
            for (int m = 0; m < markets.size(); m++) {
                Market market = markets.get(m);
                collectiveVariable[m] = market.isRoot() ? -1 : variable("x[" + market.name() + "]",
                        new Origin("collective", market.name(), "net position"),
                        Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 0.0, StepKind.FIXED, null, false);
                if (!market.isRoot()) {
                    collectiveVariableByName.put(market.name(), collectiveVariable[m]);
                }
            }
            for (int m = 0; m < markets.size(); m++) {
                Market market = markets.get(m);
                poolRow[m] = market.isPool() ? lowerPool(market) : -1;
                if (!market.isPool()) {
                    lowerBilateral(market);
                }
            }
            return new LoweredMarket(this);
        }

        private void checkEveryPeerPlacedOnce() {
            Map<String, Integer> seen = new LinkedHashMap<>();
            for (Market market : markets) {
                for (Participant p : market.participants()) {
                    if (p instanceof Participant.PeerMember) {
                        seen.merge(p.name(), 1, Integer::sum);
                    }
                }
            }
            for (Peer peer : tree.peers()) {
                int count = seen.getOrDefault(peer.name(), 0);
                if (count != 1) {
                    throw new IllegalArgumentException("design '" + tree.design() + "' places peer '"
                            + peer.name() + "' in " + count + " markets; every peer belongs to exactly one");
                }
            }
        }

        private int addInjection(Peer peer) {
            if (peer.isGrid()) {
                return variable("p[" + peer.name() + "]", new Origin("grid", peer.name(), "injection"),
                        Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 0.0, StepKind.FIXED, null, false);
            }
            model.addConstant(peer.cost().c());
            int j = model.addVariable("p[" + peer.name() + "]", new Origin("peer", peer.name(), "injection"),
                    peer.pmin().at(0), peer.pmax().at(0), peer.cost().b(), peer.cost().a());
            recordStep(StepKind.INJECTION, peer, 0.0);
            return j;
        }

        private int variable(String name, Origin origin, double lower, double upper, double linear,
                             StepKind kind, Peer peer, boolean trade) {
            return variable(name, origin, lower, upper, linear, kind, peer, 0.0, trade);
        }

        private int variable(String name, Origin origin, double lower, double upper, double linear,
                             StepKind kind, Peer peer, double extraCost, boolean trade) {
            int j = model.addVariable(name, origin, lower, upper, linear, 0.0);
            recordStep(kind, peer, extraCost);
            if (trade) {
                tradeVariables.add(j);
            }
            return j;
        }

        private void recordStep(StepKind kind, Peer peer, double extraCost) {
            stepKinds.add(kind);
            stepPeers.add(peer);
            extraCosts.add(extraCost);
        }

        /** y_n of a participant: its injection, its collective's net position, or minus it. */
        private Terms position(Participant p) {
            if (p instanceof Participant.PeerMember) {
                return Terms.of(peerVariableByName.get(p.name()));
            }
            Terms net = Terms.of(collectiveVariableByName.get(p.name()));
            return p instanceof Participant.Manager ? net.negated() : net;
        }

        /**
         * The variables of one side's trade, priced at {@code cost} per MWh of |trade|: see the
         * class comment for when it is split into sale and purchase parts.
         */
        private Terms trade(Participant side, double cost, String label, String kind) {
            Terms parts = tradeParts(side, cost, label, kind);
            if (kind.equals(BILATERAL)) {
                for (int j : parts.columns()) {
                    bilateralTradeVariables.add(j);
                }
            }
            return parts;
        }

        private Terms tradeParts(Participant side, double cost, String label, String kind) {
            String name = "[" + label + "]";
            Origin sale = new Origin(kind, label, "sale");
            Origin purchase = new Origin(kind, label, "purchase");
            Peer grid = side.asPeer().filter(Peer::isGrid).orElse(null);
            if (grid != null) {
                int s = variable("s" + name, sale, 0.0, Double.POSITIVE_INFINITY,
                        grid.importPrice().at(0) + cost, StepKind.GRID_SALE, grid, cost, true);
                int u = variable("u" + name, purchase, 0.0, Double.POSITIVE_INFINITY,
                        -grid.exportPrice().at(0) + cost, StepKind.GRID_PURCHASE, grid, cost, true);
                return Terms.difference(s, u);
            }
            if (!side.mayBuy()) {
                return Terms.of(variable("P" + name, sale, 0.0, Double.POSITIVE_INFINITY, cost,
                        StepKind.FIXED, null, true));
            }
            if (!side.maySell()) {
                return Terms.of(variable("P" + name, purchase, Double.NEGATIVE_INFINITY, 0.0, -cost,
                        StepKind.FIXED, null, true));
            }
            if (cost == 0.0) {
                return Terms.of(variable("P" + name, new Origin(kind, label, "trade"),
                        Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 0.0, StepKind.FIXED, null, true));
            }
            int s = variable("s" + name, sale, 0.0, Double.POSITIVE_INFINITY, cost, StepKind.FIXED, null, true);
            int u = variable("u" + name, purchase, 0.0, Double.POSITIVE_INFINITY, cost, StepKind.FIXED, null, true);
            return Terms.difference(s, u);
        }

        private int lowerPool(Market market) {
            RowBuilder pool = new RowBuilder();
            for (Participant member : market.participants()) {
                String label = member.name() + "->" + market.name();
                Terms q = trade(member, market.poolFee(), label, "pool trade");
                balance(member, market, new RowBuilder().add(position(member), 1.0).add(q, -1.0));
                pool.add(q, 1.0);
            }
            if (!market.isRoot()) {
                pool.add(Terms.of(collectiveVariableByName.get(market.name())), -1.0);
            }
            return model.addEquality("pool[" + market.name() + "]",
                    new Origin("collective", market.name(), "pool balance"),
                    pool.columns(), pool.coefficients(), 0.0);
        }

        private void lowerBilateral(Market market) {
            Map<String, RowBuilder> balances = new LinkedHashMap<>();
            Map<String, Integer> index = new LinkedHashMap<>();
            List<Terms> positions = new ArrayList<>();
            for (Participant p : market.participants()) {
                balances.put(p.name(), new RowBuilder().add(position(p), 1.0));
                index.put(p.name(), positions.size());
                positions.add(position(p));
            }
            int links = market.links().size();
            int[] ids = new int[links];
            int[] sideA = new int[links];
            int[] sideB = new int[links];
            for (int k = 0; k < links; k++) {
                TradeLink link = market.links().get(k);
                String ab = link.a().name() + "->" + link.b().name();
                String ba = link.b().name() + "->" + link.a().name();
                Terms forward = trade(link.a(), link.costA(), ab, BILATERAL);
                Terms backward = trade(link.b(), link.costB(), ba, BILATERAL);
                RowBuilder reciprocity = new RowBuilder().add(forward, 1.0).add(backward, 1.0);
                reciprocityRow.add(model.addEquality("reciprocity[" + ab + "]",
                        new Origin("trade", ab, "reciprocity"),
                        reciprocity.columns(), reciprocity.coefficients(), 0.0));
                ids[k] = linkForward.size();
                sideA[k] = index.get(link.a().name());
                sideB[k] = index.get(link.b().name());
                linkForward.add(forward);
                linkBackward.add(backward);
                balances.get(link.a().name()).add(forward, -1.0);
                balances.get(link.b().name()).add(backward, -1.0);
            }
            for (Participant p : market.participants()) {
                balance(p, market, balances.get(p.name()));
            }
            layouts.add(new BilateralLayout(List.copyOf(positions), ids, sideA, sideB));
        }

        private void balance(Participant p, Market market, RowBuilder row) {
            String kind = p instanceof Participant.PeerMember peer
                    ? (peer.peer().isGrid() ? "grid" : "peer") : "collective";
            model.addEquality("balance[" + p.name() + "@" + market.name() + "]",
                    new Origin(kind, p.name(), "balance in " + market.name()),
                    row.columns(), row.coefficients(), 0.0);
        }
    }
}
