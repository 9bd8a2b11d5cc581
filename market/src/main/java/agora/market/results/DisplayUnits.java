package agora.market.results;

import java.util.Arrays;

/**
 * Units to show totals in, chosen from their magnitudes: a street's year in kWh and the
 * currency, the IEEE 14-bus year in GWh and millions (M$), so that no table reads
 * {@code 0.000448 M$}. The largest value shown is at least 1 in its unit (or the unit is the
 * smallest one).
 *
 * @param money       e.g. {@code M$}, {@code k$}, {@code $}
 * @param perCurrency how many units of {@code money} one unit of currency is (1e-6 for M$)
 * @param energy      {@code GWh}, {@code MWh} or {@code kWh}
 * @param perMwh      how many units of {@code energy} one MWh is (1e-3 for GWh)
 */
public record DisplayUnits(String money, double perCurrency, String energy, double perMwh) {
    private static final String[] MONEY_PREFIXES = {"M", "k", ""};
    private static final double[] MONEY_SCALES = {1e-6, 1e-3, 1};
    private static final String[] ENERGY_UNITS = {"GWh", "MWh", "kWh"};
    private static final double[] ENERGY_SCALES = {1e-3, 1, 1e3};

    /**
     * Units for money amounts and energies (MWh) whose largest magnitudes are those given;
     * non-finite values are ignored.
     */
    public static DisplayUnits of(String currency, double[] moneyAmounts, double[] energiesMwh) {
        double money = largest(moneyAmounts);
        double energy = largest(energiesMwh);
        int m = 0;
        while (m < MONEY_SCALES.length - 1 && money * MONEY_SCALES[m] < 1) {
            m++;
        }
        int e = 0;
        while (e < ENERGY_SCALES.length - 1 && energy * ENERGY_SCALES[e] < 1) {
            e++;
        }
        return new DisplayUnits(MONEY_PREFIXES[m] + currency, MONEY_SCALES[m], ENERGY_UNITS[e],
                ENERGY_SCALES[e]);
    }

    /** Units for the totals of these designs (welfare and grid money; load, import, export, exchange). */
    public static DisplayUnits of(String currency, DesignTotals... totals) {
        double[] money = Arrays.stream(totals).flatMapToDouble(t -> Arrays.stream(new double[] {
                t.welfare(), t.importCost(), t.exportRevenue()})).toArray();
        double[] energy = Arrays.stream(totals).flatMapToDouble(t -> Arrays.stream(new double[] {
                t.load(), t.gridImport(), t.gridExport(), t.exchange()})).toArray();
        return of(currency, money, energy);
    }

    private static double largest(double[] values) {
        return Arrays.stream(values).filter(Double::isFinite).map(Math::abs).max().orElse(0);
    }
}
