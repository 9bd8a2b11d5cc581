package agora.market.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sums over the optimal steps of a run (a year, or the steps asked for): energies in MWh, money in
 * currency. Failed steps are counted, not summed.
 *
 * @param maxImbalance   the largest |budget imbalance| of a step, currency
 * @param congestionRent what the network operator collected from congestion, currency
 * @param lines          per limited line, how often and how dearly it was congested
 * @param exchange       energy exchanged between outermost collectives (the paper's Table 5)
 * @param siblingExchanges energy exchanged between each pair of sibling collectives, at every
 *                       level of the collective tree ({@link SiblingExchange})
 */
public record DesignTotals(int steps, int optimalSteps, double welfare, double importCost,
                           double exportRevenue, double load, double gridImport,
                           double gridExport, double exchange, double fees,
                           double maxImbalance, double congestionRent, List<LineTotals> lines,
                           List<SiblingExchange> siblingExchanges) {

    /**
     * A congestion price at or below this (currency/MWh) is the solver's rounding of a limit that
     * does not bind: interior-point duals of slack rows end near 1e-7.
     */
    public static final double CONGESTION_PRICE_TOLERANCE = 1e-4;

    public DesignTotals {
        lines = List.copyOf(lines);
        siblingExchanges = List.copyOf(siblingExchanges);
    }

    /**
     * One limited line over the optimal steps.
     *
     * @param congestedSteps steps in which its limit bound ({@link LineStep#congested})
     * @param maxPrice       the largest |congestion price|, currency/MWh
     * @param maxLoading     the largest |flow| / capacity
     */
    public record LineTotals(String line, int congestedSteps, double maxPrice, double maxLoading) {
    }

    /** The lines congested in at least one step. */
    public List<LineTotals> congestedLines() {
        return lines.stream().filter(l -> l.congestedSteps() > 0).toList();
    }

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
        private double congestionRent;
        private final List<String> lineNames = new ArrayList<>();
        private int[] congestedSteps = new int[0];
        private double[] maxPrice = new double[0];
        private double[] maxLoading = new double[0];
        private final Map<SiblingExchange, double[]> siblings = new LinkedHashMap<>();

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
            congestionRent += r.congestionRent();
            addLines(r.lines());
            for (SiblingExchange e : r.siblingExchanges()) {
                siblings.computeIfAbsent(e.pair(), k -> new double[1])[0] += e.energy();
            }
        }

        private void addLines(List<LineStep> lines) {
            if (lineNames.isEmpty() && !lines.isEmpty()) {
                lines.forEach(l -> lineNames.add(l.line()));
                congestedSteps = new int[lines.size()];
                maxPrice = new double[lines.size()];
                maxLoading = new double[lines.size()];
            }
            for (int l = 0; l < lines.size(); l++) {
                LineStep line = lines.get(l);
                if (line.congested(CONGESTION_PRICE_TOLERANCE)) {
                    congestedSteps[l]++;
                }
                maxPrice[l] = Math.max(maxPrice[l], Math.abs(line.price()));
                if (!Double.isNaN(line.loading())) {
                    maxLoading[l] = Math.max(maxLoading[l], line.loading());
                }
            }
        }

        public DesignTotals totals() {
            List<LineTotals> lines = new ArrayList<>();
            for (int l = 0; l < lineNames.size(); l++) {
                lines.add(new LineTotals(lineNames.get(l), congestedSteps[l], maxPrice[l], maxLoading[l]));
            }
            List<SiblingExchange> pairs = new ArrayList<>(siblings.size());
            siblings.forEach((pair, energy) -> pairs.add(new SiblingExchange(pair.within(), pair.first(),
                    pair.second(), energy[0])));
            return new DesignTotals(steps, optimal, welfare, importCost, exportRevenue, load,
                    gridImport, gridExport, exchange, fees, maxImbalance, congestionRent, lines, pairs);
        }
    }
}
