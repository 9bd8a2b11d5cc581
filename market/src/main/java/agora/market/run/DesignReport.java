package agora.market.run;

import agora.market.StepOutcome;
import agora.market.results.Accounting;
import agora.market.results.DesignTotals;
import agora.market.results.SolveSummary;
import java.util.List;

/**
 * What a run through one design amounts to: its totals, how it was solved, and the steps that
 * failed.
 *
 * @param failed the steps that did not solve to optimality, in step order
 */
public record DesignReport(String design, DesignTotals totals, SolveSummary solve,
                           List<StepOutcome> failed) {

    public DesignReport {
        failed = List.copyOf(failed);
    }

    /** Accounts every step of a run (without writing anything). */
    public static DesignReport of(RunResult run) {
        DesignTotals.Collector totals = new DesignTotals.Collector();
        Accounting books = run.accounting();
        for (StepOutcome o : run.outcomes()) {
            totals.add(books.step(o));
        }
        return new DesignReport(run.design(), totals.totals(), run.solveSummary(), run.failed());
    }
}
