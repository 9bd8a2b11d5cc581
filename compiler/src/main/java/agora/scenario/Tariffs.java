package agora.scenario;

import java.util.List;

/**
 * Per-MWh charges on trades, each paid by each side on its own trade variable.
 *
 * @param tradeFee            γ: on every trade (and every pool trade), per MWh
 * @param collectiveFees      fees between named collectives
 * @param networkCharge       per MWh per unit of electrical distance between the peers' buses
 * @param distance            how electrical distance is measured
 */
public record Tariffs(double tradeFee, List<CollectiveFee> collectiveFees, double networkCharge,
                      DistanceMetric distance) {

    public static final Tariffs NONE = new Tariffs(0, List.of(), 0, DistanceMetric.HOPS);

    public enum DistanceMetric {
        /** number of lines on the shortest path */
        HOPS,
        /** sum of line reactances (p.u.) on the path of least reactance */
        REACTANCE,
        /** sum of line impedance magnitudes |r + jx| (p.u.) on the least such path */
        IMPEDANCE
    }
}
