package agora.market.run;

import agora.market.MarketSolver;
import agora.market.StepOutcome;
import agora.market.lowering.CentralizedSolver;
import agora.market.lowering.WindowSolver;
import agora.solver.SolveStatus;
import agora.solver.SolverOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * How the steps of a run coupled by storage are cut into windows: {@code length} steps solved
 * together, of which the first {@code commit} are kept before the next window starts. From the
 * solver's options ({@link SolverOptions#windowHours()}, {@link SolverOptions#commitHours()}),
 * rounded to whole steps (at least one); 0 hours is the whole range.
 */
record Windows(int length, int commit, WindowSolver solver, MarketSolver refused, String refusal) {

    static Windows of(MarketSolver solver, StepRange range) {
        if (!(solver instanceof CentralizedSolver centralized)) {
            return new Windows(range.size(), range.size(), null, solver, "solver " + solver.name()
                    + " cannot solve steps coupled by storage; solve them centralized");
        }
        SolverOptions options = centralized.options();
        double hours = solver.problem().tree().scenario().time().stepHours();
        int length = steps(options.windowHours(), hours, range.size());
        int commit = Math.min(length, steps(options.commitHours(), hours, length));
        return new Windows(length, commit, new WindowSolver(centralized), null, null);
    }

    /** Whole steps in {@code windowHours} (0: all {@code whole} of them), at least one. */
    static int steps(double windowHours, double stepHours, int whole) {
        if (windowHours <= 0) {
            return Math.max(1, whole);
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.round(windowHours / stepHours)));
    }

    /** The outcomes of steps {@code from .. to-1} solved together. */
    List<StepOutcome> solve(int from, int to, double[] state, boolean last) {
        if (solver != null) {
            return solver.solve(from, to, state, last);
        }
        List<StepOutcome> out = new ArrayList<>();
        for (int t = from; t < to; t++) {
            out.add(StepOutcome.failed(t, SolveStatus.ERROR, refusal, List.of(), refused.problem(),
                    new StepOutcome.SolveStats(0, Double.NaN, Double.NaN, 0, 0, 0.0)));
        }
        return out;
    }
}
