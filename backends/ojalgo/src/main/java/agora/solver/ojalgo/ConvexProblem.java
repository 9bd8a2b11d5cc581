package agora.solver.ojalgo;

import agora.solver.QpModel;
import java.util.Arrays;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.convex.ConvexSolver;
import org.ojalgo.structure.Access1D;
import org.ojalgo.structure.Mutate2D;

/**
 * A {@link QpModel} in the form of ojAlgo's {@link ConvexSolver}, built directly as matrices with
 * {@link ConvexSolver.Builder} (through {@code ExpressionsBasedModel} a market step took longer and
 * its multipliers came back rescaled by the model's internal scaling), and the way back from
 * ojAlgo's multipliers to duals in the convention of {@link agora.solver.QpSolution}.
 *
 * <pre>
 *   ojAlgo:  min 1/2 x'Qx - C'x   subject to   AE x = BE,   AI x <= BI
 *   here:    Q = diag(2 q),  C = -c;  AE, BE: the equality rows;
 *            AI, BI: each finite upper side of a row or variable as it is, each finite lower
 *            side negated (-a x <= -l), so a ranged row or a boxed variable gives two rows
 * </pre>
 *
 * ojAlgo's multipliers L satisfy {@code Qx - C + AE'L_E + AI'L_I = 0}, that is
 * {@code grad f + A'L = 0}; ours satisfy {@code grad f - A'y = 0}. So an equality row's dual is
 * {@code -L}, a row's upper side contributes {@code -L} and its (negated) lower side {@code +L}.
 * Variable bounds get no dual of ours: {@link agora.solver.KktCheck} implies their multipliers.
 */
final class ConvexProblem {
    private final QpModel model;
    /** The model's equality rows, in ojAlgo's order. */
    private final int[] equalities;
    /** For each inequality of ojAlgo's: the row or variable it comes from, and which side. */
    private final int[] source;
    private final Side[] side;

    private enum Side { ROW_UPPER, ROW_LOWER, VARIABLE_UPPER, VARIABLE_LOWER }

    ConvexProblem(QpModel model) {
        this.model = model;
        int m = model.constraintCount();
        int n = model.variableCount();
        int[] equalityRows = new int[m];
        int[] from = new int[2 * (m + n)];
        Side[] sides = new Side[from.length];
        int equalityCount = 0;
        int inequalityCount = 0;
        for (int i = 0; i < m; i++) {
            if (model.isEquality(i)) {
                equalityRows[equalityCount++] = i;
                continue;
            }
            if (model.rowUpper(i) != Double.POSITIVE_INFINITY) {
                from[inequalityCount] = i;
                sides[inequalityCount++] = Side.ROW_UPPER;
            }
            if (model.rowLower(i) != Double.NEGATIVE_INFINITY) {
                from[inequalityCount] = i;
                sides[inequalityCount++] = Side.ROW_LOWER;
            }
        }
        for (int j = 0; j < n; j++) {
            if (model.upper(j) != Double.POSITIVE_INFINITY) {
                from[inequalityCount] = j;
                sides[inequalityCount++] = Side.VARIABLE_UPPER;
            }
            if (model.lower(j) != Double.NEGATIVE_INFINITY) {
                from[inequalityCount] = j;
                sides[inequalityCount++] = Side.VARIABLE_LOWER;
            }
        }
        equalities = Arrays.copyOf(equalityRows, equalityCount);
        source = Arrays.copyOf(from, inequalityCount);
        side = Arrays.copyOf(sides, inequalityCount);
    }

    boolean hasInequalities() {
        return source.length > 0;
    }

    /** A new ojAlgo solver for the problem: ADMM (OSQP's method) or the active-set method. */
    ConvexSolver newSolver(Optimisation.Options options) {
        int n = model.variableCount();
        ConvexSolver.Builder builder = ConvexSolver.newBuilder(n);
        for (int j = 0; j < n; j++) {
            if (model.quadratic(j) != 0.0) {
                builder.objective(j, j, 2.0 * model.quadratic(j));
            }
            if (model.linear(j) != 0.0) {
                builder.objective(j, -model.linear(j));
            }
        }
        if (equalities.length > 0) {
            double[] rhs = new double[equalities.length];
            for (int e = 0; e < rhs.length; e++) {
                rhs[e] = model.rowLower(equalities[e]);
            }
            Mutate2D rows = builder.equalities(rhs);
            for (int e = 0; e < rhs.length; e++) {
                int target = e;
                model.forEachInRow(equalities[e], (column, coefficient) -> add(rows, target, column, coefficient));
            }
        }
        if (source.length > 0) {
            double[] rhs = new double[source.length];
            for (int r = 0; r < rhs.length; r++) {
                rhs[r] = switch (side[r]) {
                    case ROW_UPPER -> model.rowUpper(source[r]);
                    case ROW_LOWER -> -model.rowLower(source[r]);
                    case VARIABLE_UPPER -> model.upper(source[r]);
                    case VARIABLE_LOWER -> -model.lower(source[r]);
                };
            }
            Mutate2D rows = builder.inequalities(rhs);
            for (int r = 0; r < rhs.length; r++) {
                int target = r;
                switch (side[r]) {
                    case ROW_UPPER -> model.forEachInRow(source[r], (column, coefficient) -> add(rows, target, column, coefficient));
                    case ROW_LOWER -> model.forEachInRow(source[r], (column, coefficient) -> add(rows, target, column, -coefficient));
                    case VARIABLE_UPPER -> rows.set(target, source[r], 1.0);
                    case VARIABLE_LOWER -> rows.set(target, source[r], -1.0);
                }
            }
        }
        return builder.build(options);
    }

    /** Adds to an entry, so that a column named twice in a row counts twice, as in {@link QpModel}. */
    private static void add(Mutate2D rows, int row, int column, double coefficient) {
        Mutate2D.Modifiable<?> modifiable = (Mutate2D.Modifiable<?>) rows;
        modifiable.add(row, column, coefficient);
    }

    /** The primal values of a result. */
    double[] primal(Optimisation.Result result) {
        double[] x = new double[model.variableCount()];
        for (int j = 0; j < x.length; j++) {
            x[j] = result.doubleValue(j);
        }
        return x;
    }

    /** The row duals of ojAlgo's multipliers, in our convention (see the class comment). */
    double[] duals(Access1D<?> multipliers) {
        double[] y = new double[model.constraintCount()];
        for (int e = 0; e < equalities.length; e++) {
            y[equalities[e]] = -multipliers.doubleValue(e);
        }
        for (int r = 0; r < source.length; r++) {
            double multiplier = multipliers.doubleValue(equalities.length + r);
            if (side[r] == Side.ROW_UPPER) {
                y[source[r]] -= multiplier;
            } else if (side[r] == Side.ROW_LOWER) {
                y[source[r]] += multiplier;
            }
        }
        return y;
    }

    /** How many multipliers ojAlgo returns: one per equality and per inequality. */
    int multiplierCount() {
        return equalities.length + source.length;
    }
}
