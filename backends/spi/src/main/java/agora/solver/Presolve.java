package agora.solver;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The presolve every backend runs before its solver: it removes what solvers converge on slowly
 * or not at all, exactly, and keeps the way back ({@link Presolved#invert}), as CVXPY's
 * reductions have {@code apply} and {@code invert}.
 *
 * <ul>
 *   <li><b>Fixed variables</b> (equal bounds) are substituted into their rows' bounds. A PV plant
 *       at night is fixed at 4.7e-5 MW; PDHG moved its balance row's dual by step x 4.7e-5 per
 *       iteration (millions of iterations), and an interior point has no interior in it.</li>
 *   <li><b>Implied values</b>: an equality row left with one variable fixes that variable
 *       ({@code x_j = b / a}), which is substituted in turn, so chains resolve. A pool member
 *       whose injection is fixed at 0 pins its pool sale, bounded below by 0, at exactly 0: an
 *       interior point let that row's dual grow past 1e8 (ieee14 community step 1547).</li>
 *   <li><b>Singleton rows</b>: any other row left with one variable becomes bounds on it, and a
 *       row left with none is dropped once its bounds are checked to hold at 0.</li>
 * </ul>
 *
 * <p>The way back: a removed variable takes its value; a row that fixed a variable gets the dual
 * that makes that variable's reduced cost 0 (from stationarity, {@code a_ij y_i = grad_j - sum
 * over its other rows a_kj y_k}), in reverse order of removal, so the other duals are known; a
 * singleton row whose bound is the one the variable rests on takes that variable's reduced cost
 * ({@code y_i = r_j / a_ij}), every other removed row 0. Both keep the KKT conditions of the full
 * model ({@link KktCheck}): an equality row's dual is free, and the variable's own bound
 * multiplier absorbs what is left.
 *
 * <p>Rows that cannot hold once fixed values are substituted (a fixing outside the variable's
 * bounds, crossing bounds, an empty row whose bounds exclude 0), by more than the tolerance,
 * prove the model infeasible and are named by their {@link Origin}s.
 *
 * <p>A reduced model keeps one {@link QpModel.Structure} per pattern of removals, so a backend's
 * per-structure cache still serves every step with the same fixed variables (a year of
 * half-hours has a few patterns: day, night, calm); the shifted row bounds are the reduced
 * model's own step data. One instance per backend; thread-safe.
 */
public final class Presolve {
    /** Structures kept: a market run uses one, a nested design a few. */
    private static final int CACHED_STRUCTURES = 16;
    /** Reduced structures kept per structure. */
    private static final int CACHED_PATTERNS = 64;

    private final StructureCache<Shape> shapes = new StructureCache<>(CACHED_STRUCTURES, Shape::new);

    /**
     * The reductions of one model.
     *
     * @param tolerance how far (relative to {@code 1 + |bound|}) a fixed value may lie outside its
     *                  bounds, or an empty row's bounds from 0, before the model is infeasible
     */
    public Presolved apply(QpModel model, double tolerance) {
        Shape shape = shapes.get(model.structure());
        Reduction reduction = new Reduction(model, shape, tolerance);
        reduction.run();
        if (!reduction.conflictRows.isEmpty() || !reduction.conflictVariables.isEmpty()) {
            return Presolved.infeasible(model, reduction.conflicts(), reduction.reason);
        }
        if (reduction.removedColumns.isEmpty() && reduction.removedRows.isEmpty()) {
            return Presolved.unchanged(model);
        }
        return reduction.reduced(shape.reducedStructure(reduction.pattern(), reduction.removedColumns,
                reduction.removedRows));
    }

    /** How a row left the model, for the way back. */
    enum Removal { EMPTY, FIXING, BOUND }

    /**
     * What the presolve derives from a structure once: its rows with duplicate columns merged and
     * zeros dropped, the same by column, and the reduced structures of the patterns seen.
     */
    static final class Shape {
        final QpModel.Structure structure;
        /** Merged rows (CSR). */
        final int[] rowStart;
        final int[] column;
        final double[] value;
        /** The same entries by column (CSC). */
        final int[] columnStart;
        final int[] row;
        final double[] columnValue;
        private final Map<BitSet, QpModel.Structure> patterns = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<BitSet, QpModel.Structure> eldest) {
                return size() > CACHED_PATTERNS;
            }
        };

        Shape(QpModel.Structure structure) {
            this.structure = structure;
            int m = structure.constraintCount();
            int n = structure.variableCount();
            rowStart = new int[m + 1];
            int[] cols = new int[structure.columnIndex().length];
            double[] vals = new double[cols.length];
            double[] accumulated = new double[n];
            int[] seenInRow = new int[n];
            Arrays.fill(seenInRow, -1);
            int next = 0;
            for (int i = 0; i < m; i++) {
                int first = next;
                for (int k = structure.rowStart()[i]; k < structure.rowStart()[i + 1]; k++) {
                    int j = structure.columnIndex()[k];
                    if (seenInRow[j] != i) {
                        seenInRow[j] = i;
                        accumulated[j] = 0.0;
                        cols[next++] = j;
                    }
                    accumulated[j] += structure.coefficient()[k];
                }
                int kept = first;
                for (int k = first; k < next; k++) {
                    if (accumulated[cols[k]] != 0.0) {
                        vals[kept] = accumulated[cols[k]];
                        cols[kept++] = cols[k];
                    }
                }
                next = kept;
                rowStart[i + 1] = next;
            }
            column = Arrays.copyOf(cols, next);
            value = Arrays.copyOf(vals, next);
            columnStart = new int[n + 1];
            for (int k = 0; k < next; k++) {
                columnStart[column[k] + 1]++;
            }
            for (int j = 0; j < n; j++) {
                columnStart[j + 1] += columnStart[j];
            }
            row = new int[next];
            columnValue = new double[next];
            int[] fill = Arrays.copyOf(columnStart, n);
            for (int i = 0; i < m; i++) {
                for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                    int slot = fill[column[k]]++;
                    row[slot] = i;
                    columnValue[slot] = value[k];
                }
            }
        }

        /** The structure left by this pattern of removals (shared by every step that has it). */
        QpModel.Structure reducedStructure(BitSet pattern, BitSet removedColumns, BitSet removedRows) {
            synchronized (patterns) {
                QpModel.Structure known = patterns.get(pattern);
                if (known != null) {
                    return known;
                }
            }
            QpModel.Structure built = build(removedColumns, removedRows);
            synchronized (patterns) {
                patterns.putIfAbsent(pattern, built);
                return patterns.get(pattern);
            }
        }

        private QpModel.Structure build(BitSet removedColumns, BitSet removedRows) {
            int n = structure.variableCount();
            int m = structure.constraintCount();
            int[] newColumn = new int[n];
            List<String> names = new ArrayList<>();
            List<Origin> origins = new ArrayList<>();
            for (int j = 0, r = 0; j < n; j++) {
                newColumn[j] = removedColumns.get(j) ? -1 : r++;
                if (newColumn[j] >= 0) {
                    names.add(structure.variableNames().get(j));
                    origins.add(structure.variableOrigins().get(j));
                }
            }
            List<String> rowNames = new ArrayList<>();
            List<Origin> rowOrigins = new ArrayList<>();
            int keptRows = m - removedRows.cardinality();
            int[] starts = new int[keptRows + 1];
            int[] cols = new int[column.length];
            double[] vals = new double[column.length];
            double[] lower = new double[keptRows];
            double[] upper = new double[keptRows];
            int next = 0;
            int r = 0;
            for (int i = 0; i < m; i++) {
                if (removedRows.get(i)) {
                    continue;
                }
                rowNames.add(structure.constraintNames().get(i));
                rowOrigins.add(structure.constraintOrigins().get(i));
                lower[r] = structure.rowLower()[i];
                upper[r] = structure.rowUpper()[i];
                for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                    if (newColumn[column[k]] >= 0) {
                        cols[next] = newColumn[column[k]];
                        vals[next++] = value[k];
                    }
                }
                starts[++r] = next;
            }
            return new QpModel.Structure(List.copyOf(names), List.copyOf(origins), List.copyOf(rowNames),
                    List.copyOf(rowOrigins), starts, Arrays.copyOf(cols, next), Arrays.copyOf(vals, next),
                    lower, upper);
        }
    }

    /** The reductions of one model, computed once ({@link #run}). */
    private static final class Reduction {
        private static final int NONE = -1;

        private final QpModel model;
        private final Shape shape;
        private final double tolerance;
        private final double[] lower;
        private final double[] upper;
        /** The row whose bound each variable's lower (upper) bound now is; NONE for its own. */
        private final int[] lowerSource;
        private final int[] upperSource;
        private final double[] value;
        private final double[] rowLower;
        private final double[] rowUpper;
        private final int[] entries;
        final BitSet removedColumns;
        final BitSet removedRows;
        /** Removed rows in order, how, and the variable each fixed or bounded (NONE for none). */
        private final int[] logRow;
        private final Removal[] logHow;
        private final int[] logColumn;
        private int logged;
        private final Deque<Integer> fixedQueue = new ArrayDeque<>();
        private final Deque<Integer> singletonQueue = new ArrayDeque<>();
        final List<Integer> conflictRows = new ArrayList<>();
        final List<Integer> conflictVariables = new ArrayList<>();
        String reason = "";

        Reduction(QpModel model, Shape shape, double tolerance) {
            this.model = model;
            this.shape = shape;
            this.tolerance = tolerance;
            int n = model.variableCount();
            int m = model.constraintCount();
            lower = model.lowerBounds();
            upper = model.upperBounds();
            lowerSource = new int[n];
            upperSource = new int[n];
            Arrays.fill(lowerSource, NONE);
            Arrays.fill(upperSource, NONE);
            value = new double[n];
            rowLower = model.rowLowerBounds();
            rowUpper = model.rowUpperBounds();
            entries = new int[m];
            removedColumns = new BitSet(n);
            removedRows = new BitSet(m);
            logRow = new int[m];
            logHow = new Removal[m];
            logColumn = new int[m];
        }

        void run() {
            for (int i = 0; i < model.constraintCount(); i++) {
                entries[i] = shape.rowStart[i + 1] - shape.rowStart[i];
                if (rowLower[i] == Double.NEGATIVE_INFINITY && rowUpper[i] == Double.POSITIVE_INFINITY) {
                    remove(i, Removal.EMPTY, NONE); // a free row constrains nothing
                } else {
                    queueIfShort(i);
                }
            }
            for (int j = 0; j < model.variableCount(); j++) {
                if (lower[j] == upper[j]) {
                    fix(j, lower[j]);
                }
            }
            while (conflictRows.isEmpty() && conflictVariables.isEmpty()
                    && (!fixedQueue.isEmpty() || !singletonQueue.isEmpty())) {
                if (!fixedQueue.isEmpty()) {
                    substitute(fixedQueue.poll());
                } else {
                    singleton(singletonQueue.poll());
                }
            }
        }

        private void queueIfShort(int i) {
            if (entries[i] == 1) {
                singletonQueue.add(i);
            } else if (entries[i] == 0) {
                empty(i);
            }
        }

        private void fix(int j, double at) {
            value[j] = at;
            removedColumns.set(j);
            fixedQueue.add(j);
        }

        /** Moves fixed variable j into the bounds of its rows. */
        private void substitute(int j) {
            for (int slot = shape.columnStart[j]; slot < shape.columnStart[j + 1]; slot++) {
                int i = shape.row[slot];
                if (removedRows.get(i)) {
                    continue;
                }
                double shift = shape.columnValue[slot] * value[j];
                rowLower[i] -= shift; // an infinite bound stays infinite
                rowUpper[i] -= shift;
                entries[i]--;
                queueIfShort(i);
            }
        }

        /** A row with one variable left: an equality fixes it, any other row bounds it. */
        private void singleton(int i) {
            if (removedRows.get(i) || entries[i] != 1) {
                return;
            }
            int j = NONE;
            double a = 0.0;
            for (int k = shape.rowStart[i]; k < shape.rowStart[i + 1]; k++) {
                if (!removedColumns.get(shape.column[k])) {
                    j = shape.column[k];
                    a = shape.value[k];
                }
            }
            if (model.isEquality(i)) {
                double fixed = rowLower[i] / a;
                if (fixed < lower[j] - slack(lower[j]) || fixed > upper[j] + slack(upper[j])) {
                    conflictRows.add(i);
                    reason = "row '" + model.constraintName(i) + "' fixes '" + model.variableName(j) + "' at "
                            + fixed + ", outside its bounds [" + lower[j] + ", " + upper[j] + "]";
                    return;
                }
                remove(i, Removal.FIXING, j);
                fix(j, Math.max(lower[j], Math.min(upper[j], fixed)));
                return;
            }
            double impliedLower = (a > 0 ? rowLower[i] : rowUpper[i]) / a;
            double impliedUpper = (a > 0 ? rowUpper[i] : rowLower[i]) / a;
            if (impliedLower > lower[j]) {
                lower[j] = impliedLower;
                lowerSource[j] = i;
            }
            if (impliedUpper < upper[j]) {
                upper[j] = impliedUpper;
                upperSource[j] = i;
            }
            remove(i, Removal.BOUND, j);
            if (lower[j] > upper[j] + slack(upper[j])) {
                boundConflict(j);
            } else if (lower[j] >= upper[j]) {
                fix(j, upper[j]);
            }
        }

        private void boundConflict(int j) {
            for (int source : new int[] {lowerSource[j], upperSource[j]}) {
                if (source != NONE) {
                    conflictRows.add(source);
                }
            }
            if (lowerSource[j] == NONE || upperSource[j] == NONE) {
                conflictVariables.add(j);
            }
            reason = "the rows bounding '" + model.variableName(j) + "' leave it no value: lower bound "
                    + lower[j] + " > upper bound " + upper[j];
        }

        /** A row without variables holds if 0 lies within its (shifted) bounds. */
        private void empty(int i) {
            if (rowLower[i] <= slack(model.rowLower(i)) && rowUpper[i] >= -slack(model.rowUpper(i))) {
                remove(i, Removal.EMPTY, NONE);
            } else {
                conflictRows.add(i);
                reason = "row '" + model.constraintName(i) + "' needs an activity in [" + rowLower[i] + ", "
                        + rowUpper[i] + "] once fixed variables are substituted, but has no variable left";
            }
        }

        private double slack(double bound) {
            return tolerance * (1.0 + (Double.isFinite(bound) ? Math.abs(bound) : 0.0));
        }

        private void remove(int i, Removal how, int column) {
            removedRows.set(i);
            logRow[logged] = i;
            logHow[logged] = how;
            logColumn[logged] = column;
            logged++;
        }

        /** Removed columns then removed rows: what decides the reduced structure. */
        BitSet pattern() {
            int n = model.variableCount();
            BitSet pattern = (BitSet) removedColumns.clone();
            for (int i = removedRows.nextSetBit(0); i >= 0; i = removedRows.nextSetBit(i + 1)) {
                pattern.set(n + i);
            }
            return pattern;
        }

        List<Origin> conflicts() {
            List<Origin> origins = new ArrayList<>();
            for (int i : conflictRows) {
                origins.add(model.structure().constraintOrigins().get(i));
            }
            for (int j : conflictVariables) {
                origins.add(model.structure().variableOrigins().get(j));
            }
            return origins;
        }

        Presolved reduced(QpModel.Structure structure) {
            int kept = structure.variableCount();
            double[] lo = new double[kept];
            double[] up = new double[kept];
            double[] linear = new double[kept];
            double[] quadratic = new double[kept];
            int[] keptColumns = new int[kept];
            double constant = model.constant();
            for (int j = 0, r = 0; j < model.variableCount(); j++) {
                if (removedColumns.get(j)) {
                    constant += (model.quadratic(j) * value[j] + model.linear(j)) * value[j];
                    continue;
                }
                keptColumns[r] = j;
                lo[r] = lower[j];
                up[r] = upper[j];
                linear[r] = model.linear(j);
                quadratic[r] = model.quadratic(j);
                r++;
            }
            int[] keptRows = new int[structure.constraintCount()];
            double[] rl = new double[keptRows.length];
            double[] ru = new double[keptRows.length];
            for (int i = 0, r = 0; i < model.constraintCount(); i++) {
                if (!removedRows.get(i)) {
                    keptRows[r] = i;
                    rl[r] = rowLower[i];
                    ru[r] = rowUpper[i];
                    r++;
                }
            }
            QpModel reducedModel = new QpModel(structure, lo, up, linear, quadratic, constant, rl, ru);
            Presolved.WayBack wayBack = new Presolved.WayBack(shape, value, keptColumns, keptRows,
                    Arrays.copyOf(logRow, logged), Arrays.copyOf(logHow, logged), Arrays.copyOf(logColumn, logged),
                    lowerSource, upperSource);
            return Presolved.reduced(model, reducedModel, wayBack);
        }
    }
}
