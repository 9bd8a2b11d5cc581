package agora.market.formulation;

import agora.scenario.Line;
import agora.solver.Origin;

/**
 * A line of the network with a capacity, as a row of the market problem: its DC flow
 * {@code f = sum_k factor_k p_k} over the peers' injections (power transfer distribution factors
 * of their buses) stays within {@code -capacity(t) .. capacity(t)}. It acts on physical
 * injections, not on trades, so it binds every market design alike. Its dual is the congestion
 * price: what one more MW of capacity from {@code from} to {@code to} is worth per hour
 * (currency/MWh; positive when the line is congested in its own direction, negative in the
 * other).
 *
 * @param index     position among the problem's line limits
 * @param positions the peer positions whose injections flow over it (factor not 0)
 * @param factors   MW on the line per MW injected by each of those positions
 * @param reachable false when no dispatch within the peers' bounds can load the line to its
 *                  capacity in any step ({@code sum_k |factor_k| max(|pmin_k|, |pmax_k|) <=
 *                  capacity}): the solvers leave such a row out (an extra row that cannot bind
 *                  only costs accuracy and time) and report its flow from the injections
 */
public record LineLimit(int index, Line line, Origin origin, int[] positions, double[] factors,
                        boolean reachable) {

    public String name() {
        return line.name();
    }

    /** The capacity in step {@code step}, MW. */
    public double capacity(int step) {
        return line.capacity().at(step);
    }

    /** The flow (MW, from {@code from} to {@code to}) at injections by peer position. */
    public double flow(double[] injectionByPosition) {
        double sum = 0.0;
        for (int k = 0; k < positions.length; k++) {
            sum += factors[k] * injectionByPosition[positions[k]];
        }
        return sum;
    }
}
