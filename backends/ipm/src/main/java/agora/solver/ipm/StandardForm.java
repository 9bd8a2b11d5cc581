package agora.solver.ipm;

import agora.solver.QpModel;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the interior-point method derives from a {@link QpModel.Structure} once and reuses for
 * every step: the equality form {@code [A -S] (x, s) = b} with one slack per non-equality row
 * ({@code s_i = a_i x}, bounded by the row's bounds; b and those bounds are the step's, the row
 * kinds the structure's), and the sparsity pattern and elimination
 * tree of the quasi-definite KKT matrix
 *
 * <pre>
 *   K = [ D + rho I    A'^T     ]      (upper triangle, column-compressed)
 *       [ A'           -delta I ]
 * </pre>
 *
 * The x block comes first; the rows follow in order of increasing length, a cheap minimum-degree
 * order (a market's two-entry reciprocity rows before its long balance rows keeps the fill to
 * one clique of balance rows). Immutable once built, so one instance serves all threads.
 */
final class StandardForm {
    final int variables;
    final int slacks;
    final int columns;
    final int rows;
    /** Row-compressed A' = [A -S], duplicates merged. */
    final int[] rowStart;
    final int[] column;
    final double[] value;
    /** For column j >= variables: the row whose slack it is. */
    final int[] slackRow;
    /** KKT pattern: column pointers and row indices of the upper triangle. */
    final int[] kktColumnStart;
    final int[] kktRowIndex;
    /** Where each row's coefficients and diagonal sit in the KKT value array. */
    final int[] kktRowValueStart;
    /** The KKT index of row i's dual (after the x block, by increasing row length). */
    final int[] kktRowPosition;
    final SparseLdl.Symbolic symbolic;

    StandardForm(QpModel.Structure structure) {
        variables = structure.variableCount();
        rows = structure.constraintCount();
        int slackCount = 0;
        for (int i = 0; i < rows; i++) {
            if (structure.rowLower()[i] != structure.rowUpper()[i]) {
                slackCount++;
            }
        }
        slacks = slackCount;
        columns = variables + slacks;
        slackRow = new int[slacks];
        rowStart = new int[rows + 1];
        int nonZeros = structure.coefficient().length + slacks;
        int[] col = new int[nonZeros];
        double[] val = new double[nonZeros];
        int next = 0;
        int slack = 0;
        for (int i = 0; i < rows; i++) {
            Map<Integer, Double> merged = new TreeMap<>();
            for (int k = structure.rowStart()[i]; k < structure.rowStart()[i + 1]; k++) {
                merged.merge(structure.columnIndex()[k], structure.coefficient()[k], Double::sum);
            }
            boolean equality = structure.rowLower()[i] == structure.rowUpper()[i];
            if (!equality) {
                slackRow[slack] = i;
                merged.put(variables + slack, -1.0);
                slack++;
            }
            for (Map.Entry<Integer, Double> entry : merged.entrySet()) {
                col[next] = entry.getKey();
                val[next] = entry.getValue();
                next++;
            }
            rowStart[i + 1] = next;
        }
        column = Arrays.copyOf(col, next);
        value = Arrays.copyOf(val, next);

        Integer[] order = new Integer[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> rowStart[i + 1] - rowStart[i]));
        kktRowPosition = new int[rows];
        kktColumnStart = new int[columns + rows + 1];
        kktRowIndex = new int[columns + next + rows];
        kktRowValueStart = new int[rows];
        for (int j = 0; j < columns; j++) {
            kktColumnStart[j + 1] = j + 1;
            kktRowIndex[j] = j;
        }
        int position = columns;
        for (int q = 0; q < rows; q++) {
            int i = order[q];
            kktRowPosition[i] = columns + q;
            kktRowValueStart[i] = position;
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                kktRowIndex[position++] = column[k];
            }
            kktRowIndex[position++] = columns + q;
            kktColumnStart[columns + q + 1] = position;
        }
        symbolic = new SparseLdl.Symbolic(kktSize(), kktColumnStart, kktRowIndex);
    }

    int kktSize() {
        return columns + rows;
    }

    /** Fills the A' and -delta entries of a KKT value array; the caller sets the x diagonal. */
    void fillConstraintValues(double[] kktValues, double delta) {
        for (int i = 0; i < rows; i++) {
            int position = kktRowValueStart[i];
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                kktValues[position++] = value[k];
            }
            kktValues[position] = -delta;
        }
    }

    /** out = A' x. */
    void multiply(double[] x, double[] out) {
        for (int i = 0; i < rows; i++) {
            double sum = 0.0;
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                sum += value[k] * x[column[k]];
            }
            out[i] = sum;
        }
    }

    /** out = A'^T y. */
    void multiplyTransposed(double[] y, double[] out) {
        Arrays.fill(out, 0.0);
        for (int i = 0; i < rows; i++) {
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                out[column[k]] += value[k] * y[i];
            }
        }
    }
}
