package agora.solver;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link QpModel} one variable and one row at a time. Indices are handed out in call
 * order, so the model is deterministic for a deterministic caller.
 */
public final class QpModelBuilder {
    private final List<String> variableNames = new ArrayList<>();
    private final List<Origin> variableOrigins = new ArrayList<>();
    private final List<String> constraintNames = new ArrayList<>();
    private final List<Origin> constraintOrigins = new ArrayList<>();
    private final DoubleList lower = new DoubleList();
    private final DoubleList upper = new DoubleList();
    private final DoubleList linear = new DoubleList();
    private final DoubleList quadratic = new DoubleList();
    private final DoubleList rowLower = new DoubleList();
    private final DoubleList rowUpper = new DoubleList();
    private final List<Integer> rowStart = new ArrayList<>(List.of(0));
    private final List<Integer> columns = new ArrayList<>();
    private final DoubleList coefficients = new DoubleList();
    private double constant;

    /** Adds a variable and returns its index. */
    public int addVariable(String name, Origin origin, double lowerBound, double upperBound,
                           double linearCost, double quadraticCost) {
        variableNames.add(name);
        variableOrigins.add(origin);
        lower.add(lowerBound);
        upper.add(upperBound);
        linear.add(linearCost);
        quadratic.add(quadraticCost);
        return variableNames.size() - 1;
    }

    /** Adds {@code rowLower <= sum coefficient[k] * x[column[k]] <= rowUpper}; returns its index. */
    public int addConstraint(String name, Origin origin, int[] column, double[] coefficient,
                             double lowerBound, double upperBound) {
        if (column.length != coefficient.length) {
            throw new IllegalArgumentException("row " + name + ": " + column.length
                    + " columns but " + coefficient.length + " coefficients");
        }
        constraintNames.add(name);
        constraintOrigins.add(origin);
        for (int k = 0; k < column.length; k++) {
            columns.add(column[k]);
            coefficients.add(coefficient[k]);
        }
        rowStart.add(columns.size());
        rowLower.add(lowerBound);
        rowUpper.add(upperBound);
        return constraintNames.size() - 1;
    }

    public int addEquality(String name, Origin origin, int[] column, double[] coefficient, double rhs) {
        return addConstraint(name, origin, column, coefficient, rhs, rhs);
    }

    public void addConstant(double value) {
        constant += value;
    }

    public int variableCount() {
        return variableNames.size();
    }

    public QpModel build() {
        int[] starts = rowStart.stream().mapToInt(Integer::intValue).toArray();
        int[] cols = columns.stream().mapToInt(Integer::intValue).toArray();
        QpModel.Structure structure = new QpModel.Structure(List.copyOf(variableNames),
                List.copyOf(variableOrigins), List.copyOf(constraintNames),
                List.copyOf(constraintOrigins), starts, cols, coefficients.toArray(),
                rowLower.toArray(), rowUpper.toArray());
        return new QpModel(structure, lower.toArray(), upper.toArray(), linear.toArray(),
                quadratic.toArray(), constant);
    }

    /** A growable primitive array: the builder handles large models (250,000 trades). */
    private static final class DoubleList {
        private double[] values = new double[16];
        private int size;

        void add(double v) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        double[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
