package agora.solver.ortools;

import agora.solver.KktCheck;
import agora.solver.Presolved;
import agora.solver.QpModel;
import agora.solver.QpSolution;
import agora.solver.SolveStatus;
import agora.solver.SolverOptions;
import com.google.ortools.linearsolver.MPConstraintProto;
import com.google.ortools.linearsolver.MPModelProto;
import com.google.ortools.linearsolver.MPModelRequest;
import com.google.ortools.linearsolver.MPQuadraticObjective;
import com.google.ortools.linearsolver.MPSolutionResponse;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariableProto;
import com.google.ortools.pdlp.SolveLog;
import com.google.ortools.pdlp.TerminationReason;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.List;

/**
 * Solves a presolved model ({@link agora.solver.Presolve}: fixed variables and the rows they pin
 * removed) with PDLP, in the scaled units of {@link Scaling}; once with PDLP's adaptive steps and, if that ends in a
 * numerical error or stalls, once more with constant steps ({@link PdlpParameters.Attempt}).
 * Every answer is checked on the full model before it is believed: primal feasibility
 * ({@link PrimalCheck}) and the KKT conditions ({@link KktCheck}), an OPTIMAL to
 * {@link #OPTIMAL_KKT_TOLERANCES} tolerances, the last point of a run stopped at its iteration
 * limit to the tolerance itself. Such a point is often optimal and only short of PDLP's own
 * criteria, a tenth of the tolerance: on a year of IEEE 14-bus half-hours (full P2P) a
 * minimum-norm trade allocation ran 100,000 adaptive and 6.8 million constant-step iterations
 * (16 s) for an answer whose point after 3,000 iterations already met the KKT conditions to 1e-7.
 * Statuses come from PDLP's own termination reason (in the response's serialized
 * {@link SolveLog}), which MPSolver's status folds together: it reports an unbounded model, an
 * iteration limit and a time limit all as NOT_SOLVED.
 *
 * <p>Thread-safe: parameter texts are immutable and shared.
 */
final class PdlpSolver {
    /**
     * An OPTIMAL must meet the KKT conditions ({@link KktCheck}) to this many tolerances, what the
     * conformance suite asks of every backend; else it is retried like a stall. With PDLP's
     * criteria as {@link PdlpParameters} sets them, the worst of 730 IEEE 14-bus solves (full P2P,
     * 365 half-hours over a year) was 4e-8, of 4,380 community and hybrid solves 3e-7.
     */
    static final double OPTIMAL_KKT_TOLERANCES = 10.0;

    private final PdlpParameters parameters;

    PdlpSolver(PdlpParameters parameters) {
        this.parameters = parameters;
    }

    /**
     * What one PDLP run returned, in unscaled units of the full model; {@code verified} when the
     * point passed the checks its reason calls for ({@link #unscale}).
     */
    private record Attempt(TerminationReason reason, String detail, double[] primal, double[] duals,
                           long iterations, boolean verified) {
        boolean optimal() {
            return verified && (reason == TerminationReason.TERMINATION_REASON_OPTIMAL || stalled(reason));
        }

        String describe() {
            String what = reason == TerminationReason.TERMINATION_REASON_OPTIMAL && !verified
                    ? "OPTIMAL that fails the check of rows, bounds and KKT conditions"
                    : reason.name().replace("TERMINATION_REASON_", "");
            String point = stalled(reason) && verified ? " at a point that meets the KKT conditions" : "";
            return what + (detail.isEmpty() ? "" : " (" + detail + ")") + " after " + iterations + " iterations"
                    + point;
        }
    }

    /** The problem PDLP sees and the way back to the model. */
    private record Reduced(QpModel model, Presolved presolved, Scaling scaling, MPModelProto proto) {
    }

    /**
     * @param model      the model as given, whose KKT conditions every answer must meet
     * @param presolved  its presolve (feasible, with variables left)
     * @param startNanos when the backend started on this model (the time limit counts from there)
     */
    QpSolution solve(QpModel model, Presolved presolved, SolverOptions options, long startNanos) {
        Scaling scaling = Scaling.of(model);
        Reduced reduced = new Reduced(model, presolved, scaling, proto(presolved.reduced(), scaling, options.tolerance()));
        long deadline = startNanos + options.timeLimit().toNanos();
        Attempt first = run(reduced, PdlpParameters.Attempt.FIRST, options, deadline);
        if (first.optimal() || !worthRetrying(first.reason())) {
            return toSolution(model, first, first.iterations(), "PDLP: " + first.describe(), startNanos);
        }
        Attempt second = run(reduced, PdlpParameters.Attempt.CONSERVATIVE, options, deadline);
        String message = "PDLP: " + first.describe() + "; retried with constant step sizes: " + second.describe();
        return toSolution(model, second, first.iterations() + second.iterations(), message, startNanos);
    }

    /** A numerical error, a stall (iteration limit), or an OPTIMAL that failed the check. */
    private static boolean worthRetrying(TerminationReason reason) {
        return switch (reason) {
            case TERMINATION_REASON_OPTIMAL, TERMINATION_REASON_NUMERICAL_ERROR,
                 TERMINATION_REASON_ITERATION_LIMIT, TERMINATION_REASON_KKT_MATRIX_PASS_LIMIT,
                 TERMINATION_REASON_OTHER, TERMINATION_REASON_UNSPECIFIED -> true;
            default -> false;
        };
    }

    /**
     * PDLP stopped at an iteration limit: it still returns its last point, which is often optimal
     * to the requested tolerance and only short of PDLP's own criteria, ten times stricter.
     */
    private static boolean stalled(TerminationReason reason) {
        return reason == TerminationReason.TERMINATION_REASON_ITERATION_LIMIT
                || reason == TerminationReason.TERMINATION_REASON_KKT_MATRIX_PASS_LIMIT;
    }

    private Attempt run(Reduced reduced, PdlpParameters.Attempt attempt, SolverOptions options, long deadline) {
        double secondsLeft = Math.max(0.0, (deadline - System.nanoTime()) / 1e9);
        MPModelRequest request = MPModelRequest.newBuilder()
                .setModel(reduced.proto())
                .setSolverType(MPModelRequest.SolverType.PDLP_LINEAR_PROGRAMMING)
                .setSolverSpecificParameters(parameters.text(attempt, options.tolerance(), reduced.scaling()))
                .setSolverTimeLimitSeconds(secondsLeft)
                .build();
        MPSolutionResponse response = MPSolver.solveWithProto(request);
        SolveLog log = solveLog(response);
        TerminationReason reason = log == null ? fromStatus(response) : log.getTerminationReason();
        String detail = log == null || log.getTerminationString().isEmpty()
                ? response.getStatusStr() : log.getTerminationString();
        long iterations = log == null ? 0 : log.getIterationCount();
        int columns = reduced.presolved().reduced().variableCount();
        int rows = reduced.presolved().reduced().constraintCount();
        boolean usable = reason == TerminationReason.TERMINATION_REASON_OPTIMAL || stalled(reason);
        if (!usable || response.getVariableValueCount() != columns || response.getDualValueCount() != rows) {
            return new Attempt(reason, detail, new double[0], new double[0], iterations, false);
        }
        double[] x = new double[columns];
        for (int r = 0; r < columns; r++) {
            x[r] = response.getVariableValue(r);
        }
        double[] y = new double[rows];
        for (int r = 0; r < rows; r++) {
            y[r] = response.getDualValue(r);
        }
        return unscale(reduced, x, y, reason, detail, iterations, options);
    }

    /** PDLP's scaled answer on the reduced problem as an answer to the model, checked. */
    private static Attempt unscale(Reduced reduced, double[] scaledX, double[] scaledY, TerminationReason reason,
                                   String detail, long iterations, SolverOptions options) {
        Scaling scaling = reduced.scaling();
        double[] xr = new double[scaledX.length];
        for (int r = 0; r < xr.length; r++) {
            xr[r] = scaledX[r] * scaling.power();
        }
        double[] yr = new double[scaledY.length];
        for (int r = 0; r < yr.length; r++) {
            yr[r] = scaledY[r] * scaling.price();
        }
        QpModel presolved = reduced.presolved().reduced();
        QpSolution full = reduced.presolved().invert(new QpSolution(SolveStatus.OPTIMAL, presolved.objective(xr), xr,
                yr, "", List.of(), iterations, 0.0));
        double[] x = full.primal();
        double[] y = full.duals();
        boolean finiteDuals = true;
        for (double yi : y) {
            finiteDuals &= Double.isFinite(yi);
        }
        // a stalled point met none of PDLP's criteria, so it has to meet the tolerance itself
        double kktTolerance = stalled(reason) ? options.tolerance() : OPTIMAL_KKT_TOLERANCES * options.tolerance();
        boolean verified = finiteDuals && PrimalCheck.feasible(reduced.model(), x, scaling.power(), options.tolerance())
                && meetsKkt(reduced.model(), x, y, kktTolerance);
        return new Attempt(reason, detail, x, y, iterations, verified);
    }

    /** The KKT conditions of the full model ({@link KktCheck}) to {@code tolerance}. */
    private static boolean meetsKkt(QpModel model, double[] x, double[] y, double tolerance) {
        QpSolution point = new QpSolution(SolveStatus.OPTIMAL, model.objective(x), x, y, "", List.of(), 0, 0.0);
        return KktCheck.check(model, point).satisfied(tolerance);
    }

    /**
     * A variable or row bound this close to 0 (scaled) is written as 0: a thousandth of PDLP's
     * primal tolerance, so no answer changes. Profiles yield bounds like 1.1e-20 MW (a PV plant at
     * night), which make PDLP warn on stderr that "performance may suffer".
     */
    static double negligibleBound(double tolerance, Scaling scaling) {
        return 1e-3 * PdlpParameters.TOLERANCE_FACTOR * tolerance * Math.min(1.0, 1.0 / scaling.power());
    }

    /**
     * The presolved problem in scaled units. The objective's constant (and the cost of removed
     * variables) is left out: it does not move the optimum, and PDLP's relative gap should not be
     * loosened by it; {@link QpModel#objective} on the full solution counts it.
     */
    private static MPModelProto proto(QpModel model, Scaling scaling, double tolerance) {
        double negligible = negligibleBound(tolerance, scaling);
        double power = scaling.power();
        double linearScale = power / scaling.cost();
        double quadraticScale = power * power / scaling.cost();
        MPModelProto.Builder proto = MPModelProto.newBuilder();
        MPQuadraticObjective.Builder quadratic = MPQuadraticObjective.newBuilder();
        for (int j = 0; j < model.variableCount(); j++) {
            proto.addVariable(MPVariableProto.newBuilder()
                    .setLowerBound(snap(model.lower(j) / power, negligible))
                    .setUpperBound(snap(model.upper(j) / power, negligible))
                    .setObjectiveCoefficient(model.linear(j) * linearScale));
            if (model.quadratic(j) != 0.0) {
                quadratic.addQvar1Index(j).addQvar2Index(j).addCoefficient(model.quadratic(j) * quadraticScale);
            }
        }
        for (int i = 0; i < model.constraintCount(); i++) {
            MPConstraintProto.Builder row = proto.addConstraintBuilder()
                    .setLowerBound(snap(model.rowLower(i) / power, negligible))
                    .setUpperBound(snap(model.rowUpper(i) / power, negligible));
            model.forEachInRow(i, (column, coefficient) -> row.addVarIndex(column).addCoefficient(coefficient));
        }
        if (quadratic.getCoefficientCount() > 0) {
            proto.setQuadraticObjective(quadratic);
        }
        return proto.build();
    }

    /** 0 for |value| below {@code negligible}; monotone, so lower <= upper stays true. */
    private static double snap(double value, double negligible) {
        return Math.abs(value) < negligible ? 0.0 : value;
    }

    private static SolveLog solveLog(MPSolutionResponse response) {
        if (response.getSolverSpecificInfo().isEmpty()) {
            return null;
        }
        try {
            return SolveLog.parseFrom(response.getSolverSpecificInfo());
        } catch (InvalidProtocolBufferException e) {
            return null; // fall back to MPSolver's coarser status
        }
    }

    /** For a response without a solve log (the model or parameters were refused before PDLP ran). */
    private static TerminationReason fromStatus(MPSolutionResponse response) {
        return switch (response.getStatus()) {
            case MPSOLVER_OPTIMAL -> TerminationReason.TERMINATION_REASON_OPTIMAL;
            case MPSOLVER_INFEASIBLE -> TerminationReason.TERMINATION_REASON_PRIMAL_INFEASIBLE;
            case MPSOLVER_MODEL_INVALID -> TerminationReason.TERMINATION_REASON_INVALID_PROBLEM;
            case MPSOLVER_MODEL_INVALID_SOLVER_PARAMETERS -> TerminationReason.TERMINATION_REASON_INVALID_PARAMETER;
            default -> TerminationReason.TERMINATION_REASON_OTHER;
        };
    }

    private static QpSolution toSolution(QpModel model, Attempt attempt, long iterations, String message,
                                         long startNanos) {
        if (attempt.optimal()) {
            return new QpSolution(SolveStatus.OPTIMAL, model.objective(attempt.primal()), attempt.primal(),
                    attempt.duals(), message, List.of(), iterations, seconds(startNanos));
        }
        return new QpSolution(status(attempt), Double.NaN, new double[0], new double[0], message, List.of(),
                iterations, seconds(startNanos));
    }

    private static SolveStatus status(Attempt attempt) {
        return switch (attempt.reason()) {
            case TERMINATION_REASON_PRIMAL_INFEASIBLE -> SolveStatus.INFEASIBLE;
            case TERMINATION_REASON_DUAL_INFEASIBLE -> SolveStatus.UNBOUNDED;
            case TERMINATION_REASON_TIME_LIMIT -> SolveStatus.TIME_LIMIT;
            case TERMINATION_REASON_ITERATION_LIMIT, TERMINATION_REASON_KKT_MATRIX_PASS_LIMIT ->
                    SolveStatus.ITERATION_LIMIT;
            case TERMINATION_REASON_OPTIMAL, TERMINATION_REASON_NUMERICAL_ERROR -> SolveStatus.NOT_CONVERGED;
            default -> SolveStatus.ERROR;
        };
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
