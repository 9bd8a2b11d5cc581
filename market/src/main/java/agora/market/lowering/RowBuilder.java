package agora.market.lowering;

import java.util.Arrays;

/**
 * Collects the entries of one constraint row from several {@link Terms}, in primitive arrays:
 * the full design lowers hundreds of thousands of rows.
 */
final class RowBuilder {
    private int[] columns = new int[4];
    private double[] coefficients = new double[4];
    private int size;

    RowBuilder add(Terms terms, double sign) {
        int[] termColumns = terms.columns();
        double[] termCoefficients = terms.coefficients();
        if (size + termColumns.length > columns.length) {
            int capacity = Math.max(2 * columns.length, size + termColumns.length);
            columns = Arrays.copyOf(columns, capacity);
            coefficients = Arrays.copyOf(coefficients, capacity);
        }
        for (int k = 0; k < termColumns.length; k++) {
            columns[size] = termColumns[k];
            coefficients[size++] = sign * termCoefficients[k];
        }
        return this;
    }

    int[] columns() {
        return Arrays.copyOf(columns, size);
    }

    double[] coefficients() {
        return Arrays.copyOf(coefficients, size);
    }
}
