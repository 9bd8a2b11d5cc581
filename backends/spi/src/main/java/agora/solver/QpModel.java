package agora.solver;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A solver-neutral convex quadratic program with a separable objective:
 *
 * <pre>
 *   minimise   sum_j quadratic[j] * x_j^2 + linear[j] * x_j + constant
 *   subject to rowLower[i] <= sum_j A[i][j] x_j <= rowUpper[i]
 *              lower[j] <= x_j <= upper[j]
 * </pre>
 *
 * Bounds may be infinite ({@link Double#NEGATIVE_INFINITY} / {@link Double#POSITIVE_INFINITY}).
 * The constraint matrix is stored row-wise (CSR). The structure (names, origins, matrix, and the
 * kind of each row) is shared between time steps; {@link #withStepData} swaps only bounds and
 * costs, so a backend may cache whatever it derives from the structure, keyed on
 * {@link #structure()}.
 *
 * <p>Row bounds: the structure's row bounds are the model's unless a step gives its own (a
 * presolved model shifts them by the fixed variables it removed, {@link Presolve}). A step's row
 * bounds keep each row's kind as the structure has it: an equality stays an equality, an infinite
 * side stays infinite and a finite one finite ({@link ModelValidator} checks it), so what a
 * backend derives from the kinds may be cached with the structure.
 */
public final class QpModel {

    /** The part of a model that does not change between time steps. */
    public record Structure(
            List<String> variableNames,
            List<Origin> variableOrigins,
            List<String> constraintNames,
            List<Origin> constraintOrigins,
            int[] rowStart,
            int[] columnIndex,
            double[] coefficient,
            double[] rowLower,
            double[] rowUpper) {

        public int variableCount() {
            return variableNames.size();
        }

        public int constraintCount() {
            return constraintNames.size();
        }
    }

    private final Structure structure;
    private final double[] lower;
    private final double[] upper;
    private final double[] linear;
    private final double[] quadratic;
    private final double constant;
    private final double[] rowLower;
    private final double[] rowUpper;

    /** A model whose row bounds are the structure's. */
    public QpModel(Structure structure, double[] lower, double[] upper, double[] linear,
                   double[] quadratic, double constant) {
        this(structure, lower, upper, linear, quadratic, constant, structure.rowLower, structure.rowUpper);
    }

    /** A model with row bounds of its own, of the kinds the structure's have (see the class comment). */
    public QpModel(Structure structure, double[] lower, double[] upper, double[] linear,
                   double[] quadratic, double constant, double[] rowLower, double[] rowUpper) {
        this.structure = Objects.requireNonNull(structure);
        this.lower = lower;
        this.upper = upper;
        this.linear = linear;
        this.quadratic = quadratic;
        this.constant = constant;
        this.rowLower = rowLower;
        this.rowUpper = rowUpper;
    }

    /** The same structure and row bounds with other variable bounds and costs (the next time step). */
    public QpModel withStepData(double[] lower, double[] upper, double[] linear,
                                double[] quadratic, double constant) {
        return new QpModel(structure, lower, upper, linear, quadratic, constant, rowLower, rowUpper);
    }

    public Structure structure() {
        return structure;
    }

    public int variableCount() {
        return structure.variableCount();
    }

    public int constraintCount() {
        return structure.constraintCount();
    }

    public double lower(int j) {
        return lower[j];
    }

    public double upper(int j) {
        return upper[j];
    }

    public double linear(int j) {
        return linear[j];
    }

    public double quadratic(int j) {
        return quadratic[j];
    }

    public double constant() {
        return constant;
    }

    public double rowLower(int i) {
        return rowLower[i];
    }

    public double rowUpper(int i) {
        return rowUpper[i];
    }

    /** Whether row {@code i} is an equality, as its structure says (a step keeps row kinds). */
    public boolean isEquality(int i) {
        return structure.rowLower[i] == structure.rowUpper[i];
    }

    /** True if any variable has a non-zero quadratic cost. */
    public boolean hasQuadraticObjective() {
        for (double q : quadratic) {
            if (q != 0.0) {
                return true;
            }
        }
        return false;
    }

    /** Calls {@code visitor} for every non-zero of row {@code i}. */
    public void forEachInRow(int i, RowVisitor visitor) {
        for (int k = structure.rowStart[i]; k < structure.rowStart[i + 1]; k++) {
            visitor.accept(structure.columnIndex[k], structure.coefficient[k]);
        }
    }

    /** Row {@code i} times {@code x}. */
    public double rowActivity(int i, double[] x) {
        double sum = 0.0;
        for (int k = structure.rowStart[i]; k < structure.rowStart[i + 1]; k++) {
            sum += structure.coefficient[k] * x[structure.columnIndex[k]];
        }
        return sum;
    }

    /** The objective at {@code x}, constant included. */
    public double objective(double[] x) {
        double value = constant;
        for (int j = 0; j < x.length; j++) {
            value += (quadratic[j] * x[j] + linear[j]) * x[j];
        }
        return value;
    }

    public double[] lowerBounds() {
        return Arrays.copyOf(lower, lower.length);
    }

    public double[] upperBounds() {
        return Arrays.copyOf(upper, upper.length);
    }

    public double[] linearCosts() {
        return Arrays.copyOf(linear, linear.length);
    }

    public double[] quadraticCosts() {
        return Arrays.copyOf(quadratic, quadratic.length);
    }

    public double[] rowLowerBounds() {
        return Arrays.copyOf(rowLower, rowLower.length);
    }

    public double[] rowUpperBounds() {
        return Arrays.copyOf(rowUpper, rowUpper.length);
    }

    public String variableName(int j) {
        return structure.variableNames.get(j);
    }

    public String constraintName(int i) {
        return structure.constraintNames.get(i);
    }

    @FunctionalInterface
    public interface RowVisitor {
        void accept(int column, double coefficient);
    }
}
