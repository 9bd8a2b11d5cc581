package agora.market.run;

import agora.market.StepOutcome;
import agora.market.formulation.MarketProblem;
import agora.market.results.Accounting;
import agora.market.results.DesignTotals;
import agora.market.results.SolveSummary;
import agora.market.results.StepResult;
import agora.market.results.StorageTotals;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Accounts the steps of one design as they come: adds them to the design's totals, keeps the
 * first failed steps for the report, and hands each step's accounts to the output when there is
 * one. Holds nothing per step, so a run's memory does not grow with its horizon.
 */
public final class DesignAccounts implements StepSink {
    private final String design;
    private final Accounting books;
    private final RunOutput output;
    private final DesignTotals.Collector totals = new DesignTotals.Collector();
    private final List<FailedStep> failures = new ArrayList<>();
    private final StorageTotals.Collector storage;

    /** @param output where the rows go, or null to only add up the totals */
    public DesignAccounts(MarketProblem problem, RunOutput output) {
        this.design = problem.tree().design();
        this.books = Accounting.of(problem);
        this.output = output;
        this.storage = new StorageTotals.Collector(problem);
    }

    /** Accounts the step and writes its rows to the output, if any. */
    @Override
    public void accept(StepOutcome outcome) throws IOException {
        StepResult r = add(outcome);
        if (output != null) {
            output.write(design, r);
            output.writeStorage(design, r, outcome, storage.units());
        }
    }

    /** Accounts the step (writes nothing) and returns its accounts. */
    public StepResult add(StepOutcome outcome) {
        StepResult r = books.step(outcome);
        totals.add(r);
        storage.add(outcome);
        if (!outcome.isOptimal() && failures.size() < DesignReport.LISTED_FAILURES) {
            failures.add(FailedStep.of(outcome));
        }
        return r;
    }

    /** The report of the steps accounted so far, solved as {@code solve} says. */
    public DesignReport report(SolveSummary solve) {
        return new DesignReport(design, totals.totals(), solve, failures, storage.totals());
    }
}
