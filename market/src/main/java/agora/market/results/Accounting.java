package agora.market.results;

import agora.market.MarketTree;
import agora.market.StepOutcome;
import agora.market.formulation.MarketProblem;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Turns the outcome of a step into accounts: what each peer produced, paid and spent, what went
 * over each trade, what each collective imported and exported, and the step's totals (welfare,
 * grid import and export, load, energy exchanged between collectives, budget balance).
 *
 * <p>Pure functions of the {@link MarketProblem} (its tree, scenario and design terms) and the
 * {@link StepOutcome}: every charge is the one the problem states for the slot
 * ({@link agora.market.formulation.SlotPrice}), and every number follows the conventions of
 * {@code docs/CONVENTIONS.md} (energy = MW × Δt, a step costs Δt times the hourly cost, prices in
 * currency/MWh, payments positive when paid).
 */
public final class Accounting {
    private final MarketProblem problem;
    private final CollectiveChains chains;

    private Accounting(MarketProblem problem) {
        this.problem = problem;
        this.chains = CollectiveChains.of(problem.tree().scenario());
    }

    /** The books of one optimal step, not closed yet. */
    StepBook book(StepOutcome outcome) {
        return new StepBook(problem, chains, outcome);
    }

    /** The books of one market problem; cheap to keep for every step of a run. */
    public static Accounting of(MarketProblem problem) {
        return new Accounting(problem);
    }

    /** The accounts of one step of a tree without design terms (builds its problem each call). */
    public static StepResult step(MarketTree tree, StepOutcome outcome) {
        return of(MarketProblem.of(tree)).step(outcome);
    }

    /** The accounts of one solved (or failed) step. */
    public StepResult step(StepOutcome outcome) {
        LocalDateTime time = problem.tree().scenario().time().at(outcome.step());
        if (!outcome.isOptimal()) {
            return failed(outcome, time);
        }
        return book(outcome).close(time);
    }

    private static StepResult failed(StepOutcome outcome, LocalDateTime time) {
        double nan = Double.NaN;
        return new StepResult(outcome.step(), time, outcome.status(), outcome.message(),
                outcome.conflicts(), nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, List.of(),
                List.of(), List.of(), List.of(), List.of(), outcome.stats());
    }
}
