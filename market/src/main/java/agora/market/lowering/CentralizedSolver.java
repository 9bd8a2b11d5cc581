package agora.market.lowering;

import agora.market.MarketSolver;
import agora.market.MarketTree;
import agora.market.StepOutcome;
import agora.market.StepOutcome.TradeAllocation;
import agora.market.formulation.MarketProblem;
import agora.solver.ModelValidator;
import agora.solver.QpModel;
import agora.solver.QpSolution;
import agora.solver.SolveStatus;
import agora.solver.SolverBackend;
import agora.solver.SolverOptions;
import java.util.List;
import java.util.Optional;

/**
 * Solves each step of a market as one QP on a {@link SolverBackend}: the tree is lowered once
 * ({@link LoweredMarket}), each step gets its bounds and prices, is validated and solved
 * independently, so {@link #solve} may run for several steps at once.
 *
 * <p>Trades: when some bilateral market's links close a cycle, equal per-MWh costs may leave the
 * split of the dispatch among partners open. Then, by default, a second solve
 * ({@link MinimumNormAllocation}) picks the welfare-optimal trades of least norm, identical on
 * every backend; prices, injections and the objective still come from the first solve. The
 * allocated trades are checked against the first solve's duals (same objective, KKT no worse);
 * should they fail, the first solve's own trades are reported ({@code AS_SOLVED}) and the
 * outcome's message says why. Without a cycle the dispatch fixes every trade and no second solve
 * is needed.
 */
public final class CentralizedSolver implements MarketSolver {
    private final LoweredMarket lowered;
    private final SolverBackend backend;
    private final SolverOptions options;
    private final MinimumNormAllocation allocation;
    private final TradeAllocation asSolved;

    /** Minimum-norm trades wherever trades may be ambiguous. */
    public CentralizedSolver(MarketTree tree, SolverBackend backend, SolverOptions options) {
        this(tree, backend, options, true);
    }

    /**
     * @param minimumNormTrades pick the least-norm trades when they may be ambiguous (else report
     *                          the trades of the welfare solve as they come)
     * @throws IllegalArgumentException when the backend returns no duals (no prices) or cannot
     *                                  take the quadratic objectives this market needs
     */
    public CentralizedSolver(MarketTree tree, SolverBackend backend, SolverOptions options,
                             boolean minimumNormTrades) {
        this(MarketProblem.of(tree), backend, options, minimumNormTrades);
    }

    /** Minimum-norm trades wherever trades may be ambiguous; the problem's design terms included. */
    public CentralizedSolver(MarketProblem problem, SolverBackend backend, SolverOptions options) {
        this(problem, backend, options, true);
    }

    public CentralizedSolver(MarketProblem problem, SolverBackend backend, SolverOptions options,
                             boolean minimumNormTrades) {
        this.lowered = LoweredMarket.of(problem);
        this.backend = backend;
        this.options = options;
        boolean cycles = lowered.mayHaveAmbiguousTrades();
        boolean ambiguous = minimumNormTrades && cycles;
        this.allocation = ambiguous ? new MinimumNormAllocation(lowered) : null;
        this.asSolved = cycles ? TradeAllocation.AS_SOLVED : TradeAllocation.UNIQUE;
        if (!backend.capabilities().duals()) {
            throw new IllegalArgumentException("backend '" + backend.name()
                    + "' returns no duals, so it cannot price a market");
        }
        boolean quadratic = ambiguous || lowered.structureModel().hasQuadraticObjective();
        if (quadratic && !backend.capabilities().quadraticObjective()) {
            throw new IllegalArgumentException("backend '" + backend.name()
                    + "' cannot solve quadratic objectives, which this market needs"
                    + (ambiguous ? " (minimum-norm trades)" : " (quadratic peer costs)"));
        }
    }

    @Override
    public double tolerance() {
        return options.tolerance();
    }

    @Override
    public String name() {
        return "centralized/" + backend.name();
    }

    @Override
    public MarketProblem problem() {
        return lowered.problem();
    }

    public LoweredMarket lowered() {
        return lowered;
    }

    /**
     * Solves one step on its own. A problem whose steps are coupled by storage is solved in
     * windows ({@link WindowSolver}); one of its steps alone would let the storage make energy
     * from nothing, so it is refused as a failed step.
     */
    @Override
    public StepOutcome solve(int step) {
        long start = System.nanoTime();
        if (lowered.problem().couplesSteps()) {
            QpSolution refused = QpSolution.failed(SolveStatus.ERROR, "step " + step + " is coupled to "
                    + "its neighbours by storage and is solved with them in a window, not alone", List.of(), 0.0);
            return lowered.failure(step, refused, stats(0, start, TradeAllocation.AS_SOLVED, Double.NaN));
        }
        QpModel model = lowered.modelAt(step);
        List<String> problems = ModelValidator.validate(model);
        if (!problems.isEmpty()) {
            QpSolution invalid = QpSolution.failed(SolveStatus.ERROR,
                    "the lowered model of step " + step + " is invalid: " + String.join("; ", problems),
                    List.of(), 0.0);
            return lowered.failure(step, invalid, stats(invalid.iterations(), start,
                    TradeAllocation.AS_SOLVED, Double.NaN));
        }
        QpSolution solution = backend.solve(model, options);
        if (!solution.status().isOptimal()) {
            return lowered.failure(step, solution, stats(solution.iterations(), start,
                    TradeAllocation.AS_SOLVED, Double.NaN));
        }
        return outcome(step, model, solution, start);
    }

    /**
     * The outcome of an optimal solution of step {@code step}'s model (or of its part of a
     * window): the trades as solved, or of least norm where they may be ambiguous.
     */
    StepOutcome outcome(int step, QpModel model, QpSolution solution, long start) {
        if (allocation == null) {
            return lowered.outcome(step, model, solution, solution.primal(),
                    stats(solution.iterations(), start, asSolved, Double.NaN));
        }
        Optional<MinimumNormAllocation.Allocation> problem =
                allocation.model(model, solution, options.tolerance());
        if (problem.isEmpty()) { // no trade can move: the welfare solve's trades are the only ones
            return lowered.outcome(step, model, solution, solution.primal(),
                    stats(solution.iterations(), start, TradeAllocation.MINIMUM_NORM, 0.0));
        }
        QpModel allocationModel = problem.get().model();
        List<String> allocationProblems = ModelValidator.validate(allocationModel);
        QpSolution reallocated = allocationProblems.isEmpty() ? backend.solve(allocationModel, options)
                : QpSolution.failed(SolveStatus.ERROR, String.join("; ", allocationProblems), List.of(), 0.0);
        long iterations = solution.iterations() + reallocated.iterations();
        if (!reallocated.status().isOptimal()) {
            StepOutcome asSolved = lowered.outcome(step, model, solution, solution.primal(),
                    stats(iterations, start, TradeAllocation.AS_SOLVED, Double.NaN));
            return asSolved.withMessage("minimum-norm trade allocation ended "
                    + reallocated.status() + " (" + reallocated.message() + "); trades as solved");
        }
        double[] trades = problem.get().apply(lowered, solution.primal(), reallocated.primal());
        Optional<String> inconsistent = MinimumNormAllocation.inconsistency(model, solution, trades,
                options.tolerance());
        if (inconsistent.isPresent()) {
            StepOutcome asSolved = lowered.outcome(step, model, solution, solution.primal(),
                    stats(iterations, start, TradeAllocation.AS_SOLVED, Double.NaN));
            return asSolved.withMessage("minimum-norm trade allocation rejected: "
                    + inconsistent.get() + "; trades as solved");
        }
        double shift = lowered.largestTradeChange(solution.primal(), trades);
        return lowered.outcome(step, model, solution, trades,
                stats(iterations, start, TradeAllocation.MINIMUM_NORM, shift));
    }

    SolverBackend backend() {
        return backend;
    }

    /** The options it solves with (also the windows of steps coupled by storage). */
    public SolverOptions options() {
        return options;
    }

    static StepOutcome.SolveStats stats(long iterations, long startNanos,
                                                TradeAllocation how, double shift) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return new StepOutcome.SolveStats(iterations, Double.NaN, Double.NaN, 0, 0, seconds, how, shift);
    }
}
