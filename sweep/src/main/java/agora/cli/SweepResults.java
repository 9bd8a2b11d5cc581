package agora.cli;

import agora.market.results.DesignTotals;
import agora.market.results.SolveSummary;
import agora.market.run.DesignReport;
import agora.market.run.FailedStep;
import agora.market.run.StepRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The blocks of a sweep put back together: per variant, one {@link DesignReport} per design, as
 * {@code agora run} would report it. Blocks are added in step order, so the sums do not depend on
 * which executor finished first.
 */
final class SweepResults {
    private SweepResults() {
    }

    /**
     * One variant's reports, its designs in the order asked for.
     *
     * @param blockSeconds the variant's tasks' wall times added up
     */
    record VariantResult(Variant variant, List<DesignReport> reports, double blockSeconds) {
    }

    /**
     * @throws IllegalStateException when a task's result is missing or twice, or the blocks of a
     *                               design do not cover the range exactly (a bug, never a user's)
     */
    static List<VariantResult> of(List<Variant> variants, List<SweepTask> tasks, List<BlockResult> blocks,
                                  StepRange range) {
        Map<Integer, BlockResult> byTask = new LinkedHashMap<>();
        for (BlockResult b : blocks) {
            if (byTask.put(b.task().id(), b) != null) {
                throw new IllegalStateException("task " + b.task().id() + " came back twice");
            }
        }
        Map<Integer, Map<String, List<BlockResult>>> grouped = new LinkedHashMap<>();
        for (SweepTask t : tasks) {
            BlockResult b = byTask.remove(t.id());
            if (b == null || !b.task().equals(t)) {
                throw new IllegalStateException("task " + t.id() + " did not come back as sent");
            }
            grouped.computeIfAbsent(t.variant(), v -> new LinkedHashMap<>())
                    .computeIfAbsent(t.design(), d -> new ArrayList<>()).add(b);
        }
        if (!byTask.isEmpty()) {
            throw new IllegalStateException("results of tasks never sent: " + byTask.keySet());
        }
        List<VariantResult> out = new ArrayList<>();
        for (Variant v : variants) {
            List<DesignReport> reports = new ArrayList<>();
            double seconds = 0;
            for (Map.Entry<String, List<BlockResult>> e : grouped.getOrDefault(v.index(), Map.of()).entrySet()) {
                reports.add(report(e.getKey(), e.getValue(), range));
                seconds += e.getValue().stream().mapToDouble(BlockResult::seconds).sum();
            }
            out.add(new VariantResult(v, reports, seconds));
        }
        return out;
    }

    /** The report of one design of one variant: its blocks added in step order. */
    static DesignReport report(String design, List<BlockResult> blocks, StepRange range) {
        List<BlockResult> ordered = new ArrayList<>(blocks);
        ordered.sort(Comparator.comparingInt(b -> b.task().from()));
        int next = range.from();
        DesignTotals totals = null;
        SolveSummary.Collector solve = null;
        List<FailedStep> failed = new ArrayList<>();
        double seconds = 0;
        for (BlockResult b : ordered) {
            if (b.task().from() != next) {
                throw new IllegalStateException("the blocks of " + design + " do not cover step " + next);
            }
            next = b.task().to();
            totals = totals == null ? b.totals() : totals.plus(b.totals());
            if (solve == null) {
                solve = new SolveSummary.Collector(b.solve().summary(0).solver());
            }
            solve.addAll(b.solve());
            failed.addAll(b.failed());
            seconds += b.seconds();
        }
        if (next != range.to() || totals == null) {
            throw new IllegalStateException("the blocks of " + design + " end at step " + next
                    + ", not " + range.to());
        }
        return new DesignReport(design, totals, solve.summary(seconds), failed);
    }
}
