package agora.market.lowering;

import agora.market.lowering.LoweredMarket.BilateralLayout;
import agora.solver.KktCheck;
import agora.solver.KktResiduals;
import agora.solver.Origin;
import agora.solver.QpModel;
import agora.solver.QpModelBuilder;
import agora.solver.QpSolution;
import java.util.Arrays;
import java.util.Optional;

/**
 * The second, small solve that makes trades unique. Welfare fixes the dispatch, but when several
 * trade routes cost the same per MWh (full P2P with equal fees) it does not fix how energy is
 * split among partners. Among all welfare-optimal trades this picks the ones of least
 * {@code sum P²} over the bilateral trade variables: unique (strictly convex), so identical on
 * every backend.
 *
 * <h2>The optimal trades, without a thin feasible set</h2>
 * For a convex QP the optimal solutions are exactly the feasible points that satisfy the KKT
 * conditions together with any one optimal dual {@code λ} (the set of KKT pairs is the product of
 * the primal and the dual optimal sets). Trade variables cost linearly, so their reduced cost
 * {@code r_j = c_j - (A^T λ)_j} depends on {@code λ} alone, and a welfare-optimal allocation with
 * the solved dispatch is: net positions as solved, every trade variable with {@code r_j != 0} at
 * its bound (0: sale and purchase parts are {@code >= 0}, a producer's trade {@code >= 0}, a
 * consumer's {@code <= 0}), balances and reciprocity as before. Whichever optimal dual a backend
 * returns, this set is the same.
 *
 * <p>The allocation model keeps only the trade variables free to move (reduced cost within a
 * tolerance of 0), takes net positions as constants, and leaves out one balance row per
 * connected group of trading participants (it is implied by the others and reciprocity, and
 * leaving it out absorbs the solver's round-off in the positions). A well-posed small QP results,
 * unlike "positions fixed and total trade cost at most its optimum", whose feasible set is a
 * sliver that interior-point solvers stumble on. Pool trades are fixed by the positions and not
 * part of it.
 */
final class MinimumNormAllocation {
    /**
     * A trade variable whose reduced cost is within this many solver tolerances, relative to the
     * size of the terms of that reduced cost, may move. Kept small: fees of 0.001 $/MWh against
     * prices of 50 $/MWh give genuine reduced costs of 1e-5 relative.
     */
    static final double REDUCED_COST_TOLERANCES = 10.0;

    /** How many solver tolerances the allocated trades may add to the welfare solution's residuals. */
    static final double CONSISTENCY_TOLERANCES = 10.0;

    private final LoweredMarket lowered;

    MinimumNormAllocation(LoweredMarket lowered) {
        this.lowered = lowered;
    }

    /**
     * The allocation problem of one step, or empty when no trade can move.
     *
     * @param stepModel the welfare model of the step
     * @param optimum   its optimal solution (primal values and duals)
     * @param tolerance the solver tolerance
     */
    Optional<Allocation> model(QpModel stepModel, QpSolution optimum, double tolerance) {
        double[] x = optimum.primal();
        boolean[] free = movableTrades(stepModel, optimum.duals(), tolerance);
        QpModelBuilder builder = new QpModelBuilder();
        int[] compact = new int[stepModel.variableCount()];
        Arrays.fill(compact, -1);
        for (BilateralLayout market : lowered.bilateralLayouts()) {
            addMarket(builder, stepModel, market, x, free, compact);
        }
        if (builder.variableCount() == 0) {
            return Optional.empty();
        }
        return Optional.of(new Allocation(builder.build(), compact));
    }

    /**
     * Marks the bilateral trade variables whose reduced cost at the optimal duals is zero. "Zero"
     * is judged against the magnitudes that make up each variable's own reduced cost (its cost and
     * the duals of its own rows), never against the largest dual of the model: an idle peer at a
     * fixed bound may carry an arbitrary, huge balance dual (any value is optimal there), and a
     * threshold scaled by it declared trades with a reduced cost of several $/MWh movable, so the
     * allocation routed flow around at a loss (a circulation through a manager).
     */
    private boolean[] movableTrades(QpModel model, double[] duals, double tolerance) {
        int n = model.variableCount();
        double[] reduced = model.linearCosts();
        double[] scale = new double[n];
        for (int j = 0; j < n; j++) {
            scale[j] = 1.0 + Math.abs(reduced[j]);
        }
        for (int i = 0; i < model.constraintCount(); i++) {
            double yi = duals[i];
            model.forEachInRow(i, (column, coefficient) -> {
                reduced[column] -= coefficient * yi;
                scale[column] += Math.abs(coefficient * yi);
            });
        }
        boolean[] free = new boolean[n];
        for (int j = 0; j < n; j++) {
            // a free variable's reduced cost is 0 at any optimum (stationarity), whatever its value
            boolean unbounded = model.lower(j) == Double.NEGATIVE_INFINITY
                    && model.upper(j) == Double.POSITIVE_INFINITY;
            double threshold = REDUCED_COST_TOLERANCES * tolerance * scale[j];
            free[j] = lowered.isBilateralTradeVariable(j)
                    && (unbounded || Math.abs(reduced[j]) <= threshold);
        }
        return free;
    }

    private void addMarket(QpModelBuilder builder, QpModel model, BilateralLayout market,
                                  double[] x, boolean[] free, int[] compact) {
        int participants = market.positions().size();
        int links = market.links().length;
        RowBuilder[] balance = new RowBuilder[participants];
        int[] group = new int[participants];
        double bound = 1.0;
        for (int p = 0; p < participants; p++) {
            balance[p] = new RowBuilder();
            group[p] = p;
            bound += Math.abs(market.positions().get(p).value(x));
        }
        for (int k = 0; k < links; k++) {
            int link = market.links()[k];
            Terms forwardSide = lowered.forwardTrade(link);
            Terms backwardSide = lowered.backwardTrade(link);
            if (!anyFree(forwardSide, free) || !anyFree(backwardSide, free)) {
                continue; // one side cannot move, so reciprocity holds this link at zero
            }
            Terms forward = movable(builder, model, free, compact, forwardSide, bound);
            Terms backward = movable(builder, model, free, compact, backwardSide, bound);
            RowBuilder reciprocity = new RowBuilder().add(forward, 1.0).add(backward, 1.0);
            builder.addEquality("reciprocity[" + link + "]", new Origin("trade", "link " + link,
                    "reciprocity"), reciprocity.columns(), reciprocity.coefficients(), 0.0);
            balance[market.sideA()[k]].add(forward, 1.0);
            balance[market.sideB()[k]].add(backward, 1.0);
            union(group, market.sideA()[k], market.sideB()[k]);
        }
        boolean[] groupHasDroppedRow = new boolean[participants];
        for (int p = 0; p < participants; p++) {
            int root = find(group, p);
            if (!groupHasDroppedRow[root]) {
                groupHasDroppedRow[root] = true; // implied by the group's other rows
                continue;
            }
            double position = market.positions().get(p).value(x);
            builder.addEquality("balance[" + p + "]", new Origin("trade", "participant " + p,
                    "balance"), balance[p].columns(), balance[p].coefficients(), position);
        }
    }

    private static boolean anyFree(Terms side, boolean[] free) {
        return countFree(side, free) > 0;
    }

    /** In loops, not streams: this runs for every link of every step. */
    private static int countFree(Terms side, boolean[] free) {
        int count = 0;
        for (int j : side.columns()) {
            count += free[j] ? 1 : 0;
        }
        return count;
    }

    /**
     * The movable variables of one side's trade, registered in the compact model (once) with the
     * least-norm objective and their bounds, capped at {@code ±bound}: a least-norm allocation
     * carries no circular flow, so no trade exceeds the market's total |net position|, and
     * finite bounds keep interior-point solvers on familiar ground.
     */
    private static Terms movable(QpModelBuilder builder, QpModel model, boolean[] free,
                                 int[] compact, Terms side, double bound) {
        int count = countFree(side, free);
        int[] columns = new int[count];
        double[] coefficients = new double[count];
        int k = 0;
        for (int t = 0; t < side.columns().length; t++) {
            int j = side.columns()[t];
            if (!free[j]) {
                continue;
            }
            if (compact[j] < 0) {
                compact[j] = builder.addVariable(model.variableName(j),
                        model.structure().variableOrigins().get(j), Math.max(model.lower(j), -bound),
                        Math.min(model.upper(j), bound), 0.0, 1.0);
            }
            columns[k] = compact[j];
            coefficients[k++] = side.coefficients()[t];
        }
        return new Terms(columns, coefficients);
    }

    /**
     * Why the allocated trades are not a welfare optimum together with the welfare solve's duals,
     * or empty when they are: the check that keeps a wrong allocation (mis-judged reduced costs,
     * an inaccurate allocation solve) from being reported with prices it does not clear at.
     * Trades cost linearly, so moving them changes the objective by exactly
     * {@code sum_j r_j Δx_j} (balances hold): the objective must be unchanged, and feasibility and
     * complementarity (KKT on the welfare model, welfare duals) no worse than the welfare
     * solution's own, each within {@link #CONSISTENCY_TOLERANCES} solver tolerances.
     *
     * @param stepModel the welfare model of the step
     * @param optimum   its optimal solution
     * @param allocated the welfare solution with the allocation's trades ({@link Allocation#apply})
     */
    static Optional<String> inconsistency(QpModel stepModel, QpSolution optimum, double[] allocated,
                                          double tolerance) {
        double limit = CONSISTENCY_TOLERANCES * tolerance;
        double before = stepModel.objective(optimum.primal());
        double after = stepModel.objective(allocated);
        if (!(Math.abs(after - before) <= limit * (1.0 + Math.abs(before)))) {
            return Optional.of("the allocated trades change the objective from " + before + " to " + after);
        }
        KktResiduals welfare = KktCheck.check(stepModel, optimum);
        KktResiduals moved = KktCheck.check(stepModel, new QpSolution(optimum.status(), after,
                allocated, optimum.duals(), optimum.message(), optimum.conflicts(),
                optimum.iterations(), optimum.seconds()));
        if (!(moved.primal() <= Math.max(welfare.primal(), limit))
                || !(moved.complementarity() <= Math.max(welfare.complementarity(), limit))
                || !(moved.dualityGap() <= Math.max(welfare.dualityGap(), limit))) {
            return Optional.of("the allocated trades violate the optimality conditions with the "
                    + "welfare prices (" + moved.worst() + ")");
        }
        return Optional.empty();
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        parent[find(parent, a)] = find(parent, b);
    }

    /**
     * An allocation problem and the way back.
     *
     * @param model   the least-norm QP over the movable trade variables
     * @param compact for each variable of the welfare model, its index in {@code model}, or -1
     */
    record Allocation(QpModel model, int[] compact) {

        /**
         * The welfare solution with its bilateral trades replaced by the allocation's: movable
         * variables take the allocation's values, the others 0 (their bound).
         */
        double[] apply(LoweredMarket lowered, double[] welfare, double[] allocated) {
            double[] out = welfare.clone();
            for (int j = 0; j < out.length; j++) {
                if (compact[j] >= 0) {
                    out[j] = allocated[compact[j]];
                } else if (lowered.isBilateralTradeVariable(j)) {
                    out[j] = 0.0;
                }
            }
            return out;
        }
    }
}
