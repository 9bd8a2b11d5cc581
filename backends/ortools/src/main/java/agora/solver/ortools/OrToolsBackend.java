package agora.solver.ortools;

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
import agora.solver.StructureCache;
import agora.solver.TrivialInfeasibility;
import com.google.ortools.linearsolver.MPModelProto;
import com.google.ortools.linearsolver.MPModelRequest;
import com.google.ortools.linearsolver.MPSolutionResponse;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariableProto;
import java.util.List;

/**
 * The OR-Tools backend. After the shared {@link Presolve} (fixed variables and the rows they pin
 * removed), quadratic models go to PDLP through {@code MPSolver.solveWithProto} with the
 * objective's {@code quadratic_objective} ({@link PdlpSolver}: scaled units, a conservative retry,
 * every OPTIMAL checked); linear models to GLOP by default. GLOP, HiGHS and CP-SAT drop
 * quadratic terms silently and report OPTIMAL, so {@link Engine#GLOP} refuses quadratic models
 * with an error status; SCIP and CP-SAT return no duals and are not offered. An OPTIMAL of either
 * engine is reported only once it meets the KKT conditions of the full model ({@link KktCheck}).
 *
 * <p>Duals: OR-Tools' {@code dual_value} of a minimisation is d(objective)/d(row bound), the
 * convention of {@link QpSolution}, so it is passed through unchanged apart from undoing PDLP's
 * scaling (proved by the two-peer market test, whose price is +15). PDLP stops at a tenth of the
 * relative tolerance of {@link SolverOptions#tolerance()} ({@link PdlpParameters}).
 *
 * <p>Thread-safe: each solve builds its own request; what is cached per structure (GLOP's row
 * protos, the presolve's indexes) and PDLP's parameter texts is immutable or synchronised.
 */
public final class OrToolsBackend implements SolverBackend {
    private static final int CACHED_STRUCTURES = 16;

    private final Engine engine;
    private final PdlpSolver pdlp;
    private final Presolve presolve = new Presolve();
    private final StructureCache<ProtoTemplate> templates = new StructureCache<>(CACHED_STRUCTURES, ProtoTemplate::new);

    /** The backend ServiceLoader finds: {@link Engine#AUTO}. */
    public OrToolsBackend() {
        this(Engine.AUTO);
    }

    public OrToolsBackend(Engine engine) {
        this(engine, new PdlpParameters());
    }

    /** With other PDLP parameters (tests force the conservative retry with them). */
    OrToolsBackend(Engine engine, PdlpParameters parameters) {
        this.engine = engine;
        this.pdlp = new PdlpSolver(parameters);
    }

    @Override
    public String name() {
        return "ortools";
    }

    @Override
    public Capabilities capabilities() {
        // conflicts: only rows infeasible on their own (TrivialInfeasibility); MPSolver has no IIS
        return new Capabilities(engine != Engine.GLOP, true, false);
    }

    @Override
    public QpSolution solve(QpModel model, SolverOptions options) {
        long start = System.nanoTime();
        boolean quadratic = model.hasQuadraticObjective();
        if (quadratic && engine == Engine.GLOP) {
            return QpSolution.failed(SolveStatus.ERROR, "GLOP ignores quadratic objective terms; "
                    + "this model has quadratic costs. Maybe use engine PDLP or AUTO.", List.of(), seconds(start));
        }
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
        NativeLibraries.ensureLoaded();
        if (engine == Engine.PDLP || (engine == Engine.AUTO && quadratic)) {
            return pdlp.solve(model, presolved, options, start);
        }
        QpModel reduced = presolved.reduced();
        MPModelRequest request = MPModelRequest.newBuilder()
                .setModel(glopProto(reduced, templates.get(reduced.structure())))
                .setSolverType(MPModelRequest.SolverType.GLOP_LINEAR_PROGRAMMING)
                .setSolverTimeLimitSeconds(options.timeLimit().toMillis() / 1000.0)
                .build();
        return checked(model, presolved.invert(toSolution(reduced, MPSolver.solveWithProto(request), start)),
                options.tolerance());
    }

    /**
     * GLOP's OPTIMAL, once it meets the KKT conditions of the full model ({@link KktCheck}) to the
     * tolerance, as every other backend's does; else NOT_CONVERGED, saying which condition failed.
     */
    private static QpSolution checked(QpModel model, QpSolution full, double tolerance) {
        if (!full.status().isOptimal()) {
            return full;
        }
        KktResiduals residuals = KktCheck.check(model, full);
        if (residuals.satisfied(tolerance)) {
            return full;
        }
        return QpSolution.failed(SolveStatus.NOT_CONVERGED, full.message() + ", but its answer fails the KKT check: "
                + residuals.describe(tolerance), List.of(), full.seconds());
    }

    /** A linear model as it is: GLOP scales on its own and its simplex duals are exact. */
    private static MPModelProto glopProto(QpModel model, ProtoTemplate template) {
        MPModelProto.Builder proto = MPModelProto.newBuilder().setObjectiveOffset(model.constant());
        for (int j = 0; j < model.variableCount(); j++) {
            proto.addVariable(MPVariableProto.newBuilder()
                    .setLowerBound(model.lower(j))
                    .setUpperBound(model.upper(j))
                    .setObjectiveCoefficient(model.linear(j)));
        }
        for (int i = 0; i < model.constraintCount(); i++) {
            proto.addConstraint(template.constraint(model, i));
        }
        return proto.build();
    }

    private static QpSolution toSolution(QpModel model, MPSolutionResponse response, long start) {
        String message = "GLOP: " + response.getStatus()
                + (response.getStatusStr().isEmpty() ? "" : " (" + response.getStatusStr() + ")");
        SolveStatus status = switch (response.getStatus()) {
            case MPSOLVER_OPTIMAL -> SolveStatus.OPTIMAL;
            case MPSOLVER_INFEASIBLE -> SolveStatus.INFEASIBLE;
            case MPSOLVER_UNBOUNDED -> SolveStatus.UNBOUNDED;
            case MPSOLVER_FEASIBLE, MPSOLVER_NOT_SOLVED -> limitReached(response);
            default -> SolveStatus.ERROR;
        };
        if (status != SolveStatus.OPTIMAL) {
            return QpSolution.failed(status, message, List.of(), seconds(start));
        }
        double[] x = new double[model.variableCount()];
        for (int j = 0; j < x.length; j++) {
            x[j] = response.getVariableValue(j);
        }
        double[] y = new double[model.constraintCount()];
        for (int i = 0; i < y.length && i < response.getDualValueCount(); i++) {
            y[i] = response.getDualValue(i);
        }
        long iterations = 0; // MPSolutionResponse does not report GLOP's iteration count
        return new QpSolution(SolveStatus.OPTIMAL, model.objective(x), x, y, message, List.of(), iterations,
                seconds(start));
    }

    /** GLOP ends FEASIBLE or NOT_SOLVED when it stops early; its message says why. */
    private static SolveStatus limitReached(MPSolutionResponse response) {
        String why = response.getStatusStr().toUpperCase(java.util.Locale.ROOT);
        if (why.contains("TIME")) {
            return SolveStatus.TIME_LIMIT;
        }
        return why.contains("ITERATION") ? SolveStatus.ITERATION_LIMIT : SolveStatus.NOT_CONVERGED;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
