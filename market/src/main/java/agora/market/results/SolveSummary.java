package agora.market.results;

import agora.market.StepOutcome;
import agora.market.StepOutcome.TradeAllocation;
import agora.solver.SolveStatus;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        Map<SolveStatus, Integer> counts = new LinkedHashMap<>();
        for (SolveStatus s : SolveStatus.values()) {
            counts.put(s, 0);
        }
        Map<TradeAllocation, Integer> allocations = new LinkedHashMap<>();
        for (TradeAllocation a : TradeAllocation.values()) {
            allocations.put(a, 0);
        }
        double shift = Double.NaN;
        double primal = Double.NaN;
        double dual = Double.NaN;
        long[] iterations = new long[outcomes.size()];
        long messages = 0;
        long bytes = 0;
        double stepSeconds = 0;
        for (int i = 0; i < outcomes.size(); i++) {
            StepOutcome o = outcomes.get(i);
            counts.merge(o.status(), 1, Integer::sum);
            iterations[i] = o.stats().iterations();
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
        Arrays.sort(iterations);
        return new SolveSummary(solver, outcomes.size(), wallSeconds, stepSeconds, counts,
                rank(iterations, 0.5), rank(iterations, 0.95),
                iterations.length == 0 ? 0 : iterations[iterations.length - 1], messages, bytes,
                allocations, shift, primal, dual);
    }

    private static double maxIgnoringNaN(double a, double b) {
        if (Double.isNaN(a)) {
            return b;
        }
        return Double.isNaN(b) ? a : Math.max(a, b);
    }

    /** Nearest-rank percentile of sorted values: the smallest value with q of them at or below. */
    static long rank(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** Steps per second of wall time. */
    public double stepsPerSecond() {
        return wallSeconds > 0 ? steps / wallSeconds : Double.NaN;
    }

    public int failedSteps() {
        return steps - statusCounts.getOrDefault(SolveStatus.OPTIMAL, 0);
    }
}
