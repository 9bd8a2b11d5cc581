package agora.market.results;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sums over the optimal steps of a run (a year, or the steps asked for): energies in MWh, money in
 * currency. Failed steps are counted, not summed. Serializable, so that the totals of blocks of
 * steps solved elsewhere ({@code agora sweep}) can be sent back and added ({@link #plus}).
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
                           List<SiblingExchange> siblingExchanges) implements Serializable {

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
    public record LineTotals(String line, int congestedSteps, double maxPrice, double maxLoading)
            implements Serializable {
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

    /**
     * The totals of this run's steps and {@code other}'s together (two blocks of one run): sums
     * added, largest values kept, each line's congested steps added.
     */
    public DesignTotals plus(DesignTotals other) {
        return new DesignTotals(steps + other.steps, optimalSteps + other.optimalSteps,
                welfare + other.welfare, importCost + other.importCost,
                exportRevenue + other.exportRevenue, load + other.load,
                gridImport + other.gridImport, gridExport + other.gridExport,
                exchange + other.exchange, fees + other.fees,
                Math.max(maxImbalance, other.maxImbalance), congestionRent + other.congestionRent,
                plusLines(other.lines), plusSiblings(other.siblingExchanges));
    }

    /** Each pair's energy added, in the order the pairs first appear. */
    private List<SiblingExchange> plusSiblings(List<SiblingExchange> others) {
        Map<SiblingExchange, double[]> sums = new LinkedHashMap<>();
        for (List<SiblingExchange> block : List.of(siblingExchanges, others)) {
            for (SiblingExchange e : block) {
                sums.computeIfAbsent(e.pair(), k -> new double[1])[0] += e.energy();
            }
        }
        List<SiblingExchange> out = new ArrayList<>(sums.size());
        sums.forEach((pair, energy) -> out.add(new SiblingExchange(pair.within(), pair.first(),
                pair.second(), energy[0])));
        return out;
    }

    /** A block with no optimal step has no lines yet: the other block's stand. */
    private List<LineTotals> plusLines(List<LineTotals> others) {
        if (lines.isEmpty() || others.isEmpty()) {
            return lines.isEmpty() ? others : lines;
        }
        if (lines.size() != others.size()) {
            throw new IllegalArgumentException("the blocks have " + lines.size() + " and "
                    + others.size() + " limited lines");
        }
        List<LineTotals> out = new ArrayList<>();
        for (int l = 0; l < lines.size(); l++) {
            LineTotals a = lines.get(l);
            LineTotals b = others.get(l);
            if (!a.line().equals(b.line())) {
                throw new IllegalArgumentException("line " + a.line() + " against " + b.line());
            }
            out.add(new LineTotals(a.line(), a.congestedSteps() + b.congestedSteps(),
                    Math.max(a.maxPrice(), b.maxPrice()), Math.max(a.maxLoading(), b.maxLoading())));
        }
        return out;
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
