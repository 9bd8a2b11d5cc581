package agora.market.results;

import agora.market.StepOutcome;
import agora.market.StepOutcome.TradeAllocation;
import agora.solver.SolveStatus;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the steps of a run were solved.
 *
 * @param solver           the solver's name, for example {@code centralized/ortools}
 * @param wallSeconds      wall time of the whole run (steps solved in parallel)
 * @param stepSeconds      sum of the steps' own solve times
 * @param statusCounts     steps by status, every status listed (in enum order)
 * @param iterationsMedian nearest-rank median of the iterations per step
 * @param iterationsP95    nearest-rank 95th percentile
 * @param messages         ADMM messages exchanged in total (0 for centralized)
 * @param bytes            ADMM bytes exchanged in total (0 for centralized)
 * @param allocations      optimal steps by how their trades were chosen (every kind listed)
 * @param maxTradeShift    largest change of a trade (MW) made by a minimum-norm allocation; NaN
 *                         when no step was reallocated
 * @param maxPrimalResidual largest ADMM primal residual at exit; NaN for centralized
 * @param maxDualResidual   largest ADMM dual residual at exit; NaN for centralized
 */
public record SolveSummary(String solver, int steps, double wallSeconds, double stepSeconds,
                           Map<SolveStatus, Integer> statusCounts, long iterationsMedian,
                           long iterationsP95, long iterationsMax, long messages, long bytes,
                           Map<TradeAllocation, Integer> allocations, double maxTradeShift,
                           double maxPrimalResidual, double maxDualResidual) {

    public static SolveSummary of(String solver, List<StepOutcome> outcomes, double wallSeconds) {
        Collector collector = new Collector(solver);
        outcomes.forEach(collector::add);
        return collector.summary(wallSeconds);
    }

    /**
     * Adds up steps one at a time, so a run need not hold its steps: the iterations are kept as a
     * count per value, which gives the same percentiles as sorting them all. Serializable and
     * mergeable ({@link #addAll}), so that blocks of steps solved elsewhere add up to the run's.
     */
    public static final class Collector implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String solver;
        private final Map<SolveStatus, Integer> counts = new LinkedHashMap<>();
        private final Map<TradeAllocation, Integer> allocations = new LinkedHashMap<>();
        private final TreeMap<Long, Integer> iterations = new TreeMap<>();
        private int steps;
        private double shift = Double.NaN;
        private double primal = Double.NaN;
        private double dual = Double.NaN;
        private long messages;
        private long bytes;
        private double stepSeconds;

        public Collector(String solver) {
            this.solver = solver;
            for (SolveStatus s : SolveStatus.values()) {
                counts.put(s, 0);
            }
            for (TradeAllocation a : TradeAllocation.values()) {
                allocations.put(a, 0);
            }
        }

        public void add(StepOutcome o) {
            steps++;
            counts.merge(o.status(), 1, Integer::sum);
            iterations.merge(o.stats().iterations(), 1, Integer::sum);
            messages += o.stats().messages();
            bytes += o.stats().bytes();
            stepSeconds += o.stats().seconds();
            if (o.isOptimal()) {
                allocations.merge(o.stats().allocation(), 1, Integer::sum);
            }
            shift = maxIgnoringNaN(shift, o.stats().tradeShift());
            primal = maxIgnoringNaN(primal, o.stats().primalResidual());
            dual = maxIgnoringNaN(dual, o.stats().dualResidual());
        }

        /** Adds the steps another collector of the same solver has seen (another block of steps). */
        public void addAll(Collector other) {
            if (!solver.equals(other.solver)) {
                throw new IllegalArgumentException("cannot add the steps of " + other.solver
                        + " to those of " + solver);
            }
            steps += other.steps;
            other.counts.forEach((k, v) -> counts.merge(k, v, Integer::sum));
            other.allocations.forEach((k, v) -> allocations.merge(k, v, Integer::sum));
            other.iterations.forEach((k, v) -> iterations.merge(k, v, Integer::sum));
            messages += other.messages;
            bytes += other.bytes;
            stepSeconds += other.stepSeconds;
            shift = maxIgnoringNaN(shift, other.shift);
            primal = maxIgnoringNaN(primal, other.primal);
            dual = maxIgnoringNaN(dual, other.dual);
        }

        /** The summary of the steps added so far, for a run that took {@code wallSeconds}. */
        public SolveSummary summary(double wallSeconds) {
            return new SolveSummary(solver, steps, wallSeconds, stepSeconds,
                    new LinkedHashMap<>(counts), rank(0.5), rank(0.95),
                    iterations.isEmpty() ? 0 : iterations.lastKey(), messages, bytes,
                    new LinkedHashMap<>(allocations), shift, primal, dual);
        }

        /** Nearest-rank percentile: the smallest value with q of the steps at or below it. */
        private long rank(double q) {
            if (steps == 0) {
                return 0;
            }
            long index = Math.max(0, Math.min(steps - 1, (long) Math.ceil(q * steps) - 1));
            long seen = 0;
            for (Map.Entry<Long, Integer> e : iterations.entrySet()) {
                seen += e.getValue();
                if (seen > index) {
                    return e.getKey();
                }
            }
            throw new IllegalStateException("the counts add up to " + seen + ", not " + steps);
        }
    }

    private static double maxIgnoringNaN(double a, double b) {
        if (Double.isNaN(a)) {
            return b;
        }
        return Double.isNaN(b) ? a : Math.max(a, b);
    }

    /** Steps per second of wall time. */
    public double stepsPerSecond() {
        return wallSeconds > 0 ? steps / wallSeconds : Double.NaN;
    }

    public int failedSteps() {
        return steps - statusCounts.getOrDefault(SolveStatus.OPTIMAL, 0);
    }
}
