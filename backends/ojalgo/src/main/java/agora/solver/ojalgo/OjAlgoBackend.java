package agora.solver.ojalgo;

import agora.solver.Capabilities;
import agora.solver.KktCheck;
import agora.solver.KktResiduals;
import agora.solver.Origin;
import agora.solver.Presolve;
import agora.solver.Presolved;
import agora.solver.QpModel;
import agora.solver.QpSolution;
import agora.solver.SolveStatus;
import agora.solver.SolverBackend;
import agora.solver.SolverOptions;
import agora.solver.TrivialInfeasibility;
import java.util.List;
import java.util.Optional;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.convex.ConvexSolver;
import org.ojalgo.structure.Access1D;

/**
 * The backend {@code ojalgo}: every step solved by ojAlgo's own convex QP solver
 * ({@link ConvexSolver}, ojAlgo 57.1.0, the newest release), for cross-checking Agora's results
 * against an independent library. After the shared {@link Presolve}, the model is handed over as
 * matrices ({@link ConvexProblem}; through {@code ExpressionsBasedModel} it was slower and its
 * multipliers came back rescaled) and solved in up to two ways, each answer believed only when
 * its primal values and duals pass the KKT check of the full model ({@link KktCheck}) to the
 * requested tolerance:
 * <ol>
 *   <li>ojAlgo's ADMM ({@code AlternatingDirectionSolver}, its re-implementation of OSQP, which
 *       {@link ConvexSolver.Builder} builds when {@link Optimisation.Options#experimental} is set).
 *       It meets 1e-7 on most market steps, not on all: its stopping test is relative to the
 *       magnitudes of its internally scaled problem, and a few steps end OPTIMAL with a bound
 *       violated by 1e-5 to 4e-3.</li>
 *   <li>Where ADMM falls short and the objective is quadratic: ojAlgo's active-set method
 *       ({@code IterativeASS}, ojAlgo's choice for these models). It is not tried on linear
 *       objectives, for which it returns no usable multipliers (NaN).</li>
 * </ol>
 * The message of a solution names the ojAlgo class that produced it. When neither answer passes,
 * ojAlgo's simplex ({@link SimplexFeasibility}) tells an infeasible model from an unbounded one;
 * ojAlgo's ADMM reports both as INFEASIBLE and the active-set method returned an unbounded model
 * as OPTIMAL, so neither state is taken on trust.
 *
 * <p>Capabilities: models with more than {@link #MAX_VARIABLES} variables after presolve are
 * refused with a message naming the limit rather than solved wrong or for minutes. Measured on
 * markets of 253 variables (the IEEE 14-bus full P2P design and a synthetic 20-peer market of the
 * same shape): ADMM missed the KKT check on 2 of 5 synthetic steps (a bound violated by 9e-6 and
 * by 4e-3), the active-set method took 6 s per step and its multipliers failed the check
 * (complementarity 1e-2), and the dense variant ({@code DirectASS}) ran past 5 minutes on one
 * step; ojAlgo's builder also keeps the quadratic matrix dense (n x n doubles per solve). The
 * community and hybrid designs of the IEEE 14-bus case (54 and 66 variables) and the examples
 * are within the limit. Infeasibility is not explained beyond the rows the presolve finds.
 *
 * <p>Thread-safe: every solve builds its own ojAlgo solver; the presolve's caches are synchronised.
 */
public final class OjAlgoBackend implements SolverBackend {
    /** The most variables a presolved model may have (see the class comment for why). */
    public static final int MAX_VARIABLES = 150;

    private final Presolve presolve = new Presolve();

    @Override
    public String name() {
        return "ojalgo";
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(true, true, false, MAX_VARIABLES);
    }

    @Override
    public QpSolution solve(QpModel model, SolverOptions options) {
        long start = System.nanoTime();
        List<Origin> conflicts = TrivialInfeasibility.conflicts(model);
        if (!conflicts.isEmpty()) {
            return QpSolution.failed(SolveStatus.INFEASIBLE, "rows infeasible given the variable bounds",
                    conflicts, seconds(start));
        }
        Presolved presolved = presolve.apply(model, options.tolerance());
        if (presolved.isInfeasible()) {
            return presolved.infeasibleSolution(seconds(start));
        }
        if (presolved.isSolved()) {
            return presolved.solvedByPresolve(seconds(start));
        }
        QpModel reduced = presolved.reduced();
        Optional<String> refusal = capabilities().refusal(reduced);
        if (refusal.isPresent()) {
            return failed(SolveStatus.ERROR, "backend 'ojalgo' refuses this model: " + refusal.get()
                    + " after presolve; beyond that ojAlgo's ADMM misses the KKT check on some steps and its "
                    + "active-set method takes seconds to minutes. Maybe use --backend ipm or ortools.", start);
        }
        ConvexProblem problem = new ConvexProblem(reduced);
        long deadline = start + options.timeLimit().toNanos();
        Attempt admm = attempt(model, presolved, problem, true, null, deadline, options);
        if (admm.solution().isPresent()) {
            return finished(admm.solution().get(), admm.describe(), admm.iterations(), start);
        }
        String message = admm.describe();
        long iterations = admm.iterations();
        if (reduced.hasQuadraticObjective() && System.nanoTime() < deadline) {
            // from scratch: started from ADMM's point it trusts that point's state and its
            // multipliers failed the KKT check by far (duality gaps of 16 to 100 on 7-peer markets)
            Attempt activeSet = attempt(model, presolved, problem, false, null, deadline, options);
            iterations += activeSet.iterations();
            message += "; then " + activeSet.describe();
            if (activeSet.solution().isPresent()) {
                return finished(activeSet.solution().get(), message, iterations, start);
            }
        }
        if (System.nanoTime() >= deadline) {
            return failed(SolveStatus.TIME_LIMIT, "time limit of " + options.timeLimit() + " reached: " + message, start);
        }
        if (SimplexFeasibility.isInfeasible(reduced)) {
            return failed(SolveStatus.INFEASIBLE, "the constraints admit no point (ojAlgo simplex); " + message, start);
        }
        if (admm.state() == Optimisation.State.INFEASIBLE) {
            return failed(SolveStatus.UNBOUNDED, "ojAlgo's ADMM found a certificate of infeasibility but ojAlgo's "
                    + "simplex finds the constraints feasible, so the objective decreases without bound; " + message,
                    start);
        }
        return failed(SolveStatus.NOT_CONVERGED, message, start);
    }

    /** One run of an ojAlgo solver: its state, and the solution of the full model if it passed the check. */
    private record Attempt(String solver, Optimisation.Result result, long iterations, String check,
                           Optional<QpSolution> solution) {
        Optimisation.State state() {
            return result.getState();
        }

        String describe() {
            return "ojAlgo " + solver + " ended " + state() + (check.isEmpty() ? "" : ", " + check);
        }
    }

    private static Attempt attempt(QpModel model, Presolved presolved, ConvexProblem problem, boolean admm,
                                   Optimisation.Result start, long deadline, SolverOptions options) {
        Optimisation.Options ojAlgoOptions = new Optimisation.Options();
        ojAlgoOptions.experimental = admm; // how ConvexSolver.Builder selects its ADMM solver in 57.1.0
        ojAlgoOptions.time_abort = Math.max(1L, (deadline - System.nanoTime()) / 1_000_000L);
        ConvexSolver solver = problem.newSolver(ojAlgoOptions);
        String name = solver.getClass().getSimpleName();
        Optimisation.Result result = start == null ? solver.solve() : solver.solve(start);
        long iterations = 0; // ojAlgo's result carries no iteration count
        Optional<Access1D<?>> multipliers = result.getDualSolution().map(supplier -> supplier.get());
        // any state with multipliers is checked: the KKT check, not ojAlgo's state, decides
        if (multipliers.isEmpty() || multipliers.get().size() != problem.multiplierCount()) {
            return new Attempt(name, result, iterations, "", Optional.empty());
        }
        double[] x = problem.primal(result);
        QpSolution reducedSolution = new QpSolution(SolveStatus.OPTIMAL, presolved.reduced().objective(x), x,
                problem.duals(multipliers.get()), "", List.of(), iterations, 0.0);
        QpSolution full = presolved.invert(reducedSolution);
        KktResiduals residuals = KktCheck.check(model, full);
        if (!residuals.satisfied(options.tolerance())) {
            return new Attempt(name, result, iterations, "but its answer fails the KKT check: " + residuals.describe(options.tolerance()),
                    Optional.empty());
        }
        return new Attempt(name, result, iterations, "", Optional.of(full));
    }

    private static QpSolution finished(QpSolution full, String message, long iterations, long start) {
        return new QpSolution(SolveStatus.OPTIMAL, full.objective(), full.primal(), full.duals(), message,
                List.of(), iterations, seconds(start));
    }

    private static QpSolution failed(SolveStatus status, String message, long start) {
        return QpSolution.failed(status, message, List.of(), seconds(start));
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
