package agora.market.results;

import agora.market.StepOutcome;
import agora.market.MarketTree;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Turns the outcome of a step into accounts: what each peer produced, paid and spent, what went
 * over each trade, what each collective imported and exported, and the step's totals (welfare,
 * grid import and export, load, energy exchanged between collectives, budget balance).
 *
 * <p>Pure functions of the {@link MarketTree} (with its scenario) and the {@link StepOutcome}:
 * every number follows the conventions of {@code docs/CONVENTIONS.md} (energy = MW × Δt, a step
 * costs Δt times the hourly cost, prices in currency/MWh, payments positive when paid).
 */
public final class Accounting {
    private Accounting() {
    }

    /** The accounts of one solved (or failed) step. */
    public static StepResult step(MarketTree tree, StepOutcome outcome) {
        LocalDateTime time = tree.scenario().time().at(outcome.step());
        if (!outcome.isOptimal()) {
            return failed(outcome, time);
        }
        return new StepBook(tree, outcome).close(time);
    }

    private static StepResult failed(StepOutcome outcome, LocalDateTime time) {
        double nan = Double.NaN;
        return new StepResult(outcome.step(), time, outcome.status(), outcome.message(),
                outcome.conflicts(), nan, nan, nan, nan, nan, nan, nan, nan, nan, List.of(),
                List.of(), List.of(), outcome.stats());
    }
}
