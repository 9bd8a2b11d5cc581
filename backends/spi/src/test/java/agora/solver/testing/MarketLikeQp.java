package agora.solver.testing;

import agora.solver.Origin;
import agora.solver.QpModel;
import agora.solver.QpModelBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A synthetic full-P2P bilateral market shaped like the IEEE 14-bus case of the paper (8
 * producers, 11 consumers, one grid peer; every producer-consumer pair and every peer-grid pair
 * can trade), lowered by formulation (1) with the grid's trades split into sale and purchase.
 * The numbers are random (seeded), not the case's data. One structure serves every step; {@link
 * #step} swaps bounds and costs, as the market layer does for a year of half-hours.
 *
 * <pre>
 * peers:  p_n, cost a_n p^2 + b_n p; producers p in [0, pmax_n(t)], consumers
 *         p in [-dmax_n(t), -dmin_n(t)] with b_n > 0 (utility)
 * trades: P_nm >= 0 for a producer n, <= 0 for a consumer; fee c_nm |P_nm|
 * grid:   per peer m, sale s_m >= 0 and purchase u_m >= 0, cost (pi+ + fee) s - (pi- - fee) u;
 *         net position g free
 * rows:   balance_n: p_n - sum_m P_nm = 0, grid balance: g - sum_m (s_m - u_m) = 0,
 *         reciprocity: P_nm + P_mn = 0, P_mg + s_m - u_m = 0
 * </pre>
 *
 * 19 + 1 peer variables, 176 + 19 + 38 = 233 trade variables, 20 + 88 + 19 = 127 rows.
 */
public final class MarketLikeQp {
    public static final int PRODUCERS = 8;
    public static final int CONSUMERS = 11;
    private static final double INF = Double.POSITIVE_INFINITY;
    private static final double FEE = 0.5;

    private final Random random;
    private final QpModel base;
    private final double[] a = new double[PRODUCERS + CONSUMERS];
    private final double[] b = new double[PRODUCERS + CONSUMERS];
    private final double[] capacity = new double[PRODUCERS + CONSUMERS];
    /** The reciprocity rows, in creation order. */
    private final List<Integer> reciprocityRows = new ArrayList<>();

    public MarketLikeQp(long seed) {
        random = new Random(seed);
        for (int n = 0; n < a.length; n++) {
            boolean producer = n < PRODUCERS;
            a[n] = producer ? uniform(0.01, 0.1) : uniform(0.02, 0.2);
            b[n] = producer ? uniform(5, 40) : uniform(40, 100);
            capacity[n] = producer ? uniform(5, 30) : uniform(2, 15);
        }
        base = build();
    }

    /** Row indices of the reciprocity rows (their duals are the bilateral prices). */
    public List<Integer> reciprocityRows() {
        return List.copyOf(reciprocityRows);
    }

    /** The model of step {@code t}: same structure, new capacities, demands and grid prices. */
    public QpModel step(int t) {
        Random stepRandom = new Random(t * 7919L + 17);
        double[] lower = base.lowerBounds();
        double[] upper = base.upperBounds();
        double[] linear = base.linearCosts();
        double[] quadratic = base.quadraticCosts();
        for (int n = 0; n < PRODUCERS + CONSUMERS; n++) {
            double level = 0.2 + 0.8 * stepRandom.nextDouble();
            if (n < PRODUCERS) {
                upper[n] = capacity[n] * level;
            } else {
                lower[n] = -capacity[n] * level;
                upper[n] = -0.3 * capacity[n] * level;
            }
        }
        double importPrice = 40 + 40 * stepRandom.nextDouble();
        double exportPrice = importPrice - 10 - 20 * stepRandom.nextDouble();
        int firstSale = base.variableCount() - 2 * (PRODUCERS + CONSUMERS);
        for (int m = 0; m < PRODUCERS + CONSUMERS; m++) {
            linear[firstSale + 2 * m] = importPrice + FEE;
            linear[firstSale + 2 * m + 1] = -(exportPrice - FEE);
        }
        return base.withStepData(lower, upper, linear, quadratic, base.constant());
    }

    private QpModel build() {
        QpModelBuilder builder = new QpModelBuilder();
        int peers = PRODUCERS + CONSUMERS;
        for (int n = 0; n < peers; n++) {
            boolean producer = n < PRODUCERS;
            builder.addVariable("p_" + name(n), new Origin("peer", name(n), "injection"),
                    producer ? 0 : -capacity[n], producer ? capacity[n] : 0, b[n], a[n]);
        }
        int grid = builder.addVariable("g", new Origin("grid", "grid", "net position"), -INF, INF, 0, 0);
        List<List<int[]>> tradesOf = new ArrayList<>();
        for (int n = 0; n < peers; n++) {
            tradesOf.add(new ArrayList<>());
        }
        List<int[]> links = new ArrayList<>();
        for (int n = 0; n < PRODUCERS; n++) {
            for (int m = PRODUCERS; m < peers; m++) {
                int forward = tradeVariable(builder, n, m);
                int backward = tradeVariable(builder, m, n);
                tradesOf.get(n).add(new int[] {forward});
                tradesOf.get(m).add(new int[] {backward});
                links.add(new int[] {n, m, forward, backward});
            }
        }
        int[] gridSide = new int[peers];
        for (int m = 0; m < peers; m++) {
            gridSide[m] = tradeVariable(builder, m, -1);
            tradesOf.get(m).add(new int[] {gridSide[m]});
        }
        int firstSale = builder.variableCount();
        for (int m = 0; m < peers; m++) {
            String label = "grid->" + name(m);
            builder.addVariable("s_" + name(m), new Origin("grid", label, "sale"), 0, INF, 60, 0);
            builder.addVariable("u_" + name(m), new Origin("grid", label, "purchase"), 0, INF, -40, 0);
        }
        for (int n = 0; n < peers; n++) {
            List<int[]> trades = tradesOf.get(n);
            int[] columns = new int[trades.size() + 1];
            double[] coefficients = new double[columns.length];
            columns[0] = n;
            coefficients[0] = 1;
            for (int k = 0; k < trades.size(); k++) {
                columns[k + 1] = trades.get(k)[0];
                coefficients[k + 1] = -1;
            }
            builder.addEquality("balance_" + name(n), new Origin("peer", name(n), "balance"), columns,
                    coefficients, 0);
        }
        int[] gridColumns = new int[2 * peers + 1];
        double[] gridCoefficients = new double[gridColumns.length];
        gridColumns[0] = grid;
        gridCoefficients[0] = 1;
        for (int m = 0; m < peers; m++) {
            gridColumns[2 * m + 1] = firstSale + 2 * m;
            gridCoefficients[2 * m + 1] = -1;
            gridColumns[2 * m + 2] = firstSale + 2 * m + 1;
            gridCoefficients[2 * m + 2] = 1;
        }
        builder.addEquality("balance_grid", new Origin("grid", "grid", "balance"), gridColumns,
                gridCoefficients, 0);
        for (int[] link : links) {
            String label = name(link[0]) + "<->" + name(link[1]);
            reciprocityRows.add(builder.addEquality("reciprocity_" + label,
                    new Origin("trade", label, "reciprocity"), new int[] {link[2], link[3]},
                    new double[] {1, 1}, 0));
        }
        for (int m = 0; m < peers; m++) {
            String label = name(m) + "<->grid";
            reciprocityRows.add(builder.addEquality("reciprocity_" + label,
                    new Origin("trade", label, "reciprocity"),
                    new int[] {gridSide[m], firstSale + 2 * m, firstSale + 2 * m + 1},
                    new double[] {1, 1, -1}, 0));
        }
        return builder.build();
    }

    /** P_nm (m = -1: the grid); signed by n's role, paying fee plus a random distance charge. */
    private int tradeVariable(QpModelBuilder builder, int n, int m) {
        boolean producer = n < PRODUCERS;
        double perMWh = FEE + 2.0 * random.nextDouble();
        String label = name(n) + "->" + (m < 0 ? "grid" : name(m));
        return builder.addVariable("P_" + label, new Origin("trade", label, "trade"),
                producer ? 0 : -INF, producer ? INF : 0, producer ? perMWh : -perMWh, 0);
    }

    private static String name(int n) {
        return n < PRODUCERS ? "g" + (n + 1) : "d" + (n - PRODUCERS + 1);
    }

    private double uniform(double low, double high) {
        return low + (high - low) * random.nextDouble();
    }
}
