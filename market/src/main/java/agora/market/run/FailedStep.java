package agora.market.run;

import agora.market.StepOutcome;
import agora.solver.SolveStatus;
import java.io.Serializable;
import java.util.List;

/**
 * A step that did not solve to optimality, as a report lists it: which, how, and why (without the
 * outcome's arrays, which for a large market are as long as its links).
 */
public record FailedStep(int step, SolveStatus status, String message, List<String> conflicts)
        implements Serializable {

    public FailedStep {
        conflicts = List.copyOf(conflicts);
    }

    public static FailedStep of(StepOutcome outcome) {
        return new FailedStep(outcome.step(), outcome.status(), outcome.message(),
                outcome.conflicts());
    }
}
