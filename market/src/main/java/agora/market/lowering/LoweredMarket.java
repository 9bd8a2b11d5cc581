package agora.market.lowering;

import agora.market.Market;
import agora.market.MarketTree;
import agora.market.StepOutcome;
import agora.market.TradeLink;
import agora.market.formulation.AddedConstraint;
import agora.market.formulation.AddedVariable;
import agora.market.formulation.Balance;
import agora.market.formulation.Coupling;
import agora.market.formulation.LineLimit;
import agora.market.formulation.LinearExpression;
import agora.market.formulation.MarketProblem;
import agora.market.formulation.Position;
import agora.market.formulation.SlotKind;
import agora.market.formulation.SlotPrice;
import agora.market.formulation.TradeSlot;
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
 * A {@link MarketProblem} lowered to the solver-neutral {@link QpModel}: the structure is built once,
 * each step swaps in its bounds and prices ({@link #modelAt}), and solutions map back to a
 * {@link StepOutcome} by scenario names ({@link #outcome}). Immutable, so steps may be prepared
 * and mapped from several threads at once.
 *
 * <h2>The model (all costs hourly, so duals are currency/MWh)</h2>
 * The problem's positions, slots, balances and coupling rows, one to one, with these choices of
 * the lowering (every price and bound is read from the problem):
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
    private enum StepKind { FIXED, INJECTION, GRID_SALE, GRID_PURCHASE, LINE_FLOW }

    private final MarketProblem problem;
    private final QpModel base;
    private final StepKind[] stepKind;
    /** Position behind INJECTION variables, by variable index (else null). */
    private final Position[] stepPosition;
    /** Price behind GRID_* variables, by variable index (else null). */
    private final SlotPrice[] stepPrice;
    /** Line behind LINE_FLOW variables, by variable index (else null). */
    private final LineLimit[] stepLine;
    /** The flow variable and the flow row of each line limit. */
    private final int[] lineVariable;
    private final int[] lineRow;
    private final boolean[] bilateralTradeVariable;
    private final int[] positionVariable;
    private final int[] addedVariable;
    private final int[] addedRow;
    private final Terms[] slotTerms;
    private final List<BilateralLayout> bilateralLayouts;
    private final int[] reciprocityRow;
    private final int[] poolRow;
    /** The model row of each coupling of the problem. */
    private final int[] couplingRow;

    private LoweredMarket(Builder b) {
        this.problem = b.problem;
        this.base = b.model.build();
        int n = base.variableCount();
        this.stepKind = b.stepKinds.toArray(new StepKind[0]);
        this.stepPosition = b.stepPositions.toArray(new Position[0]);
        this.stepPrice = b.stepPrices.toArray(new SlotPrice[0]);
        this.stepLine = b.stepLines.toArray(new LineLimit[0]);
        this.lineVariable = b.lineVariable;
        this.lineRow = b.lineRow;
        this.bilateralTradeVariable = new boolean[n];
        b.bilateralTradeVariables.forEach(j -> bilateralTradeVariable[j] = true);
        this.positionVariable = b.positionVariable;
        this.addedVariable = b.addedVariable;
        this.addedRow = b.addedRow;
        this.slotTerms = b.slotTerms;
        this.bilateralLayouts = List.copyOf(b.layouts);
        this.reciprocityRow = b.reciprocityRow;
        this.poolRow = b.poolRow;
        this.couplingRow = b.couplingRow;
    }

    /**
     * Lowers a market tree, without design terms.
     *
     * @throws IllegalArgumentException when the tree does not place every peer of the scenario in
     *                                  exactly one market (a broken plug-in design)
     */
    public static LoweredMarket of(MarketTree tree) {
        return of(MarketProblem.of(tree));
    }

    /** Lowers a market problem, with the terms its design added. */
    public static LoweredMarket of(MarketProblem problem) {
        return new Builder(problem).build();
    }

    public MarketTree tree() {
        return problem.tree();
    }

    public MarketProblem problem() {
        return problem;
    }

    /** The model with the structure and step-independent data (bounds and prices of step 0). */
    public QpModel structureModel() {
        return base;
    }

    /** The model of step {@code step}: peers' bounds, grid prices and line capacities of that step. */
    public QpModel modelAt(int step) {
        double[] lower = base.lowerBounds();
        double[] upper = base.upperBounds();
        double[] linear = base.linearCosts();
        for (int j = 0; j < stepKind.length; j++) {
            switch (stepKind[j]) {
                case INJECTION -> {
                    lower[j] = stepPosition[j].lower(step);
                    upper[j] = stepPosition[j].upper(step);
                }
                case GRID_SALE -> linear[j] = stepPrice[j].saleCost(step);
                case GRID_PURCHASE -> linear[j] = stepPrice[j].purchaseCost(step);
                case LINE_FLOW -> {
                    lower[j] = -stepLine[j].capacity(step);
                    upper[j] = stepLine[j].capacity(step);
                }
                case FIXED -> { }
            }
        }
        return base.withStepData(lower, upper, linear, base.quadraticCosts(), base.constant());
    }

    /** The model variable of position {@code position} (a peer's injection, a collective's net). */
    int positionVariable(int position) {
        return positionVariable[position];
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
        return slotTerms[problem.linkCoupling(i).slots()[0]];
    }

    /** The variables of {@code P_ba} of link {@code i}. */
    Terms backwardTrade(int i) {
        return slotTerms[problem.linkCoupling(i).slots()[1]];
    }

    /** {@code P_ab} of every link, in {@link MarketTree#links()} order. */
    double[] linkTrades(double[] x) {
        double[] out = new double[problem.linkCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = forwardTrade(i).value(x);
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
        for (Market market : tree().markets()) {
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
     * market: injections, trades, prices, net positions and the design's variables by their
     * indices in the problem (the invert step of the lowering).
     *
     * @param tradeSolution primal values to read the trades from (the solution itself, or a
     *                      minimum-norm reallocation with the same dispatch)
     */
    public StepOutcome outcome(int step, QpModel model, QpSolution solution, double[] tradeSolution,
                               StepOutcome.SolveStats stats) {
        double[] x = solution.primal();
        double[] y = solution.duals();
        double[] injection = new double[problem.tree().peers().size()];
        for (int k = 0; k < injection.length; k++) {
            injection[k] = x[positionVariable[problem.peerPosition(k)]];
        }
        double[] linkPrice = new double[reciprocityRow.length];
        for (int i = 0; i < linkPrice.length; i++) {
            linkPrice[i] = y[reciprocityRow[i]];
        }
        double[] marketPrice = new double[poolRow.length];
        double[] collectiveNet = new double[poolRow.length];
        for (int m = 0; m < poolRow.length; m++) {
            int price = problem.priceCoupling(m).map(c -> couplingRow[c.index()]).orElse(-1);
            marketPrice[m] = price < 0 ? Double.NaN : y[price];
            int position = problem.collectivePosition(m);
            collectiveNet[m] = position < 0 ? Double.NaN : x[positionVariable[position]];
        }
        double[] added = new double[addedVariable.length];
        for (int v = 0; v < added.length; v++) {
            added[v] = x[addedVariable[v]];
        }
        double rent = 0.0;
        for (int row : addedRow) {
            rent -= y[row] * model.rowActivity(row, x);
        }
        double[] slotValues = new double[slotTerms.length];
        for (int k = 0; k < slotValues.length; k++) {
            slotValues[k] = slotTerms[k].value(tradeSolution);
        }
        double[] couplingPrices = new double[couplingRow.length];
        for (int c = 0; c < couplingPrices.length; c++) {
            couplingPrices[c] = couplingRow[c] < 0 ? Double.NaN : y[couplingRow[c]];
        }
        double[] lineFlows = new double[lineRow.length];
        double[] linePrices = new double[lineRow.length];
        double[] byPosition = null;
        for (int l = 0; l < lineRow.length; l++) {
            if (lineRow[l] >= 0) {
                lineFlows[l] = x[lineVariable[l]];
                linePrices[l] = y[lineRow[l]];
            } else {
                // a row left out (it cannot bind): its flow from the injections, no congestion
                if (byPosition == null) {
                    byPosition = new double[positionVariable.length];
                    for (int k = 0; k < byPosition.length; k++) {
                        byPosition[k] = x[positionVariable[k]];
                    }
                }
                lineFlows[l] = problem.lineLimits().get(l).flow(byPosition);
            }
        }
        return new StepOutcome(step, solution.status(), solution.message(), List.of(),
                model.objective(x), injection, linkTrades(tradeSolution), linkPrice, marketPrice,
                collectiveNet, slotValues, couplingPrices, added, rent, lineFlows, linePrices, stats);
    }

    /** An outcome for a step that has no optimal solution: the status, why, and what conflicts. */
    public StepOutcome failure(int step, QpSolution solution, StepOutcome.SolveStats stats) {
        List<String> conflicts = solution.conflicts().stream().map(Origin::toString).toList();
        return StepOutcome.failed(step, solution.status(), solution.message(), conflicts, problem, stats);
    }

    /** Builds the structure in one pass over the problem: positions, then market by market. */
    private static final class Builder {
        private final MarketProblem problem;
        private final QpModelBuilder model = new QpModelBuilder();
        private final List<StepKind> stepKinds = new ArrayList<>();
        private final List<Position> stepPositions = new ArrayList<>();
        private final List<SlotPrice> stepPrices = new ArrayList<>();
        private final List<LineLimit> stepLines = new ArrayList<>();
        private final List<Integer> bilateralTradeVariables = new ArrayList<>();
        private final int[] positionVariable;
        private final int[] addedVariable;
        private final int[] addedRow;
        private final Terms[] slotTerms;
        private final int[] reciprocityRow;
        private final int[] poolRow;
        private final int[] couplingRow;
        private final int[] lineVariable;
        private final int[] lineRow;
        private final List<BilateralLayout> layouts = new ArrayList<>();
        private int links;

        Builder(MarketProblem problem) {
            this.problem = problem;
            this.positionVariable = new int[problem.positions().size()];
            this.addedVariable = new int[problem.terms().variables().size()];
            this.addedRow = new int[problem.terms().constraints().size()];
            this.slotTerms = new Terms[problem.slots().size()];
            this.reciprocityRow = new int[problem.linkCount()];
            this.poolRow = new int[problem.tree().markets().size()];
            this.couplingRow = new int[problem.couplings().size()];
            this.lineVariable = new int[problem.lineLimits().size()];
            this.lineRow = new int[problem.lineLimits().size()];
        }

        LoweredMarket build() {
            for (Position position : problem.positions()) {
                positionVariable[position.index()] = addPosition(position);
            }
            for (int m = 0; m < poolRow.length; m++) {
                boolean pool = problem.tree().markets().get(m).isPool();
                poolRow[m] = pool ? lowerPool(m) : -1;
                if (!pool) {
                    lowerBilateral(m);
                }
            }
            for (AddedVariable v : problem.terms().variables()) {
                addedVariable[v.index()] = variable(v.name(), v.origin(), v.lower(), v.upper(),
                        v.linearCost(), v.quadraticCost(), StepKind.FIXED, null, null);
            }
            List<AddedConstraint> constraints = problem.terms().constraints();
            for (int k = 0; k < constraints.size(); k++) {
                AddedConstraint c = constraints.get(k);
                RowBuilder row = new RowBuilder();
                for (LinearExpression.Term t : c.expression().terms()) {
                    row.add(quantity(t), t.coefficient());
                }
                addedRow[k] = model.addConstraint(c.name(), c.origin(), row.columns(),
                        row.coefficients(), c.lower(), c.upper());
            }
            for (LineLimit line : problem.lineLimits()) {
                if (line.reachable()) {
                    lowerLine(line);
                } else {
                    lineVariable[line.index()] = -1;
                    lineRow[line.index()] = -1;
                }
            }
            return new LoweredMarket(this);
        }

        /**
         * A limited line: its flow {@code f} within {@code ±capacity(t)} (bounds of the step) and
         * the row {@code f - sum_k factor_k p_k = 0}. Under the dual convention the row's dual
         * is positive when raising the flow's right-hand side costs, that is when the line is
         * full in its own direction: the congestion price.
         */
        private void lowerLine(LineLimit line) {
            int flow = model.addVariable("f[" + line.name() + "]", line.origin(), -line.capacity(0),
                    line.capacity(0), 0.0, 0.0);
            Origin powerFlow = new Origin(line.origin().kind(), line.name(), "DC power flow");
            stepKinds.add(StepKind.LINE_FLOW);
            stepPositions.add(null);
            stepPrices.add(null);
            stepLines.add(line);
            RowBuilder row = new RowBuilder().add(Terms.of(flow), 1.0);
            for (int k = 0; k < line.positions().length; k++) {
                row.add(Terms.of(positionVariable[line.positions()[k]]), -line.factors()[k]);
            }
            lineVariable[line.index()] = flow;
            lineRow[line.index()] = model.addEquality("flow[" + line.name() + "]", powerFlow,
                    row.columns(), row.coefficients(), 0.0);
        }

        private Terms quantity(LinearExpression.Term t) {
            return switch (t.quantity()) {
                case POSITION -> Terms.of(positionVariable[t.index()]);
                case SLOT -> slotTerms[t.index()];
                case ADDED_VARIABLE -> Terms.of(addedVariable[t.index()]);
            };
        }

        /** p_n within its bounds of the step, priced by its cost (its constant to the model); x_K free. */
        private int addPosition(Position position) {
            String prefix = position.isCollective() ? "x[" : "p[";
            if (position.isFree()) {
                return variable(prefix + position.name() + "]", position.origin(),
                        Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 0.0, 0.0, StepKind.FIXED, null, null);
            }
            model.addConstant(position.cost().c());
            return variable(prefix + position.name() + "]", position.origin(), position.lower(0),
                    position.upper(0), position.cost().b(), position.cost().a(), StepKind.INJECTION,
                    position, null);
        }

        private int variable(String name, Origin origin, double lower, double upper, double linear,
                             double quadratic, StepKind kind, Position position, SlotPrice price) {
            int j = model.addVariable(name, origin, lower, upper, linear, quadratic);
            stepKinds.add(kind);
            stepPositions.add(position);
            stepPrices.add(price);
            stepLines.add(null);
            return j;
        }

        /**
         * The variables of one slot: one variable when its sign is fixed (then |v| is linear) or
         * it pays nothing, else a sale and a purchase part {@code v = s - u}, both {@code >= 0},
         * priced at the slot's sale and purchase costs. A pool manager's own slot is no variable:
         * it is minus the collective's net position (its balance, {@code -x - w = 0}, solved).
         */
        private Terms lowerSlot(TradeSlot slot) {
            if (slot.kind() == SlotKind.POOL_MANAGER) {
                return Terms.of(positionVariable[problem.collectivePosition(slot.market())]).negated();
            }
            Terms parts = slotParts(slot);
            if (slot.kind() == SlotKind.BILATERAL) {
                for (int j : parts.columns()) {
                    bilateralTradeVariables.add(j);
                }
            }
            return parts;
        }

        private Terms slotParts(TradeSlot slot) {
            String name = "[" + slot.label() + "]";
            String kind = slot.origin().kind();
            Origin sale = new Origin(kind, slot.label(), "sale");
            Origin purchase = new Origin(kind, slot.label(), "purchase");
            SlotPrice price = slot.price();
            if (slot.splitsSaleAndPurchase()) {
                boolean grid = price.isGrid();
                // a side that may not sell (or buy) keeps that part at 0: a producer's trade with
                // the outside at the grid's prices is split, but never a purchase
                int s = variable("s" + name, sale, 0.0, slot.high(), price.saleCost(0), 0.0,
                        grid ? StepKind.GRID_SALE : StepKind.FIXED, null, grid ? price : null);
                int u = variable("u" + name, purchase, 0.0, -slot.low(), price.purchaseCost(0), 0.0,
                        grid ? StepKind.GRID_PURCHASE : StepKind.FIXED, null, grid ? price : null);
                return Terms.difference(s, u);
            }
            if (slot.low() == 0.0) {
                return Terms.of(variable("P" + name, sale, 0.0, slot.high(), price.saleCost(0), 0.0,
                        StepKind.FIXED, null, null));
            }
            if (slot.high() == 0.0) {
                return Terms.of(variable("P" + name, purchase, slot.low(), 0.0, -price.purchaseCost(0), 0.0,
                        StepKind.FIXED, null, null));
            }
            return Terms.of(variable("P" + name, new Origin(kind, slot.label(), "trade"), slot.low(),
                    slot.high(), 0.0, 0.0, StepKind.FIXED, null, null));
        }

        /** y_n of a balance: its position, or minus it for a manager in its own market. */
        private Terms position(Balance balance) {
            Terms terms = Terms.of(positionVariable[balance.position()]);
            return balance.sign() < 0 ? terms.negated() : terms;
        }

        /**
         * A pool: per member its slots and balance {@code y_n - q_n - e_n = 0}; the pool row
         * {@code sum q = 0}; and, below the root, the exchange row {@code sum e - x = 0} (the
         * manager's own slot is {@code -x}).
         */
        private int lowerPool(int m) {
            for (Balance balance : problem.balances(m)) {
                RowBuilder row = new RowBuilder().add(position(balance), 1.0);
                boolean manager = false;
                for (int k : balance.slots()) {
                    TradeSlot slot = problem.slots().get(k);
                    slotTerms[k] = lowerSlot(slot);
                    row.add(slotTerms[k], -1.0);
                    manager |= slot.kind() == SlotKind.POOL_MANAGER;
                }
                if (!manager) {
                    balance(balance, row);
                }
            }
            int pool = problem.poolCoupling(m).map(c -> sumRow(c, "pool[")).orElse(-1);
            problem.exchangeCoupling(m).ifPresent(exchange -> sumRow(exchange, "exchange["));
            return pool;
        }

        /** A coupling row: the sum of its slots is 0; none when it has no slots (every member idle). */
        private int sumRow(Coupling coupling, String prefix) {
            if (coupling.slots().length == 0) {
                couplingRow[coupling.index()] = -1;
                return -1;
            }
            RowBuilder row = new RowBuilder();
            for (int k : coupling.slots()) {
                row.add(slotTerms[k], 1.0);
            }
            int index = model.addEquality(prefix + coupling.name() + "]", coupling.origin(),
                    row.columns(), row.coefficients(), 0.0);
            couplingRow[coupling.index()] = index;
            return index;
        }

        private void lowerBilateral(int m) {
            List<Balance> balances = problem.balances(m);
            Map<String, Integer> index = new LinkedHashMap<>();
            List<Terms> positions = new ArrayList<>();
            for (Balance balance : balances) {
                index.put(balance.participant(), positions.size());
                positions.add(position(balance));
            }
            List<Coupling> couplings = problem.couplings(m);
            int[] ids = new int[couplings.size()];
            int[] sideA = new int[couplings.size()];
            int[] sideB = new int[couplings.size()];
            for (int k = 0; k < couplings.size(); k++) {
                Coupling coupling = couplings.get(k);
                TradeSlot a = problem.slots().get(coupling.slots()[0]);
                TradeSlot b = problem.slots().get(coupling.slots()[1]);
                Terms forward = lowerSlot(a);
                Terms backward = lowerSlot(b);
                slotTerms[a.index()] = forward;
                slotTerms[b.index()] = backward;
                RowBuilder reciprocity = new RowBuilder().add(forward, 1.0).add(backward, 1.0);
                ids[k] = links;
                reciprocityRow[links++] = model.addEquality("reciprocity[" + coupling.name() + "]",
                        coupling.origin(), reciprocity.columns(), reciprocity.coefficients(), 0.0);
                couplingRow[coupling.index()] = reciprocityRow[ids[k]];
                sideA[k] = index.get(a.owner().name());
                sideB[k] = index.get(b.owner().name());
            }
            for (Balance balance : balances) {
                RowBuilder row = new RowBuilder().add(position(balance), 1.0);
                for (int slot : balance.slots()) {
                    row.add(slotTerms[slot], -1.0);
                }
                balance(balance, row);
            }
            layouts.add(new BilateralLayout(List.copyOf(positions), ids, sideA, sideB));
        }

        private void balance(Balance balance, RowBuilder row) {
            Position position = problem.positions().get(balance.position());
            String kind = position.isCollective() ? "collective" : position.peer().isGrid() ? "grid" : "peer";
            String market = problem.tree().markets().get(balance.market()).name();
            model.addEquality("balance[" + balance.participant() + "@" + market + "]",
                    new Origin(kind, balance.participant(), "balance in " + market),
                    row.columns(), row.coefficients(), 0.0);
        }
    }
}
