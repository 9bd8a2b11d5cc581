package agora.market.results;

import agora.market.StepOutcome;
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
 */
public record SolveSummary(String solver, int steps, double wallSeconds, double stepSeconds,
                           Map<SolveStatus, Integer> statusCounts, long iterationsMedian,
                           long iterationsP95, long iterationsMax, long messages, long bytes) {

    public static SolveSummary of(String solver, List<StepOutcome> outcomes, double wallSeconds) {
        Map<SolveStatus, Integer> counts = new LinkedHashMap<>();
        for (SolveStatus s : SolveStatus.values()) {
            counts.put(s, 0);
        }
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
        }
        Arrays.sort(iterations);
        return new SolveSummary(solver, outcomes.size(), wallSeconds, stepSeconds, counts,
                rank(iterations, 0.5), rank(iterations, 0.95),
                iterations.length == 0 ? 0 : iterations[iterations.length - 1], messages, bytes);
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
