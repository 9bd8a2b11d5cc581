package agora.market.run;

import agora.market.MarketTree;
import agora.market.StepOutcome;
import agora.market.formulation.MarketProblem;
import agora.market.results.Accounting;
import agora.market.results.DesignTotals;
import agora.market.results.SolveSummary;
import agora.market.results.StepResult;
import java.util.List;

/**
 * The outcome of every step of a run through one market design, in step order.
 *
 * @param problem     the market problem solved (its tree, with the design's terms)
 * @param solver      the solver's name
 * @param outcomes    one per step of {@code range}, in step order, failed steps included
 * @param wallSeconds wall time of the run
 */
public record RunResult(MarketProblem problem, String solver, StepRange range,
                        List<StepOutcome> outcomes, double wallSeconds) {

    public RunResult {
        outcomes = List.copyOf(outcomes);
    }

    public MarketTree tree() {
        return problem.tree();
    }

    public String design() {
        return tree().design();
    }

    /** The books of this run's problem. */
    public Accounting accounting() {
        return Accounting.of(problem);
    }

    /** The accounts of each step, in step order. */
    public List<StepResult> accounts() {
        Accounting books = accounting();
        return outcomes.stream().map(books::step).toList();
    }

    public DesignTotals totals() {
        return DesignTotals.of(accounts());
    }

    public SolveSummary solveSummary() {
        return SolveSummary.of(solver, outcomes, wallSeconds);
    }

    /** The steps that did not solve to optimality. */
    public List<StepOutcome> failed() {
        return outcomes.stream().filter(o -> !o.isOptimal()).toList();
    }
}
