package agora.solver.testing;

import agora.solver.Origin;
import agora.solver.QpModel;
import agora.solver.QpModelBuilder;

/** Small models whose answers are worked out by hand in the comments; shared by backend tests. */
public final class KnownQps {
    private static final double INF = Double.POSITIVE_INFINITY;

    private KnownQps() {
    }

    /**
     * Two-peer bilateral market (formulation (1) of the paper).
     *
     * <pre>
     * variables   p1 in [0, 10]    producer, cost 0.5 p1^2 + 10 p1
     *             p2 in [-10, 0]   consumer, cost 1 p2^2 + 25 p2 (p2 < 0, so 25 p2 is the utility
     *                              25 q of consuming q = -p2, and q^2 its decreasing margin)
     *             P12 >= 0, P21 <= 0 (trades; the producer sells, the consumer buys)
     * rows        balance1: p1 - P12 = 0, balance2: p2 - P21 = 0, reciprocity: P12 + P21 = 0
     * </pre>
     *
     * Hence p1 = -p2 = q and the objective is 0.5 q^2 + 10 q + q^2 - 25 q = 1.5 q^2 - 15 q, so
     * q = 15 / 3 = 5, objective 1.5 * 25 - 75 = -37.5. Stationarity (grad f - A^T y = 0): p1: 5 +
     * 10 = y1 = 15; p2: -10 + 25 = y2 = 15; P12: -(-y1 + yr) = 0 so yr = 15; P21 alike. The price
     * (reciprocity dual) is 15, equal to both marginal costs. Check by sensitivity: with rhs e,
     * p2 = e - p1 and d f / d e = 2 p2 + 25 = 15.
     */
    public static QpModel twoPeerMarket() {
        QpModelBuilder b = new QpModelBuilder();
        int p1 = b.addVariable("p1", new Origin("peer", "producer", "injection"), 0, 10, 10, 0.5);
        int p2 = b.addVariable("p2", new Origin("peer", "consumer", "injection"), -10, 0, 25, 1);
        int t12 = b.addVariable("P12", new Origin("trade", "producer->consumer", "trade"), 0, INF, 0, 0);
        int t21 = b.addVariable("P21", new Origin("trade", "consumer->producer", "trade"), -INF, 0, 0, 0);
        b.addEquality("balance1", new Origin("peer", "producer", "balance"), new int[] {p1, t12},
                new double[] {1, -1}, 0);
        b.addEquality("balance2", new Origin("peer", "consumer", "balance"), new int[] {p2, t21},
                new double[] {1, -1}, 0);
        b.addEquality("reciprocity", new Origin("trade", "producer<->consumer", "reciprocity"),
                new int[] {t12, t21}, new double[] {1, 1}, 0);
        return b.build();
    }

    public static final double TWO_PEER_OBJECTIVE = -37.5;
    public static final double TWO_PEER_PRICE = 15.0;
    public static final double[] TWO_PEER_PRIMAL = {5, -5, 5, -5};
    public static final double[] TWO_PEER_DUALS = {15, 15, 15};

    /**
     * An LP with a binding variable bound, a ranged row, an equality row and a free variable.
     *
     * <pre>
     * min  -x3 - 2 x2
     *      x1 in [0, 3], x2 in [0, 1], x3 free
     *      range:  0 <= x1 + x2 <= 3.5
     *      mirror: x3 - x1 = 0
     * </pre>
     *
     * x2 has the larger gain per unit of the shared range row, so x2 = 1 (its upper bound binds),
     * x1 = 3.5 - 1 = 2.5 (inside [0, 3]), x3 = 2.5; objective -2.5 - 2 = -4.5. Duals: x3 is free,
     * so -1 - y_mirror = 0, y_mirror = -1; x1 is strictly inside its bounds, so 0 - y_range +
     * y_mirror = 0, y_range = -1 (raising the range's upper bound by e lets x1 and x3 grow by e:
     * objective -e). The bound multiplier of x2 is z = -2 - y_range = -1 < 0 at its upper bound.
     */
    public static QpModel lpWithBindingBound() {
        QpModelBuilder b = new QpModelBuilder();
        int x1 = b.addVariable("x1", new Origin("peer", "a", "injection"), 0, 3, 0, 0);
        int x2 = b.addVariable("x2", new Origin("peer", "b", "injection"), 0, 1, -2, 0);
        int x3 = b.addVariable("x3", new Origin("peer", "c", "injection"), -INF, INF, -1, 0);
        b.addConstraint("range", new Origin("tariff", "a+b", "limit"), new int[] {x1, x2},
                new double[] {1, 1}, 0, 3.5);
        b.addEquality("mirror", new Origin("peer", "c", "balance"), new int[] {x3, x1},
                new double[] {1, -1}, 0);
        return b.build();
    }

    public static final double LP_OBJECTIVE = -4.5;
    public static final double[] LP_PRIMAL = {2.5, 1, 2.5};
    public static final double[] LP_DUALS = {-1, -1};

    /**
     * Infeasible: x, y in [0, 1] but the row {@code need: x + y >= 3} asks for more than the
     * bounds allow (at most 2), so the row alone is trivially infeasible given the bounds.
     */
    public static QpModel infeasible() {
        QpModelBuilder b = new QpModelBuilder();
        int x = b.addVariable("x", new Origin("peer", "x", "injection"), 0, 1, 1, 0.5);
        int y = b.addVariable("y", new Origin("peer", "y", "injection"), 0, 1, 1, 0);
        b.addConstraint("need", new Origin("collective", "xy", "demand"), new int[] {x, y},
                new double[] {1, 1}, 3, INF);
        return b.build();
    }

    /** The origin of the row {@link #infeasible()} reports in conflict. */
    public static final Origin INFEASIBLE_ROW = new Origin("collective", "xy", "demand");

    /**
     * Infeasible only jointly: x in [0, 1]; rows {@code x >= 0.8} and {@code x <= 0.5}. Each row
     * alone is satisfiable, so no per-row pre-check can name it.
     */
    public static QpModel jointlyInfeasible() {
        QpModelBuilder b = new QpModelBuilder();
        int x = b.addVariable("x", new Origin("peer", "x", "injection"), 0, 1, 1, 1);
        b.addConstraint("atLeast", new Origin("peer", "x", "floor"), new int[] {x}, new double[] {1}, 0.8, INF);
        b.addConstraint("atMost", new Origin("peer", "x", "cap"), new int[] {x}, new double[] {1}, -INF, 0.5);
        return b.build();
    }

    /** Unbounded: min -x with x >= 0 and no row stopping it. */
    public static QpModel unbounded() {
        QpModelBuilder b = new QpModelBuilder();
        int x = b.addVariable("x", new Origin("peer", "x", "injection"), 0, INF, -1, 0);
        int y = b.addVariable("y", new Origin("peer", "y", "injection"), 0, 1, 0, 1);
        b.addConstraint("loose", new Origin("peer", "xy", "link"), new int[] {x, y},
                new double[] {1, -1}, -1, INF);
        return b.build();
    }
}
