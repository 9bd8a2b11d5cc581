package agora.market.results;

import java.util.List;

/**
 * Sums over the optimal steps of a run (a year, or the steps asked for): energies in MWh, money in
 * currency. Failed steps are counted, not summed.
 *
 * @param maxImbalance the largest |budget imbalance| of a step, currency
 */
public record DesignTotals(int steps, int optimalSteps, double welfare, double importCost,
                           double exportRevenue, double load, double gridImport,
                           double gridExport, double exchange, double fees,
                           double maxImbalance) {

    /** Adds up the accounts of the steps. */
    public static DesignTotals of(List<StepResult> results) {
        Collector collector = new Collector();
        results.forEach(collector::add);
        return collector.totals();
    }

    public int failedSteps() {
        return steps - optimalSteps;
    }

    /** Adds up step accounts one at a time, so a year need not be held in memory. */
    public static final class Collector {
        private int steps;
        private int optimal;
        private double welfare;
        private double importCost;
        private double exportRevenue;
        private double load;
        private double gridImport;
        private double gridExport;
        private double exchange;
        private double fees;
        private double maxImbalance;

        public void add(StepResult r) {
            steps++;
            if (!r.isOptimal()) {
                return;
            }
            optimal++;
            welfare += r.welfare();
            importCost += r.importCost();
            exportRevenue += r.exportRevenue();
            load += r.load();
            gridImport += r.gridImport();
            gridExport += r.gridExport();
            exchange += r.exchange();
            fees += r.fees();
            maxImbalance = Math.max(maxImbalance, Math.abs(r.imbalance()));
        }

        public DesignTotals totals() {
            return new DesignTotals(steps, optimal, welfare, importCost, exportRevenue, load,
                    gridImport, gridExport, exchange, fees, maxImbalance);
        }
    }
}
