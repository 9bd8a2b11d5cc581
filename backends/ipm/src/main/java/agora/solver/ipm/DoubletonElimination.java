package agora.solver.ipm;

import agora.solver.QpModel;
import agora.solver.QpSolution;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Eliminates equality rows of two variables, {@code ca x_a + cb x_b = r}, by substituting
 * {@code x_b = beta + alpha x_a} ({@code alpha = -ca/cb}, {@code beta = r/cb}) into the objective,
 * the other rows and the bounds of {@code x_a}. In a market these are the reciprocity rows
 * {@code P_nm + P_mn = 0}: eliminating them halves the trade variables and removes one row per
 * trading pair, so the KKT matrix of each interior-point iteration is about half the size and
 * the fill of its factor is the balance rows' alone.
 *
 * <p>The eliminated pairs are chosen once per structure: a row qualifies when neither of its
 * variables is in another eliminated row and no other row holds both (which could leave an empty
 * row behind). A step whose merged bounds of some {@code x_a} leave no interior (equal or crossing
 * bounds) is not reduced ({@link #reduce} returns null) and is solved as it is.
 *
 * <p>The way back: {@code x_b = beta + alpha x_a}; the eliminated row's dual makes the reduced
 * cost of one of its two variables zero. The reduced problem's reduced cost of {@code x_a} is
 * {@code rc_a + alpha rc_b}, so whichever variable's bound is the merged bound {@code x_a}
 * rests on keeps the whole of it and the other gets 0: both are then consistent with the full
 * model's bounds, as {@link agora.solver.KktCheck} checks them.
 *
 * <p>Immutable once built, shared by threads; the per-step data live in {@link Step}.
 */
final class DoubletonElimination {
    private final QpModel.Structure original;
    /** Eliminated rows, their kept and eliminated variables and coefficients, in parallel. */
    private final int[] row;
    private final int[] kept;
    private final int[] eliminated;
    private final double[] keptCoefficient;
    private final double[] eliminatedCoefficient;
    /** Index of each original variable in the reduced model, or -1 when eliminated. */
    private final int[] variableIndex;
    /** Index of each original row in the reduced model, or -1 when eliminated. */
    private final int[] rowIndex;
    /** For each eliminated variable: the pair it belongs to, else -1. */
    private final int[] pairOf;
    /** Whether a variable is in an eliminated row (kept or eliminated). */
    private final boolean[] member;
    private final QpModel.Structure reduced;
    /** For the row-bound shift: original CSR entries on eliminated variables, by original row. */
    private final int[] shiftRowStart;
    private final int[] shiftPair;
    private final double[] shiftCoefficient;

    /** Null when the structure has no eliminable row. */
    static DoubletonElimination of(QpModel.Structure structure) {
        DoubletonElimination e = new DoubletonElimination(structure);
        return e.row.length == 0 ? null : e;
    }

    private DoubletonElimination(QpModel.Structure s) {
        original = s;
        int n = s.variableCount();
        int m = s.constraintCount();
        int[] rowStart = s.rowStart();
        int[] columns = s.columnIndex();
        double[] coefficients = s.coefficient();
        // variables of each row, merged; a candidate row has exactly two with non-zero coefficients
        boolean[] used = new boolean[n];
        List<int[]> pairs = new ArrayList<>();

        List<double[]> pairCoefficients = new ArrayList<>();
        int[] candidateA = new int[m];
        int[] candidateB = new int[m];
        double[] candidateCa = new double[m];
        double[] candidateCb = new double[m];
        boolean[] candidate = new boolean[m];
        for (int i = 0; i < m; i++) {
            if (s.rowLower()[i] != s.rowUpper()[i]) {
                continue;
            }
            int a = -1;
            int b = -1;
            double ca = 0.0;
            double cb = 0.0;
            boolean more = false;
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                int j = columns[k];
                if (j == a || a == -1) {
                    a = j;
                    ca += coefficients[k];
                } else if (j == b || b == -1) {
                    b = j;
                    cb += coefficients[k];
                } else {
                    more = true;
                }
            }
            if (!more && a >= 0 && b >= 0 && ca != 0.0 && cb != 0.0 && Math.abs(ca) > Math.abs(cb)) {
                // eliminate the variable of the larger coefficient: |alpha| <= 1
                int swap = a;
                a = b;
                b = swap;
                double c = ca;
                ca = cb;
                cb = c;
            }
            if (!more && a >= 0 && b >= 0 && ca != 0.0 && cb != 0.0) {
                candidate[i] = true;
                candidateA[i] = a;
                candidateB[i] = b;
                candidateCa[i] = ca;
                candidateCb[i] = cb;
            }
        }
        // rows (other than its own) that hold both variables of a candidate disqualify it: the
        // substitution could leave them empty
        int[] candidatesOfStart = new int[n + 1];
        for (int i = 0; i < m; i++) {
            if (candidate[i]) {
                candidatesOfStart[candidateA[i] + 1]++;
                candidatesOfStart[candidateB[i] + 1]++;
            }
        }
        for (int j = 0; j < n; j++) {
            candidatesOfStart[j + 1] += candidatesOfStart[j];
        }
        int[] candidatesOf = new int[candidatesOfStart[n]];
        int[] filled = candidatesOfStart.clone();
        for (int i = 0; i < m; i++) {
            if (candidate[i]) {
                candidatesOf[filled[candidateA[i]]++] = i;
                candidatesOf[filled[candidateB[i]]++] = i;
            }
        }
        boolean[] shared = new boolean[m];
        int[] inRow = new int[n];
        Arrays.fill(inRow, -1);
        for (int i = 0; i < m; i++) {
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                inRow[columns[k]] = i;
            }
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                int j = columns[k];
                for (int q = candidatesOfStart[j]; q < candidatesOfStart[j + 1]; q++) {
                    int c = candidatesOf[q];
                    if (c != i) {
                        int other = j == candidateA[c] ? candidateB[c] : candidateA[c];
                        shared[c] |= inRow[other] == i;
                    }
                }
            }
        }
        // each variable in at most one eliminated row, so substitutions never chain
        for (int i = 0; i < m; i++) {
            if (!candidate[i] || shared[i]) {
                continue;
            }
            int a = candidateA[i];
            int b = candidateB[i];
            if (used[a] || used[b]) {
                continue;
            }
            used[a] = true;
            used[b] = true;
            pairs.add(new int[] {i, a, b});
            pairCoefficients.add(new double[] {candidateCa[i], candidateCb[i]});
        }
        int count = pairs.size();
        row = new int[count];
        kept = new int[count];
        eliminated = new int[count];
        keptCoefficient = new double[count];
        eliminatedCoefficient = new double[count];
        pairOf = new int[n];
        Arrays.fill(pairOf, -1);
        member = used;
        rowIndex = new int[m];
        variableIndex = new int[n];
        for (int p = 0; p < count; p++) {
            row[p] = pairs.get(p)[0];
            kept[p] = pairs.get(p)[1];
            eliminated[p] = pairs.get(p)[2];
            keptCoefficient[p] = pairCoefficients.get(p)[0];
            eliminatedCoefficient[p] = pairCoefficients.get(p)[1];
            pairOf[eliminated[p]] = p;
            rowIndex[row[p]] = -1;
        }
        int next = 0;
        for (int i = 0; i < m; i++) {
            rowIndex[i] = rowIndex[i] == -1 ? -1 : next++;
        }
        next = 0;
        for (int j = 0; j < n; j++) {
            variableIndex[j] = pairOf[j] >= 0 ? -1 : next++;
        }
        reduced = count == 0 ? null : reducedStructure(s, next);
        shiftRowStart = new int[m + 1];
        int entries = 0;
        for (int i = 0; i < m; i++) {
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                entries += rowIndex[i] >= 0 && pairOf[columns[k]] >= 0 ? 1 : 0;
            }
            shiftRowStart[i + 1] = entries;
        }
        shiftPair = new int[entries];
        shiftCoefficient = new double[entries];
        entries = 0;
        for (int i = 0; i < m; i++) {
            for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                if (rowIndex[i] >= 0 && pairOf[columns[k]] >= 0) {
                    shiftPair[entries] = pairOf[columns[k]];
                    shiftCoefficient[entries++] = coefficients[k];
                }
            }
        }
    }

    /** The reduced pattern: eliminated rows dropped, eliminated columns folded into their partners. */
    private QpModel.Structure reducedStructure(QpModel.Structure s, int variables) {
        int m = s.constraintCount();
        List<String> variableNames = new ArrayList<>(variables);
        List<agora.solver.Origin> variableOrigins = new ArrayList<>(variables);
        for (int j = 0; j < s.variableCount(); j++) {
            if (variableIndex[j] >= 0) {
                variableNames.add(s.variableNames().get(j));
                variableOrigins.add(s.variableOrigins().get(j));
            }
        }
        List<String> rowNames = new ArrayList<>();
        List<agora.solver.Origin> rowOrigins = new ArrayList<>();
        int[] start = new int[m - row.length + 1];
        int[] columns = new int[s.columnIndex().length];
        double[] values = new double[columns.length];
        double[] lower = new double[m - row.length];
        double[] upper = new double[m - row.length];
        double[] accumulated = new double[variables];
        int[] seen = new int[variables];
        Arrays.fill(seen, -1);
        int next = 0;
        for (int i = 0; i < m; i++) {
            int r = rowIndex[i];
            if (r < 0) {
                continue;
            }
            rowNames.add(s.constraintNames().get(i));
            rowOrigins.add(s.constraintOrigins().get(i));
            lower[r] = s.rowLower()[i];
            upper[r] = s.rowUpper()[i];
            int first = next;
            for (int k = s.rowStart()[i]; k < s.rowStart()[i + 1]; k++) {
                int j = s.columnIndex()[k];
                double c = s.coefficient()[k];
                int p = pairOf[j];
                int target = p >= 0 ? variableIndex[kept[p]] : variableIndex[j];
                double value = p >= 0 ? c * alpha(p) : c;
                if (seen[target] != r) {
                    seen[target] = r;
                    accumulated[target] = 0.0;
                    columns[next++] = target;
                }
                accumulated[target] += value;
            }
            for (int k = first; k < next; k++) {
                values[k] = accumulated[columns[k]];
            }
            start[r + 1] = next;
        }
        return new QpModel.Structure(List.copyOf(variableNames), List.copyOf(variableOrigins),
                List.copyOf(rowNames), List.copyOf(rowOrigins), start, Arrays.copyOf(columns, next),
                Arrays.copyOf(values, next), lower, upper);
    }

    private double alpha(int p) {
        return -keptCoefficient[p] / eliminatedCoefficient[p];
    }

    /**
     * The reduced model of one step, or null when some kept variable's merged bounds leave no
     * interior (the step is then solved unreduced).
     */
    Step reduce(QpModel model) {
        if (model.structure() != original) {
            throw new IllegalArgumentException("a model of another structure");
        }
        int pairs = row.length;
        int n = reduced.variableCount();
        double[] lower = new double[n];
        double[] upper = new double[n];
        double[] linear = new double[n];
        double[] quadratic = new double[n];
        double constant = model.constant();
        for (int j = 0; j < original.variableCount(); j++) {
            int v = variableIndex[j];
            if (v >= 0) {
                lower[v] = model.lower(j);
                upper[v] = model.upper(j);
                linear[v] = model.linear(j);
                quadratic[v] = model.quadratic(j);
            }
        }
        double[] beta = new double[pairs];
        boolean[] lowerFromEliminated = new boolean[pairs];
        boolean[] upperFromEliminated = new boolean[pairs];
        for (int p = 0; p < pairs; p++) {
            int a = variableIndex[kept[p]];
            int b = eliminated[p];
            double alpha = alpha(p);
            beta[p] = model.rowLower(row[p]) / eliminatedCoefficient[p];
            // x_b's bounds as bounds on x_a
            double low = alpha > 0 ? (model.lower(b) - beta[p]) / alpha : (model.upper(b) - beta[p]) / alpha;
            double high = alpha > 0 ? (model.upper(b) - beta[p]) / alpha : (model.lower(b) - beta[p]) / alpha;
            if (low > lower[a]) {
                lower[a] = low;
                lowerFromEliminated[p] = true;
            }
            if (high < upper[a]) {
                upper[a] = high;
                upperFromEliminated[p] = true;
            }
            if (!(lower[a] < upper[a])) {
                return null;
            }
            double q = model.quadratic(b);
            double c = model.linear(b);
            quadratic[a] += q * alpha * alpha;
            linear[a] += 2.0 * q * alpha * beta[p] + c * alpha;
            constant += (q * beta[p] + c) * beta[p];
        }
        int m = reduced.constraintCount();
        double[] rowLower = new double[m];
        double[] rowUpper = new double[m];
        for (int i = 0; i < original.constraintCount(); i++) {
            int r = rowIndex[i];
            if (r < 0) {
                continue;
            }
            double shift = 0.0;
            for (int k = shiftRowStart[i]; k < shiftRowStart[i + 1]; k++) {
                shift += shiftCoefficient[k] * beta[shiftPair[k]];
            }
            rowLower[r] = model.rowLower(i) - shift;
            rowUpper[r] = model.rowUpper(i) - shift;
        }
        QpModel out = new QpModel(reduced, lower, upper, linear, quadratic, constant, rowLower, rowUpper);
        return new Step(model, out, beta, lowerFromEliminated, upperFromEliminated);
    }

    /** One step's reduced model and what its way back needs. */
    final class Step {
        private final QpModel model;
        private final QpModel reducedModel;
        private final double[] beta;
        private final boolean[] lowerFromEliminated;
        private final boolean[] upperFromEliminated;

        private Step(QpModel model, QpModel reducedModel, double[] beta, boolean[] lowerFromEliminated,
                     boolean[] upperFromEliminated) {
            this.model = model;
            this.reducedModel = reducedModel;
            this.beta = beta;
            this.lowerFromEliminated = lowerFromEliminated;
            this.upperFromEliminated = upperFromEliminated;
        }

        QpModel reduced() {
            return reducedModel;
        }

        /** The solution of the model this step was reduced from. */
        QpSolution invert(QpSolution solution) {
            double[] xr = solution.primal();
            double[] yr = solution.duals();
            int n = original.variableCount();
            int m = original.constraintCount();
            double[] x = new double[n];
            double[] y = new double[m];
            for (int j = 0; j < n; j++) {
                int v = variableIndex[j];
                if (v >= 0) {
                    x[j] = xr[v];
                }
            }
            for (int p = 0; p < row.length; p++) {
                x[eliminated[p]] = beta[p] + alpha(p) * x[kept[p]];
            }
            for (int i = 0; i < m; i++) {
                y[i] = rowIndex[i] >= 0 ? yr[rowIndex[i]] : 0.0;
            }
            // rc_j = grad_j - sum over the kept rows of a_ij y_i, for the variables of the pairs
            double[] partial = new double[n];
            for (int p = 0; p < row.length; p++) {
                partial[kept[p]] = 2.0 * model.quadratic(kept[p]) * x[kept[p]] + model.linear(kept[p]);
                partial[eliminated[p]] = 2.0 * model.quadratic(eliminated[p]) * x[eliminated[p]]
                        + model.linear(eliminated[p]);
            }
            int[] rowStart = original.rowStart();
            int[] columns = original.columnIndex();
            double[] coefficients = original.coefficient();
            for (int i = 0; i < m; i++) {
                if (rowIndex[i] < 0 || y[i] == 0.0) {
                    continue;
                }
                for (int k = rowStart[i]; k < rowStart[i + 1]; k++) {
                    int j = columns[k];
                    if (member[j]) {
                        partial[j] -= coefficients[k] * y[i];
                    }
                }
            }
            for (int p = 0; p < row.length; p++) {
                double ra = partial[kept[p]];
                double rb = partial[eliminated[p]];
                // the reduced problem's reduced cost of x_a: positive at its merged lower bound
                double merged = ra + alpha(p) * rb;
                boolean eliminatedBound = merged > 0 ? lowerFromEliminated[p] : upperFromEliminated[p];
                // the variable whose bound is active keeps the reduced cost, the other gets 0
                y[row[p]] = eliminatedBound ? ra / keptCoefficient[p] : rb / eliminatedCoefficient[p];
            }
            return new QpSolution(solution.status(), model.objective(x), x, y, solution.message(),
                    solution.conflicts(), solution.iterations(), solution.seconds());
        }
    }
}
