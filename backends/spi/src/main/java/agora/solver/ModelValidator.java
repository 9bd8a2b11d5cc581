package agora.solver;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Checks that a {@link QpModel} is a well-formed convex QP before any backend sees it.
 *
 * <p>Who calls it: the market layer, once per lowered model and step, before handing the model to
 * a {@link SolverBackend}. Backends therefore trust their input (finite costs, consistent
 * arrays, in-range columns, lower &lt;= upper) and do not validate again. Tests that hand-build
 * models call it themselves.
 *
 * <p>Every problem names the variable or row, its {@link Origin} and the offending numbers, so
 * that the caller can map it back to the scenario. At most {@link #MAX_PROBLEMS} problems are
 * listed, followed by a count of the rest.
 */
public final class ModelValidator {

    /** The cap on listed problems: a broken lowering of 250,000 trades must not flood the user. */
    public static final int MAX_PROBLEMS = 50;

    private final QpModel model;
    private final QpModel.Structure structure;
    private final List<String> problems = new ArrayList<>();
    private int suppressed;

    private ModelValidator(QpModel model) {
        this.model = model;
        this.structure = model.structure();
    }

    /** Every problem of {@code model}, in variable then row order; empty when it is valid. */
    public static List<String> validate(QpModel model) {
        ModelValidator validator = new ModelValidator(model);
        validator.run();
        if (validator.suppressed > 0) {
            validator.problems.add("... and " + validator.suppressed + " more problems");
        }
        return Collections.unmodifiableList(validator.problems);
    }

    /**
     * Throws when {@code model} is not valid.
     *
     * @throws IllegalArgumentException listing every problem, one per line
     */
    public static void requireValid(QpModel model) {
        List<String> found = validate(model);
        if (!found.isEmpty()) {
            throw new IllegalArgumentException("invalid QP model:\n  " + String.join("\n  ", found));
        }
    }

    private void run() {
        if (!checkShapes()) {
            return;
        }
        checkScalar("objective constant", model.constant());
        for (int j = 0; j < model.variableCount(); j++) {
            checkVariable(j);
        }
        for (int i = 0; i < model.constraintCount(); i++) {
            checkRow(i);
        }
    }

    /** Array lengths must agree, else nothing else can be checked safely. */
    private boolean checkShapes() {
        int n = structure.variableCount();
        int m = structure.constraintCount();
        boolean ok = expectLength("variable origins", structure.variableOrigins().size(), n);
        ok &= expectLength("constraint origins", structure.constraintOrigins().size(), m);
        ok &= expectLength("lower bounds", model.lowerBounds().length, n);
        ok &= expectLength("upper bounds", model.upperBounds().length, n);
        ok &= expectLength("linear costs", model.linearCosts().length, n);
        ok &= expectLength("quadratic costs", model.quadraticCosts().length, n);
        ok &= expectLength("row lower bounds", structure.rowLower().length, m);
        ok &= expectLength("row upper bounds", structure.rowUpper().length, m);
        ok &= expectLength("step row lower bounds", model.rowLowerBounds().length, m);
        ok &= expectLength("step row upper bounds", model.rowUpperBounds().length, m);
        ok &= expectLength("row starts", structure.rowStart().length, m + 1);
        ok &= expectLength("matrix coefficients", structure.coefficient().length,
                structure.columnIndex().length);
        if (!ok) {
            return false;
        }
        int[] start = structure.rowStart();
        if (start[0] != 0 || start[m] != structure.columnIndex().length) {
            add("row starts must run from 0 to the number of non-zeros ("
                    + structure.columnIndex().length + "), found " + start[0] + " to " + start[m]);
            return false;
        }
        for (int i = 0; i < m; i++) {
            if (start[i + 1] < start[i]) {
                add("row starts decrease at row " + describeRow(i));
                return false;
            }
        }
        return true;
    }

    private boolean expectLength(String what, int actual, int expected) {
        if (actual != expected) {
            add(what + ": " + actual + " entries, expected " + expected);
            return false;
        }
        return true;
    }

    private void checkScalar(String what, double value) {
        if (!Double.isFinite(value)) {
            add(what + " is " + value + ", must be finite");
        }
    }

    private void checkVariable(int j) {
        double lower = model.lower(j);
        double upper = model.upper(j);
        double linear = model.linear(j);
        double quadratic = model.quadratic(j);
        // the name is built only for a problem: this runs for every variable of every step
        if (Double.isNaN(lower) || Double.isNaN(upper)) {
            add("variable " + describeVariable(j) + ": bound is NaN (lower " + lower + ", upper " + upper + ")");
        } else if (lower == Double.POSITIVE_INFINITY || upper == Double.NEGATIVE_INFINITY) {
            add("variable " + describeVariable(j) + ": bounds [" + lower + ", " + upper
                    + "] admit no finite value");
        } else if (lower > upper) {
            add("variable " + describeVariable(j) + ": lower bound " + lower + " > upper bound " + upper);
        }
        if (!Double.isFinite(linear)) {
            add("variable " + describeVariable(j) + ": linear cost is " + linear + ", must be finite");
        }
        if (!Double.isFinite(quadratic)) {
            add("variable " + describeVariable(j) + ": quadratic cost is " + quadratic + ", must be finite");
        } else if (quadratic < 0.0) {
            add("variable " + describeVariable(j) + ": quadratic cost " + quadratic
                    + " < 0 makes the objective non-convex");
        }
    }

    private void checkRow(int i) {
        int[] start = structure.rowStart();
        int[] column = structure.columnIndex();
        double[] coefficient = structure.coefficient();
        boolean hasNonZero = false;
        for (int k = start[i]; k < start[i + 1]; k++) {
            if (column[k] < 0 || column[k] >= model.variableCount()) {
                add("row " + describeRow(i) + ": column index " + column[k] + " out of range [0, "
                        + model.variableCount() + ")");
            }
            if (!Double.isFinite(coefficient[k])) {
                add("row " + describeRow(i) + ": coefficient " + coefficient[k] + " must be finite");
            } else if (coefficient[k] != 0.0) {
                hasNonZero = true;
            }
        }
        double lower = model.rowLower(i);
        double upper = model.rowUpper(i);
        if (Double.isNaN(lower) || Double.isNaN(upper)) {
            add("row " + describeRow(i) + ": bound is NaN (lower " + lower + ", upper " + upper + ")");
        } else if (lower == Double.POSITIVE_INFINITY || upper == Double.NEGATIVE_INFINITY) {
            add("row " + describeRow(i) + ": bounds [" + lower + ", " + upper
                    + "] admit no finite activity");
        } else if (lower > upper) {
            add("row " + describeRow(i) + ": lower bound " + lower + " > upper bound " + upper);
        } else if (!hasNonZero && (lower > 0.0 || upper < 0.0)) {
            add("row " + describeRow(i) + ": has no non-zero coefficient, so its activity is 0, "
                    + "outside its bounds [" + lower + ", " + upper + "]");
        } else if (!sameKind(lower, upper, structure.rowLower()[i], structure.rowUpper()[i])) {
            add("row " + describeRow(i) + ": step bounds [" + lower + ", " + upper + "] are not of the kind "
                    + "of the structure's [" + structure.rowLower()[i] + ", " + structure.rowUpper()[i]
                    + "] (equality, finite or infinite sides)");
        }
    }

    /** Equality or not, and which sides are finite: what backends may cache with the structure. */
    private static boolean sameKind(double lower, double upper, double structureLower, double structureUpper) {
        return (lower == upper) == (structureLower == structureUpper)
                && Double.isInfinite(lower) == Double.isInfinite(structureLower)
                && Double.isInfinite(upper) == Double.isInfinite(structureUpper);
    }

    private String describeVariable(int j) {
        return "'" + model.variableName(j) + "' [" + structure.variableOrigins().get(j) + "]";
    }

    private String describeRow(int i) {
        return "'" + model.constraintName(i) + "' [" + structure.constraintOrigins().get(i) + "]";
    }

    private void add(String problem) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(problem);
        } else {
            suppressed++;
        }
    }
}
