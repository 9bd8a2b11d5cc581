package agora.market.lowering;

import agora.market.StepOutcome;
import agora.market.formulation.MarketProblem;
import agora.market.formulation.StorageUnit;
import agora.scenario.Storage;
import agora.solver.ModelValidator;
import agora.solver.Origin;
import agora.solver.QpModel;
import agora.solver.QpModelBuilder;
import agora.solver.QpSolution;
import agora.solver.SolveStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Solves the steps of a window together, as one QP, when storage couples them: the models of its
 * steps side by side ({@link LoweredMarket#modelAt}, unchanged, so every price is still the dual
 * of its step's row) and, per storage unit and step, its charge {@code c}, discharge {@code d}
 * and state of charge {@code s} with
 * <pre>
 *   p_t - d_t + c_t = 0                                           (its injection)
 *   s_t - r s_{t-1} - Δt ηc c_t + Δt d_t / ηd = 0                  (energy; r s_init at the first step)
 *   0 &lt;= c_t &lt;= charge power, 0 &lt;= d_t &lt;= discharge power, 0 &lt;= s_t &lt;= capacity
 * </pre>
 * where {@code r = (1 - self-discharge)^Δt}, and, when the window ends the run, the final rule on
 * its last state. Each discharged MWh costs the cycle price (hourly, as the steps' costs are), so
 * the window minimises the sum of its steps' objectives and the cycling.
 */
public final class WindowSolver {
    private final CentralizedSolver steps;
    private final LoweredMarket lowered;
    private final MarketProblem problem;
    private final double dt;

    public WindowSolver(CentralizedSolver steps) {
        this.steps = steps;
        this.lowered = steps.lowered();
        this.problem = lowered.problem();
        this.dt = problem.tree().scenario().time().stepHours();
    }

    /** The problem whose windows it solves. */
    public MarketProblem problem() {
        return problem;
    }

    /**
     * Solves steps {@code from .. to-1} together from the states of charge {@code initial} (MWh,
     * by {@link MarketProblem#storages()}); {@code last} applies the storage's final rule to the
     * window's last state. Never throws for a failed solve: every step of the window is then a
     * failed outcome saying why.
     */
    public List<StepOutcome> solve(int from, int to, double[] initial, boolean last) {
        long start = System.nanoTime();
        Window window = new Window(from, to, initial, last);
        QpModel model = window.model();
        List<String> problems = ModelValidator.validate(model);
        QpSolution solution = problems.isEmpty() ? steps.backend().solve(model, steps.options())
                : QpSolution.failed(SolveStatus.ERROR, "the lowered model of window " + from + ".." + (to - 1)
                        + " is invalid: " + String.join("; ", problems), List.of(), 0.0);
        double share = (System.nanoTime() - start) / (double) (to - from);
        List<StepOutcome> out = new ArrayList<>(to - from);
        for (int t = from; t < to; t++) {
            long stepStart = System.nanoTime() - Math.round(share);
            if (!solution.status().isOptimal()) {
                QpSolution failed = QpSolution.failed(solution.status(), "window of steps " + from + ".."
                        + (to - 1) + ": " + solution.message(), solution.conflicts(), 0.0);
                out.add(lowered.failure(t, failed, CentralizedSolver.stats(solution.iterations(), stepStart,
                        StepOutcome.TradeAllocation.AS_SOLVED, Double.NaN)));
                continue;
            }
            out.add(window.outcome(t, solution, stepStart));
        }
        return out;
    }

    /** One window's model: the steps' models side by side, then the storage's variables and rows. */
    private final class Window {
        private final int from;
        private final List<QpModel> models = new ArrayList<>();
        private final int[] variableOffset;
        private final int[] rowOffset;
        /** Per unit and step of the window: the variables c, d, s. */
        private final int[][] charge;
        private final int[][] discharge;
        private final int[][] state;
        private final QpModel model;
        private final double[] initial;
        /** Per unit and step, the state of charge that follows from the solved c and d. */
        private double[][] states;

        Window(int from, int to, double[] initial, boolean last) {
            this.from = from;
            this.initial = initial.clone();
            int count = to - from;
            for (int t = from; t < to; t++) {
                models.add(lowered.modelAt(t));
            }
            variableOffset = new int[count];
            rowOffset = new int[count];
            QpModelBuilder b = new QpModelBuilder();
            int rows = 0;
            for (int k = 0; k < count; k++) {
                variableOffset[k] = b.variableCount();
                rowOffset[k] = rows;
                rows += copy(models.get(k), from + k, b);
            }
            List<StorageUnit> units = problem.storages();
            charge = new int[units.size()][count];
            discharge = new int[units.size()][count];
            state = new int[units.size()][count];
            for (StorageUnit unit : units) {
                addStorage(unit, initial[unit.index()], last, b);
            }
            model = b.build();
        }

        QpModel model() {
            return model;
        }

        /** Copies a step's variables and rows (names tagged with the step); returns its row count. */
        private int copy(QpModel step, int t, QpModelBuilder b) {
            int offset = b.variableCount();
            String tag = "@" + t;
            for (int j = 0; j < step.variableCount(); j++) {
                b.addVariable(step.variableName(j) + tag, step.structure().variableOrigins().get(j),
                        step.lower(j), step.upper(j), step.linear(j), step.quadratic(j));
            }
            b.addConstant(step.constant());
            QpModel.Structure structure = step.structure();
            for (int i = 0; i < step.constraintCount(); i++) {
                int first = structure.rowStart()[i];
                int end = structure.rowStart()[i + 1];
                int[] columns = new int[end - first];
                for (int q = 0; q < columns.length; q++) {
                    columns[q] = structure.columnIndex()[first + q] + offset;
                }
                b.addConstraint(step.constraintName(i) + tag, structure.constraintOrigins().get(i), columns,
                        Arrays.copyOfRange(structure.coefficient(), first, end), step.rowLower(i), step.rowUpper(i));
            }
            return step.constraintCount();
        }

        private void addStorage(StorageUnit unit, double initial, boolean last, QpModelBuilder b) {
            Storage st = unit.storage();
            double retention = st.retention(dt);
            String name = unit.name();
            int u = unit.index();
            int injection = lowered.positionVariable(unit.position());
            int count = models.size();
            for (int k = 0; k < count; k++) {
                String tag = "[" + name + "]@" + (from + k);
                double low = 0.0;
                double high = st.capacity();
                if (last && k == count - 1) {
                    low = st.finalMinimum();
                    high = st.endsAtInitial() ? st.initial() : st.capacity();
                }
                charge[u][k] = b.addVariable("c" + tag, new Origin("storage", name, "charge"),
                        0.0, st.chargePower(), 0.0, 0.0);
                discharge[u][k] = b.addVariable("d" + tag, new Origin("storage", name, "discharge"),
                        0.0, st.dischargePower(), st.cyclePrice(), 0.0);
                state[u][k] = b.addVariable("s" + tag, new Origin("storage", name, "state of charge"),
                        low, high, 0.0, 0.0);
                b.addEquality("injection" + tag, new Origin("storage", name, "injection"),
                        new int[] {variableOffset[k] + injection, discharge[u][k], charge[u][k]},
                        new double[] {1.0, -1.0, 1.0}, 0.0);
                Origin energy = new Origin("storage", name, "state of charge");
                if (k == 0) {
                    b.addEquality("energy" + tag, energy, new int[] {state[u][k], charge[u][k], discharge[u][k]},
                            new double[] {1.0, -dt * st.chargeEfficiency(), dt / st.dischargeEfficiency()},
                            retention * initial);
                } else {
                    b.addEquality("energy" + tag, energy,
                            new int[] {state[u][k], state[u][k - 1], charge[u][k], discharge[u][k]},
                            new double[] {1.0, -retention, -dt * st.chargeEfficiency(), dt / st.dischargeEfficiency()},
                            0.0);
                }
            }
        }

        /**
         * The states of charge that follow exactly from the solved charges and discharges, step
         * by step from the window's initial state: energy is conserved to rounding, where the
         * solved states satisfy their rows only to the solver's tolerance.
         */
        private double[][] states(double[] x) {
            if (states == null) {
                states = new double[charge.length][models.size()];
                for (StorageUnit unit : problem.storages()) {
                    int u = unit.index();
                    Storage st = unit.storage();
                    double previous = initial[u];
                    for (int k = 0; k < models.size(); k++) {
                        previous = st.retention(dt) * previous + dt * st.chargeEfficiency() * x[charge[u][k]]
                                - dt * x[discharge[u][k]] / st.dischargeEfficiency();
                        states[u][k] = previous;
                    }
                }
            }
            return states;
        }

        /** Step {@code t}'s part of the window's solution, mapped back like a step of its own. */
        StepOutcome outcome(int t, QpSolution solution, long start) {
            int k = t - from;
            double[][] soc = states(solution.primal());
            QpModel step = models.get(k);
            double[] primal = Arrays.copyOfRange(solution.primal(), variableOffset[k],
                    variableOffset[k] + step.variableCount());
            double[] duals = Arrays.copyOfRange(solution.duals(), rowOffset[k],
                    rowOffset[k] + step.constraintCount());
            QpSolution part = new QpSolution(solution.status(), step.objective(primal), primal, duals,
                    solution.message(), List.of(), solution.iterations(), 0.0);
            StepOutcome outcome = steps.outcome(t, step, part, start);
            int units = problem.storages().size();
            double[] values = new double[StepOutcome.STORAGE_VALUES * units];
            double cycling = 0.0;
            double[] x = solution.primal();
            for (StorageUnit unit : problem.storages()) {
                int u = unit.index();
                values[StepOutcome.STORAGE_VALUES * u] = x[charge[u][k]];
                values[StepOutcome.STORAGE_VALUES * u + 1] = x[discharge[u][k]];
                values[StepOutcome.STORAGE_VALUES * u + 2] = soc[u][k];
                cycling += unit.storage().cyclePrice() * x[discharge[u][k]];
            }
            return outcome.withStorage(values, cycling);
        }
    }
}
