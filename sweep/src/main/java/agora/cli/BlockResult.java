package agora.cli;

import agora.market.results.DesignTotals;
import agora.market.results.SolveSummary;
import agora.market.run.FailedStep;
import java.io.Serializable;
import java.util.List;

/**
 * What a {@link SweepTask} sends back: the accounts of its block of steps, added up by the same
 * code as {@code agora run} ({@link agora.market.run.DesignAccounts}), and how they were solved.
 *
 * @param failed  the first failed steps of the block, in step order
 * @param seconds wall time of the block on its executor
 * @param attempt  Spark's attempt number of the task that produced it (0 for the first)
 * @param stepRows with {@code --per-step}, the block's rows of the per-step table (no header),
 *                 gzip-compressed; null without
 */
record BlockResult(SweepTask task, DesignTotals totals, SolveSummary.Collector solve,
                   List<FailedStep> failed, double seconds, String executor, int attempt,
                   byte[] stepRows) implements Serializable {

    BlockResult {
        failed = List.copyOf(failed);
    }

    /** The same result without its rows (once the driver has put them aside). */
    BlockResult withoutRows() {
        return new BlockResult(task, totals, solve, failed, seconds, executor, attempt, null);
    }
}
