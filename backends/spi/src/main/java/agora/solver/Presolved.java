package agora.solver;

import java.util.List;

/**
 * What {@link Presolve#apply} made of one model: the reduced model a backend solves, or a proof
 * of infeasibility, and the way back ({@link #invert}) from a solution of the reduced model to
 * one of the original, with every variable's value and every row's dual.
 */
public final class Presolved {
    private final QpModel original;
    private final QpModel reduced;
    private final WayBack wayBack;
    private final List<Origin> conflicts;
    private final String reason;

    private Presolved(QpModel original, QpModel reduced, WayBack wayBack, List<Origin> conflicts, String reason) {
        this.original = original;
        this.reduced = reduced;
        this.wayBack = wayBack;
        this.conflicts = conflicts;
        this.reason = reason;
    }

    static Presolved unchanged(QpModel model) {
        return new Presolved(model, model, null, List.of(), "");
    }

    static Presolved reduced(QpModel original, QpModel reduced, WayBack wayBack) {
        return new Presolved(original, reduced, wayBack, List.of(), "");
    }

    static Presolved infeasible(QpModel original, List<Origin> conflicts, String reason) {
        return new Presolved(original, null, null, List.copyOf(conflicts), reason);
    }

    /** True when the presolve proved that no point satisfies the rows and bounds. */
    public boolean isInfeasible() {
        return reduced == null;
    }

    /** For an infeasible model, the rows (then variables) in conflict; else empty. */
    public List<Origin> conflicts() {
        return conflicts;
    }

    /**
     * The model the backend solves: the original itself when nothing could be removed.
     *
     * @throws IllegalStateException for an infeasible model
     */
    public QpModel reduced() {
        if (reduced == null) {
            throw new IllegalStateException("the presolve proved the model infeasible: " + reason);
        }
        return reduced;
    }

    /** True when no variable is left to solve for (every one fixed, every row satisfied). */
    public boolean isSolved() {
        return reduced != null && reduced.variableCount() == 0;
    }

    /** How many variables the presolve removed. */
    public int removedVariables() {
        return reduced == null ? 0 : original.variableCount() - reduced.variableCount();
    }

    /** How many rows the presolve removed. */
    public int removedRows() {
        return reduced == null ? 0 : original.constraintCount() - reduced.constraintCount();
    }

    /** Why the model is infeasible, in one sentence naming the row or variable; empty otherwise. */
    public String reason() {
        return reason;
    }

    /** The failed solution an infeasible model gets, with the conflicts found. */
    public QpSolution infeasibleSolution(double seconds) {
        return QpSolution.failed(SolveStatus.INFEASIBLE, "presolve: " + reason, conflicts, seconds);
    }

    /**
     * The solution of the original model from one of the reduced model: the same status, message,
     * iterations and time; every variable's value (the solver's, or the value it was fixed at);
     * every row's dual (the solver's, or recovered as the class comment of {@link Presolve} says);
     * the objective of the original model at those values. A failed solution stays failed.
     */
    public QpSolution invert(QpSolution solution) {
        if (!solution.status().isOptimal() || wayBack == null) {
            return solution;
        }
        double[] x = wayBack.primal(solution.primal());
        double[] y = wayBack.duals(original, solution.duals(), x);
        return new QpSolution(solution.status(), original.objective(x), x, y, solution.message(),
                solution.conflicts(), solution.iterations(), solution.seconds());
    }

    /** The solution of a model with nothing left to solve ({@link #isSolved()}), inverted. */
    public QpSolution solvedByPresolve(double seconds) {
        QpSolution empty = new QpSolution(SolveStatus.OPTIMAL, reduced().constant(), new double[0], new double[0],
                "presolve: every variable fixed", List.of(), 0, seconds);
        return invert(empty);
    }

    /** The records of a reduction, read backwards. */
    record WayBack(Presolve.Shape shape, double[] value, int[] keptColumns, int[] keptRows, int[] logRow,
                   Presolve.Removal[] logHow, int[] logColumn, int[] lowerSource, int[] upperSource) {

        double[] primal(double[] reduced) {
            double[] x = value.clone();
            for (int r = 0; r < keptColumns.length; r++) {
                x[keptColumns[r]] = reduced[r];
            }
            return x;
        }

        double[] duals(QpModel model, double[] reduced, double[] x) {
            double[] y = new double[model.constraintCount()];
            for (int r = 0; r < keptRows.length; r++) {
                y[keptRows[r]] = reduced[r];
            }
            for (int e = logRow.length - 1; e >= 0; e--) {
                int i = logRow[e];
                int j = logColumn[e];
                y[i] = switch (logHow[e]) {
                    case EMPTY -> 0.0;
                    case FIXING -> reducedCost(model, y, x, i, j) / coefficient(i, j);
                    case BOUND -> boundDual(model, y, x, i, j);
                };
            }
            return y;
        }

        /**
         * A singleton row's dual: the variable's reduced cost (without this row) when the bound
         * the variable rests on, by the sign of that cost, is this row's; else 0.
         */
        private double boundDual(QpModel model, double[] y, double[] x, int i, int j) {
            double reducedCost = reducedCost(model, y, x, i, j);
            boolean restsOnThisRow = reducedCost > 0.0 ? lowerSource[j] == i
                    : reducedCost < 0.0 && upperSource[j] == i;
            return restsOnThisRow ? reducedCost / coefficient(i, j) : 0.0;
        }

        /** grad_j minus a_kj y_k over the rows k of variable j other than row i. */
        private double reducedCost(QpModel model, double[] y, double[] x, int i, int j) {
            double cost = 2.0 * model.quadratic(j) * x[j] + model.linear(j);
            for (int slot = shape.columnStart[j]; slot < shape.columnStart[j + 1]; slot++) {
                if (shape.row[slot] != i) {
                    cost -= shape.columnValue[slot] * y[shape.row[slot]];
                }
            }
            return cost;
        }

        private double coefficient(int i, int j) {
            for (int slot = shape.columnStart[j]; slot < shape.columnStart[j + 1]; slot++) {
                if (shape.row[slot] == i) {
                    return shape.columnValue[slot];
                }
            }
            throw new IllegalStateException("row " + i + " has no entry in column " + j);
        }
    }
}
