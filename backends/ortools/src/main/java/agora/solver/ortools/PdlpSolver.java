package agora.solver.ortools;

import agora.solver.QpModel;
import agora.solver.QpSolution;
import agora.solver.SolveStatus;
import agora.solver.SolverOptions;
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
 * Solves a model with PDLP: in the scaled units of {@link Scaling}; once with PDLP's adaptive
 * steps and, if that ends in a numerical error or stalls, once more with constant steps
 * ({@link PdlpParameters.Attempt}); and every OPTIMAL is checked for primal feasibility
 * ({@link PrimalCheck}) before it is believed. Statuses come from PDLP's own termination reason
 * (in the response's serialized {@link SolveLog}), which MPSolver's status folds together: it
 * reports an unbounded model, an iteration limit and a time limit all as NOT_SOLVED.
 *
 * <p>Stateless apart from the shared, thread-safe caches it is given.
 */
final class PdlpSolver {
    private final PdlpParameters parameters;

    PdlpSolver(PdlpParameters parameters) {
        this.parameters = parameters;
    }

    /** What one PDLP run returned, in unscaled units. */
    private record Attempt(TerminationReason reason, String detail, double[] primal, double[] duals,
                           long iterations, boolean verified) {
        boolean optimal() {
            return reason == TerminationReason.TERMINATION_REASON_OPTIMAL && verified;
        }

        String describe() {
            String what = reason == TerminationReason.TERMINATION_REASON_OPTIMAL && !verified
                    ? "OPTIMAL that violates rows or bounds"
                    : reason.name().replace("TERMINATION_REASON_", "");
            return what + (detail.isEmpty() ? "" : " (" + detail + ")") + " after " + iterations + " iterations";
        }
    }

    /** @param startNanos when the backend started on this model (the time limit counts from there) */
    QpSolution solve(QpModel model, ProtoTemplate template, SolverOptions options, long startNanos) {
        Scaling scaling = Scaling.of(model);
        MPModelProto proto = proto(model, template, scaling);
        long deadline = startNanos + options.timeLimit().toNanos();
        Attempt first = run(model, proto, scaling, PdlpParameters.Attempt.FIRST, options, deadline);
        if (first.optimal() || !worthRetrying(first.reason())) {
            return toSolution(model, first, first.iterations(), "PDLP: " + first.describe(), startNanos);
        }
        Attempt second = run(model, proto, scaling, PdlpParameters.Attempt.CONSERVATIVE, options, deadline);
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

    private Attempt run(QpModel model, MPModelProto proto, Scaling scaling, PdlpParameters.Attempt attempt,
                        SolverOptions options, long deadline) {
        double secondsLeft = Math.max(0.0, (deadline - System.nanoTime()) / 1e9);
        MPModelRequest request = MPModelRequest.newBuilder()
                .setModel(proto)
                .setSolverType(MPModelRequest.SolverType.PDLP_LINEAR_PROGRAMMING)
                .setSolverSpecificParameters(parameters.text(attempt, options.tolerance(), scaling))
                .setSolverTimeLimitSeconds(secondsLeft)
                .build();
        MPSolutionResponse response = MPSolver.solveWithProto(request);
        SolveLog log = solveLog(response);
        TerminationReason reason = log == null ? fromStatus(response) : log.getTerminationReason();
        String detail = log == null || log.getTerminationString().isEmpty()
                ? response.getStatusStr() : log.getTerminationString();
        long iterations = log == null ? 0 : log.getIterationCount();
        if (reason != TerminationReason.TERMINATION_REASON_OPTIMAL
                || response.getVariableValueCount() != model.variableCount()
                || response.getDualValueCount() != model.constraintCount()) {
            return new Attempt(reason, detail, new double[0], new double[0], iterations, false);
        }
        double[] x = new double[model.variableCount()];
        for (int j = 0; j < x.length; j++) {
            x[j] = response.getVariableValue(j) * scaling.power();
        }
        double[] y = new double[model.constraintCount()];
        boolean finiteDuals = true;
        for (int i = 0; i < y.length; i++) {
            y[i] = response.getDualValue(i) * scaling.price();
            finiteDuals &= Double.isFinite(y[i]);
        }
        boolean verified = finiteDuals && PrimalCheck.feasible(model, x, scaling.power(), options.tolerance());
        return new Attempt(reason, detail, x, y, iterations, verified);
    }

    /**
     * The model in scaled units. The objective's constant is left out (it does not move the
     * optimum, and PDLP's relative gap should not be loosened by it); {@link QpModel#objective}
     * adds it back.
     */
    private static MPModelProto proto(QpModel model, ProtoTemplate template, Scaling scaling) {
        double power = scaling.power();
        double linearScale = power / scaling.cost();
        double quadraticScale = power * power / scaling.cost();
        MPModelProto.Builder proto = MPModelProto.newBuilder();
        MPQuadraticObjective.Builder quadratic = MPQuadraticObjective.newBuilder();
        for (int j = 0; j < model.variableCount(); j++) {
            proto.addVariable(MPVariableProto.newBuilder()
                    .setLowerBound(model.lower(j) / power)
                    .setUpperBound(model.upper(j) / power)
                    .setObjectiveCoefficient(model.linear(j) * linearScale));
            if (model.quadratic(j) != 0.0) {
                quadratic.addQvar1Index(j).addQvar2Index(j).addCoefficient(model.quadratic(j) * quadraticScale);
            }
        }
        proto.addAllConstraint(template.rows(power));
        if (quadratic.getCoefficientCount() > 0) {
            proto.setQuadraticObjective(quadratic);
        }
        return proto.build();
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
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        if (attempt.optimal()) {
            return new QpSolution(SolveStatus.OPTIMAL, model.objective(attempt.primal()), attempt.primal(),
                    attempt.duals(), message, List.of(), iterations, seconds);
        }
        return new QpSolution(status(attempt), Double.NaN, new double[0], new double[0], message, List.of(),
                iterations, seconds);
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
}
