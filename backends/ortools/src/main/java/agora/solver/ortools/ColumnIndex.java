package agora.solver.ortools;

import agora.solver.QpModel;

/**
 * The constraint matrix of a {@link QpModel.Structure} by column (CSC), built once per structure
 * and shared (it is never modified): {@link Presolve} walks the rows of a column it fixes.
 */
final class ColumnIndex {
    private final int[] columnStart;
    private final int[] rowIndex;
    private final double[] coefficient;

    ColumnIndex(QpModel.Structure structure) {
        int n = structure.variableCount();
        int nonZeros = structure.rowStart()[structure.constraintCount()];
        columnStart = new int[n + 1];
        for (int k = 0; k < nonZeros; k++) {
            columnStart[structure.columnIndex()[k] + 1]++;
        }
        for (int j = 0; j < n; j++) {
            columnStart[j + 1] += columnStart[j];
        }
        rowIndex = new int[nonZeros];
        coefficient = new double[nonZeros];
        int[] next = java.util.Arrays.copyOf(columnStart, n);
        for (int i = 0; i < structure.constraintCount(); i++) {
            for (int k = structure.rowStart()[i]; k < structure.rowStart()[i + 1]; k++) {
                int slot = next[structure.columnIndex()[k]]++;
                rowIndex[slot] = i;
                coefficient[slot] = structure.coefficient()[k];
            }
        }
    }

    int start(int column) {
        return columnStart[column];
    }

    int end(int column) {
        return columnStart[column + 1];
    }

    int row(int slot) {
        return rowIndex[slot];
    }

    double coefficient(int slot) {
        return coefficient[slot];
    }
}
