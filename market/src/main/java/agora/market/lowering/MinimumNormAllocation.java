package agora.market.lowering;

import agora.solver.Origin;
import agora.solver.QpModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The second, small solve that makes trades unique. Welfare fixes the dispatch, but when several
 * trade routes cost the same per MWh (full P2P with equal fees) it does not fix how energy is
 * split among partners. Among all welfare-optimal solutions this picks the one with least
 * {@code sum P²} over all trade variables: unique (strictly convex), so identical on every
 * backend.
 *
 * <p>The optimal set is described without duals (which differ between backends when prices are
 * not unique): every injection and net position is boxed to a hair around its optimal value, and
 * one extra row keeps the total trade cost at most its optimal value. Grid trades are priced
 * {@code π+ s - π- u}; with the grid's net position {@code S - U} pinned, the part
 * {@code π+ (S - U)} is constant, so the row carries only fees on sales and
 * {@code π+ - π- + fee} on purchases. That keeps the row's scale, and thus its slack, small.
 * Row coefficients change with the grid prices, so each step builds its own structure (the
 * step's copy of the coefficients; names and indices are shared).
 */
final class MinimumNormAllocation {
    /** Relative slack on positions, in units of the solver tolerance. */
    static final double POSITION_SLACK_TOLERANCES = 1.0;
    /** Relative slack on the trade cost bound, in units of the solver tolerance. */
    static final double COST_SLACK_TOLERANCES = 0.01;

    private final LoweredMarket lowered;
    private final QpModel.Structure base;
    private final int[] costColumns;
    private final boolean costRow;
    private final int[] rowStart;
    private final int[] columnIndex;
    private final List<String> constraintNames;
    private final List<Origin> constraintOrigins;

    MinimumNormAllocation(LoweredMarket lowered) {
        this.lowered = lowered;
        this.base = lowered.structureModel().structure();
        QpModel model = lowered.structureModel();
        this.costColumns = java.util.stream.IntStream.range(0, model.variableCount())
                .filter(j -> lowered.isTradeVariable(j) && (model.linear(j) != 0.0
                        || lowered.isGridSale(j) || lowered.isGridPurchase(j)))
                .toArray();
        int nonZeros = base.columnIndex().length;
        int rows = base.constraintCount();
        // without any trade cost (no fees, no grid) every trade costs nothing: no row needed
        this.costRow = costColumns.length > 0;
        int extraRows = costRow ? 1 : 0;
        this.rowStart = Arrays.copyOf(base.rowStart(), rows + 1 + extraRows);
        this.columnIndex = Arrays.copyOf(base.columnIndex(), nonZeros + costColumns.length);
        System.arraycopy(costColumns, 0, columnIndex, nonZeros, costColumns.length);
        List<String> names = new ArrayList<>(base.constraintNames());
        List<Origin> origins = new ArrayList<>(base.constraintOrigins());
        if (costRow) {
            rowStart[rows + 1] = nonZeros + costColumns.length;
            names.add("trade cost bound");
            origins.add(new Origin("tariff", "all trades", "trade cost at most its optimum"));
        }
        this.constraintNames = List.copyOf(names);
        this.constraintOrigins = List.copyOf(origins);
    }

    /**
     * The allocation model of one step.
     *
     * @param step      the step
     * @param stepModel the welfare model of that step
     * @param optimum   its optimal primal values
     * @param tolerance the solver tolerance the slacks are scaled by
     */
    QpModel model(int step, QpModel stepModel, double[] optimum, double tolerance) {
        int n = stepModel.variableCount();
        int nonZeros = base.columnIndex().length;
        double[] coefficient = Arrays.copyOf(base.coefficient(), nonZeros + costColumns.length);
        double cost = 0.0;
        double scale = 1.0;
        for (int k = 0; k < costColumns.length; k++) {
            int j = costColumns[k];
            double c = stepModel.linear(j);
            if (lowered.isGridSale(j)) {
                c -= lowered.pinnedGridPrice(j, step);
            } else if (lowered.isGridPurchase(j)) {
                c += lowered.pinnedGridPrice(j, step);
            }
            coefficient[nonZeros + k] = c;
            cost += c * optimum[j];
            scale += Math.abs(c * optimum[j]);
        }
        int rows = base.constraintCount();
        double[] rowLower = Arrays.copyOf(base.rowLower(), rows + (costRow ? 1 : 0));
        double[] rowUpper = Arrays.copyOf(base.rowUpper(), rows + (costRow ? 1 : 0));
        if (costRow) {
            rowLower[rows] = Double.NEGATIVE_INFINITY;
            rowUpper[rows] = cost + COST_SLACK_TOLERANCES * tolerance * scale;
        }
        QpModel.Structure structure = new QpModel.Structure(base.variableNames(),
                base.variableOrigins(), constraintNames, constraintOrigins, rowStart, columnIndex,
                coefficient, rowLower, rowUpper);

        double[] lower = stepModel.lowerBounds();
        double[] upper = stepModel.upperBounds();
        double[] quadratic = new double[n];
        for (int j = 0; j < n; j++) {
            if (lowered.isTradeVariable(j)) {
                quadratic[j] = 1.0;
            } else {
                double slack = POSITION_SLACK_TOLERANCES * tolerance * (1.0 + Math.abs(optimum[j]));
                double value = Math.min(Math.max(optimum[j], lower[j]), upper[j]);
                lower[j] = Math.max(lower[j], value - slack);
                upper[j] = Math.min(upper[j], value + slack);
            }
        }
        return new QpModel(structure, lower, upper, new double[n], quadratic, 0.0);
    }
}
