package agora.solver.ojalgo;

import agora.solver.Capabilities;
import agora.solver.KktCheck;
import agora.solver.Origin;
import agora.solver.QpModel;
import agora.solver.QpSolution;
import agora.solver.SolveStatus;
import agora.solver.SolverBackend;
import agora.solver.SolverOptions;
import agora.solver.StructureCache;
import agora.solver.TrivialInfeasibility;
import java.util.List;

/**
 * The pure-Java backend, built on ojAlgo 57.1.0.
 *
 * <p>Why not ojAlgo's {@code ConvexSolver}: measured on a 20-peer market (253 variables, 127 rows,
 * most variables without quadratic cost) its active-set method took 4-8 s per solve, directly
 * built or through {@code ExpressionsBasedModel} (58 s), and its multipliers failed the KKT check
 * (complementarity 1e-2): the Schur complement of a nearly singular Q is solved iteratively and
 * falls back to a dense KKT factorisation every iteration. It also returns NaN multipliers for
 * pure LPs. This backend instead runs Agora's own primal-dual interior-point method
 * ({@link InteriorPoint}) on a sparse quasi-definite LDL factorisation of its own ({@link SparseLdl}:
 * ojAlgo's {@code SparseQDLDL} refuses the pivot spread of late iterations), with the pattern and
 * elimination tree cached per model structure; after convergence its duals satisfy the KKT
 * conditions to the requested tolerance. ojAlgo itself serves where it is reliable: its simplex
 * ({@link FeasibilityCheck}) tells infeasible from unbounded when the interior-point iterates
 * diverge.
 *
 * <p>Thread-safe: the cache is synchronised and each solve owns its iterates and factorisation.
 */
public final class OjAlgoBackend implements SolverBackend {
    /** Structures kept: a market run uses one, a nested design a few. */
    private static final int CACHED_STRUCTURES = 16;
    /** How much tighter than the requested tolerance the iterations stop (the KKT check is scaled differently). */
    private static final double TOLERANCE_MARGIN = 1e-3;
    private static final double TIGHTEST_TOLERANCE = 1e-13;
    /** How much tighter than the requested tolerance each bound's complementarity pair must be. */
    private static final double PAIR_MARGIN = 0.1;

    private final StructureCache<StandardForm> forms = new StructureCache<>(CACHED_STRUCTURES, StandardForm::new);

    @Override
    public String name() {
        return "ojalgo";
    }

    @Override
    public Capabilities capabilities() {
        // conflicts: only rows infeasible on their own (TrivialInfeasibility), no irreducible subsystem
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
        StandardForm form = forms.get(model.structure());
        double tolerance = Math.max(TIGHTEST_TOLERANCE, options.tolerance() * TOLERANCE_MARGIN);
        long deadline = start + options.timeLimit().toNanos();
        InteriorPoint.Result result = new InteriorPoint(form, model, InteriorPoint.Regularisation.DEFAULT)
                .solve(tolerance, options.tolerance() * PAIR_MARGIN, deadline);
        int iterations = result.iterations();
        boolean accurate = result.outcome() == InteriorPoint.Outcome.OPTIMAL && kktSatisfied(model, result, options);
        if (!accurate && (result.outcome() == InteriorPoint.Outcome.NUMERICAL
                || result.outcome() == InteriorPoint.Outcome.ITERATION_LIMIT
                || result.outcome() == InteriorPoint.Outcome.OPTIMAL)) {
            // a breakdown of the linear algebra, a stall or an inaccurate point: once more with the
            // other regularisation before giving up
            result = new InteriorPoint(form, model, InteriorPoint.Regularisation.FALLBACK).solve(tolerance, options.tolerance() * PAIR_MARGIN, deadline);
            iterations += result.iterations();
            accurate = result.outcome() == InteriorPoint.Outcome.OPTIMAL && kktSatisfied(model, result, options);
        }
        return switch (result.outcome()) {
            case OPTIMAL -> accurate
                    ? new QpSolution(SolveStatus.OPTIMAL, model.objective(result.x()), result.x(),
                    result.y(), "optimal after " + iterations + " interior-point iterations",
                    List.of(), iterations, seconds(start))
                    : failed(SolveStatus.NOT_CONVERGED, "the interior-point method stopped at a point failing"
                    + " the KKT check: " + KktCheck.check(model, solution(model, result)), start);
            case PRIMAL_DIVERGED, DUAL_DIVERGED -> diverged(model, result, start);
            case ITERATION_LIMIT -> failed(SolveStatus.ITERATION_LIMIT, "no convergence in "
                    + result.iterations() + " interior-point iterations", start);
            case TIME_LIMIT -> failed(SolveStatus.TIME_LIMIT, "time limit of " + options.timeLimit()
                    + " reached after " + result.iterations() + " iterations", start);
            case NUMERICAL -> FeasibilityCheck.isInfeasible(model)
                    ? failed(SolveStatus.INFEASIBLE, "the constraints admit no point (ojAlgo simplex)", start)
                    : failed(SolveStatus.ERROR, "the KKT matrix became singular after "
                    + result.iterations() + " iterations", start);
        };
    }

    /** Never report OPTIMAL for a point whose residuals exceed the requested tolerance. */
    private static boolean kktSatisfied(QpModel model, InteriorPoint.Result result, SolverOptions options) {
        return KktCheck.check(model, solution(model, result)).satisfied(options.tolerance());
    }

    private static QpSolution solution(QpModel model, InteriorPoint.Result result) {
        return new QpSolution(SolveStatus.OPTIMAL, model.objective(result.x()), result.x(), result.y(),
                "", List.of(), result.iterations(), 0.0);
    }

    private QpSolution diverged(QpModel model, InteriorPoint.Result result, long start) {
        if (FeasibilityCheck.isInfeasible(model)) {
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
