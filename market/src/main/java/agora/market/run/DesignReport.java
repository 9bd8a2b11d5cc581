package agora.market.run;

import agora.market.results.DesignTotals;
import agora.market.results.SolveSummary;
import agora.market.results.StorageTotals;
import java.util.List;

/**
 * What a run through one design amounts to: its totals, how it was solved, and the first steps
 * that failed ({@link DesignTotals#failedSteps()} counts them all).
 *
 * @param failed  the first (at most {@link #LISTED_FAILURES}) steps that did not solve to
 *                optimality, in step order
 * @param storage each storage unit's charge, discharge, cycles and losses (empty without)
 */
public record DesignReport(String design, DesignTotals totals, SolveSummary solve,
                           List<FailedStep> failed, List<StorageTotals> storage) {
    /** Failed steps a report keeps one by one (all are in {@code steps.csv}). */
    public static final int LISTED_FAILURES = 100;

    public DesignReport {
        failed = List.copyOf(failed.subList(0, Math.min(LISTED_FAILURES, failed.size())));
        storage = List.copyOf(storage);
    }

    /** The report of a design without storage. */
    public DesignReport(String design, DesignTotals totals, SolveSummary solve, List<FailedStep> failed) {
        this(design, totals, solve, failed, List.of());
    }

    /** Accounts every step of a run (without writing anything). */
    public static DesignReport of(RunResult run) {
        DesignAccounts accounts = new DesignAccounts(run.problem(), null);
        run.outcomes().forEach(accounts::add);
        return accounts.report(run.solveSummary());
    }
}
