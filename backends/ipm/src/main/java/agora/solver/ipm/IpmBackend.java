package agora.solver.ipm;

import agora.solver.Capabilities;
import agora.solver.KktCheck;
import agora.solver.Origin;
import agora.solver.Presolve;
import agora.solver.Presolved;
import agora.solver.QpModel;
import agora.solver.QpSolution;
import agora.solver.SolveStatus;
import agora.solver.SolverBackend;
import agora.solver.SolverOptions;
import agora.solver.StructureCache;
import agora.solver.TrivialInfeasibility;
import agora.solver.ojalgo.SimplexFeasibility;
import java.util.List;
import java.util.Optional;

/**
 * Agora's own interior-point backend, {@code ipm}: the default, because on market models it is the
 * fastest of the backends (see the README's measurements). After the shared {@link Presolve} it
 * eliminates the equality rows of two variables (a market's reciprocity rows,
 * {@link DoubletonElimination}), then runs a primal-dual interior-point method ({@link InteriorPoint}) on a sparse quasi-definite LDL
 * factorisation of its own ({@link SparseLdl}), with the pattern and elimination tree cached per
 * model structure; an answer is reported OPTIMAL only when its primal values and duals pass the
 * KKT check ({@link KktCheck}) of the full model to the requested tolerance.
 *
 * <p>Only the infeasibility check is not its own: when the iterates diverge, ojAlgo's simplex
 * ({@link SimplexFeasibility}, from the ojalgo backend's module) tells an infeasible model from an
 * unbounded one. The numbers of every solve are this class's; the backend that solves with
 * ojAlgo's own QP solver is {@code ojalgo}.
 *
 * <p>Thread-safe: the caches are synchronised and each solve owns its iterates and factorisation.
 */
public final class IpmBackend implements SolverBackend {
    /** Structures kept: a market run uses one, a nested design a few; presolve patterns add a few. */
    private static final int CACHED_STRUCTURES = 16;
    /** How much tighter than the requested tolerance the iterations stop (the KKT check is scaled differently). */
    private static final double TOLERANCE_MARGIN = 1e-3;
    private static final double TIGHTEST_TOLERANCE = 1e-13;
    /** How much tighter than the requested tolerance each bound's complementarity pair must be. */
    private static final double PAIR_MARGIN = 0.1;

    private final Presolve presolve = new Presolve();
    private final StructureCache<StandardForm> forms = new StructureCache<>(CACHED_STRUCTURES, StandardForm::new);
    private final StructureCache<Optional<DoubletonElimination>> eliminations = new StructureCache<>(
            CACHED_STRUCTURES, structure -> Optional.ofNullable(DoubletonElimination.of(structure)));

    @Override
    public String name() {
        return "ipm";
    }

    @Override
    public Capabilities capabilities() {
        // conflicts: only rows infeasible on their own or by the presolve's substitutions, no irreducible subsystem
        return new Capabilities(true, true, false);
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
        DoubletonElimination.Step eliminated = eliminations.get(reduced.structure())
                .map(e -> e.reduce(reduced)).orElse(null);
        double tolerance = Math.max(TIGHTEST_TOLERANCE, options.tolerance() * TOLERANCE_MARGIN);
        long deadline = start + options.timeLimit().toNanos();
        Attempt attempt = attempt(model, presolved, eliminated, options, tolerance, deadline);
        int iterations = attempt.iterations();
        if (!attempt.accurate() && eliminated != null
                && attempt.result().outcome() != InteriorPoint.Outcome.TIME_LIMIT) {
            // the eliminated rows may have made a hard step harder (merged bounds a hair apart):
            // solved as it is, as before the elimination existed
            attempt = attempt(model, presolved, null, options, tolerance, deadline);
            iterations += attempt.iterations();
        }
        InteriorPoint.Result result = attempt.result();
        QpSolution full = attempt.full();
        boolean accurate = attempt.accurate();
        return switch (result.outcome()) {
            case OPTIMAL -> accurate
                    ? new QpSolution(SolveStatus.OPTIMAL, full.objective(), full.primal(), full.duals(),
                    "optimal after " + iterations + " interior-point iterations", List.of(), iterations, seconds(start))
                    : failed(SolveStatus.NOT_CONVERGED, "the interior-point method stopped at a point failing"
                    + " the KKT check: " + KktCheck.check(model, full).describe(options.tolerance()), start);
            case PRIMAL_DIVERGED, DUAL_DIVERGED -> diverged(reduced, result, start);
            case ITERATION_LIMIT -> failed(SolveStatus.ITERATION_LIMIT, "no convergence in "
                    + result.iterations() + " interior-point iterations", start);
            case TIME_LIMIT -> failed(SolveStatus.TIME_LIMIT, "time limit of " + options.timeLimit()
                    + " reached after " + result.iterations() + " iterations", start);
            case NUMERICAL -> SimplexFeasibility.isInfeasible(reduced)
                    ? failed(SolveStatus.INFEASIBLE, "the constraints admit no point (ojAlgo simplex)", start)
                    : failed(SolveStatus.ERROR, "the KKT matrix became singular after "
                    + result.iterations() + " iterations", start);
        };
    }

    private record Attempt(InteriorPoint.Result result, QpSolution full, boolean accurate, int iterations) {
    }

    /**
     * Interior-point iterations on the presolved model, or on its further reduction
     * {@code eliminated} when not null; after a breakdown of the linear algebra, a stall or an
     * inaccurate point once more with the other regularisation.
     */
    private Attempt attempt(QpModel model, Presolved presolved, DoubletonElimination.Step eliminated,
                            SolverOptions options, double tolerance, long deadline) {
        QpModel solved = eliminated == null ? presolved.reduced() : eliminated.reduced();
        StandardForm form = forms.get(solved.structure());
        InteriorPoint.Result result = new InteriorPoint(form, solved, InteriorPoint.Regularisation.DEFAULT)
                .solve(tolerance, options.tolerance() * PAIR_MARGIN, deadline);
        int iterations = result.iterations();
        QpSolution full = presolved.invert(point(solved, result, eliminated));
        boolean accurate = result.outcome() == InteriorPoint.Outcome.OPTIMAL && kktSatisfied(model, full, options);
        if (!accurate && (result.outcome() == InteriorPoint.Outcome.NUMERICAL
                || result.outcome() == InteriorPoint.Outcome.ITERATION_LIMIT
                || result.outcome() == InteriorPoint.Outcome.OPTIMAL)) {
            result = new InteriorPoint(form, solved, InteriorPoint.Regularisation.FALLBACK)
                    .solve(tolerance, options.tolerance() * PAIR_MARGIN, deadline);
            iterations += result.iterations();
            full = presolved.invert(point(solved, result, eliminated));
            accurate = result.outcome() == InteriorPoint.Outcome.OPTIMAL && kktSatisfied(model, full, options);
        }
        return new Attempt(result, full, accurate, iterations);
    }

    /** Never report OPTIMAL for a point whose residuals exceed the requested tolerance. */
    private static boolean kktSatisfied(QpModel model, QpSolution full, SolverOptions options) {
        return KktCheck.check(model, full).satisfied(options.tolerance());
    }

    /**
     * The iterate as a solution of the presolved model, whatever the outcome (for the check):
     * through the elimination's way back when the step was reduced further.
     */
    private static QpSolution point(QpModel solved, InteriorPoint.Result result,
                                    DoubletonElimination.Step eliminated) {
        QpSolution point = new QpSolution(SolveStatus.OPTIMAL, solved.objective(result.x()), result.x(),
                result.y(), "", List.of(), result.iterations(), 0.0);
        return eliminated == null ? point : eliminated.invert(point);
    }

    private QpSolution diverged(QpModel reduced, InteriorPoint.Result result, long start) {
        if (SimplexFeasibility.isInfeasible(reduced)) {
            return failed(SolveStatus.INFEASIBLE, "the constraints admit no point (ojAlgo simplex)", start);
        }
        if (result.outcome() == InteriorPoint.Outcome.PRIMAL_DIVERGED) {
            return failed(SolveStatus.UNBOUNDED, "the objective decreases without bound", start);
        }
        return failed(SolveStatus.NOT_CONVERGED, "the duals diverged although the model is feasible", start);
    }

    private static QpSolution failed(SolveStatus status, String message, long start) {
        return QpSolution.failed(status, message, List.of(), seconds(start));
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
