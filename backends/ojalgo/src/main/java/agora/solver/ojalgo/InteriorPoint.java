package agora.solver.ojalgo;

import agora.solver.QpModel;
import java.util.Arrays;

/**
 * Mehrotra's predictor-corrector primal-dual interior-point method for the separable QP in the
 * equality form of {@link StandardForm}: {@code min 1/2 x'Hx + c'x, A'x = b, lo <= x <= up}, with
 * H diagonal. Each iteration factors the regularised quasi-definite KKT matrix once
 * ({@link SparseLdl}, on the structure's cached elimination tree) and solves it twice (predictor,
 * corrector), each with one step of iterative refinement against the unregularised matrix.
 *
 * <p>Stationarity is kept as {@code Hx + c - A'^T y - zl + zu = 0}, the Lagrangian of
 * {@link agora.solver.KktCheck}, so {@code y} is directly d(objective)/d(rhs) and a slack row's
 * dual is the sensitivity to whichever of its bounds is active. A variable with equal bounds is
 * held at its value by a huge diagonal instead of barrier terms.
 *
 * <p>One instance per solve: not thread-safe, but holds no shared state.
 */
final class InteriorPoint {
    enum Outcome { OPTIMAL, PRIMAL_DIVERGED, DUAL_DIVERGED, ITERATION_LIMIT, TIME_LIMIT, NUMERICAL }

    record Result(Outcome outcome, double[] x, double[] y, int iterations) {
    }

    static final int MAX_ITERATIONS = 200;
    /** Primal and dual regularisation of the KKT matrix; refinement removes their bias. */
    private static final double RHO = 1e-9;
    private static final double DELTA = 1e-9;
    /** Diagonal that pins a fixed variable: its step is (A'^T dy)_j / PIN, i.e. nothing. */
    private static final double PIN = 1e20;
    private static final double STEP_TO_BOUNDARY = 0.995;
    /** Iterates beyond this (relative to the data) mean the problem has no finite optimum. */
    private static final double DIVERGENCE = 1e12;

    private final StandardForm form;
    private final int n;
    private final int m;
    private final double[] lo;
    private final double[] up;
    private final boolean[] hasLo;
    private final boolean[] hasUp;
    private final boolean[] fixed;
    private final double[] h;
    private final double[] c;
    private final double[] x;
    private final double[] y;
    private final double[] zl;
    private final double[] zu;
    private final double[] rd;
    private final double[] rp;
    private final double[] diagonal;
    private final double[] kktValues;
    private final double[] work;
    private final double[] dataScale = new double[2];
    private final SparseLdl factorisation;

    InteriorPoint(StandardForm form, QpModel model) {
        this.form = form;
        n = form.columns;
        m = form.rows;
        lo = new double[n];
        up = new double[n];
        hasLo = new boolean[n];
        hasUp = new boolean[n];
        fixed = new boolean[n];
        h = new double[n];
        c = new double[n];
        for (int j = 0; j < form.variables; j++) {
            lo[j] = model.lower(j);
            up[j] = model.upper(j);
            h[j] = 2.0 * model.quadratic(j);
            c[j] = model.linear(j);
        }
        for (int k = 0; k < form.slacks; k++) {
            lo[form.variables + k] = model.rowLower(form.slackRow[k]);
            up[form.variables + k] = model.rowUpper(form.slackRow[k]);
        }
        for (int j = 0; j < n; j++) {
            hasLo[j] = lo[j] != Double.NEGATIVE_INFINITY;
            hasUp[j] = up[j] != Double.POSITIVE_INFINITY;
            fixed[j] = lo[j] == up[j];
        }
        x = new double[n];
        y = new double[m];
        zl = new double[n];
        zu = new double[n];
        rd = new double[n];
        rp = new double[m];
        diagonal = new double[n];
        kktValues = new double[form.kktRowIndex.length];
        work = new double[Math.max(n, m)];
        factorisation = new SparseLdl(form.symbolic);
        double maxCost = 0.0;
        double maxRhs = 0.0;
        for (int j = 0; j < n; j++) {
            maxCost = Math.max(maxCost, Math.abs(c[j]));
        }
        for (int i = 0; i < m; i++) {
            maxRhs = Math.max(maxRhs, Math.abs(form.rhs[i]));
        }
        dataScale[0] = 1.0 + maxRhs;
        dataScale[1] = 1.0 + maxCost;
    }

    Result solve(double tolerance, long deadlineNanos) {
        initialise();
        double[] dx = new double[n];
        double[] dy = new double[m];
        double[] dzl = new double[n];
        double[] dzu = new double[n];
        double[] cl = new double[n];
        double[] cu = new double[n];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double mu = residuals();
            if (converged(mu, tolerance)) {
                return result(Outcome.OPTIMAL, iteration);
            }
            Outcome divergence = divergence();
            if (divergence != null) {
                return result(divergence, iteration);
            }
            if (System.nanoTime() > deadlineNanos) {
                return result(Outcome.TIME_LIMIT, iteration);
            }
            SparseLdl factor = factor();
            if (factor == null) {
                return result(Outcome.NUMERICAL, iteration);
            }
            // predictor: aim straight at complementarity 0
            Arrays.fill(cl, 0.0);
            Arrays.fill(cu, 0.0);
            direction(factor, cl, cu, dx, dy, dzl, dzu);
            double alphaAffine = stepLength(dx, dzl, dzu);
            double muAffine = complementarityAfter(alphaAffine, dx, dzl, dzu);
            double sigma = mu > 0 ? Math.pow(muAffine / mu, 3) : 0.0;
            // corrector: centre by sigma mu and cancel the predictor's second-order term
            for (int j = 0; j < n; j++) {
                cl[j] = sigma * mu - dx[j] * dzl[j];
                cu[j] = sigma * mu + dx[j] * dzu[j];
            }
            direction(factor, cl, cu, dx, dy, dzl, dzu);
            double alpha = Math.min(1.0, STEP_TO_BOUNDARY * stepLength(dx, dzl, dzu));
            for (int j = 0; j < n; j++) {
                x[j] += alpha * dx[j];
                zl[j] += alpha * dzl[j];
                zu[j] += alpha * dzu[j];
            }
            for (int i = 0; i < m; i++) {
                y[i] += alpha * dy[i];
            }
        }
        return result(Outcome.ITERATION_LIMIT, MAX_ITERATIONS);
    }

    private Result result(Outcome outcome, int iterations) {
        return new Result(outcome, Arrays.copyOf(x, form.variables), y.clone(), iterations);
    }

    /** A point strictly inside the bounds, with unit bound multipliers. */
    private void initialise() {
        for (int j = 0; j < n; j++) {
            if (fixed[j]) {
                x[j] = lo[j];
            } else if (hasLo[j] && hasUp[j]) {
                double margin = 0.1 * (up[j] - lo[j]);
                x[j] = Math.max(lo[j] + margin, Math.min(up[j] - margin, 0.0));
            } else if (hasLo[j]) {
                x[j] = Math.max(lo[j] + 1.0, 0.0);
            } else if (hasUp[j]) {
                x[j] = Math.min(up[j] - 1.0, 0.0);
            } else {
                x[j] = 0.0;
            }
            zl[j] = hasLo[j] && !fixed[j] ? 1.0 : 0.0;
            zu[j] = hasUp[j] && !fixed[j] ? 1.0 : 0.0;
        }
        Arrays.fill(y, 0.0);
    }

    /** Fills rd and rp; returns the average complementarity mu. */
    private double residuals() {
        form.multiply(x, work);
        for (int i = 0; i < m; i++) {
            rp[i] = form.rhs[i] - work[i];
        }
        form.multiplyTransposed(y, rd);
        double sum = 0.0;
        int count = 0;
        for (int j = 0; j < n; j++) {
            rd[j] = fixed[j] ? 0.0 : h[j] * x[j] + c[j] - rd[j] - zl[j] + zu[j];
            if (fixed[j]) {
                continue;
            }
            if (hasLo[j]) {
                sum += (x[j] - lo[j]) * zl[j];
                count++;
            }
            if (hasUp[j]) {
                sum += (up[j] - x[j]) * zu[j];
                count++;
            }
        }
        return count == 0 ? 0.0 : sum / count;
    }

    private boolean converged(double mu, double tolerance) {
        double primal = maxAbs(rp, m) / (dataScale[0] + maxAbs(x, n));
        double dual = maxAbs(rd, n) / (dataScale[1] + maxAbs(y, m));
        double objective = 0.0;
        for (int j = 0; j < n; j++) {
            objective += (0.5 * h[j] * x[j] + c[j]) * x[j];
        }
        int bounds = 0;
        for (int j = 0; j < n; j++) {
            bounds += (hasLo[j] && !fixed[j] ? 1 : 0) + (hasUp[j] && !fixed[j] ? 1 : 0);
        }
        double gap = mu * bounds / (1.0 + Math.abs(objective));
        return primal <= tolerance && dual <= tolerance && gap <= tolerance;
    }

    private Outcome divergence() {
        if (maxAbs(x, n) > DIVERGENCE * dataScale[0] * (1.0 + maxFiniteBound())) {
            return Outcome.PRIMAL_DIVERGED;
        }
        double duals = Math.max(maxAbs(y, m), Math.max(maxAbs(zl, n), maxAbs(zu, n)));
        return duals > DIVERGENCE * dataScale[1] ? Outcome.DUAL_DIVERGED : null;
    }

    private double maxFiniteBound() {
        double max = 0.0;
        for (int j = 0; j < n; j++) {
            if (hasLo[j]) {
                max = Math.max(max, Math.abs(lo[j]));
            }
            if (hasUp[j]) {
                max = Math.max(max, Math.abs(up[j]));
            }
        }
        return max;
    }

    /** Factors K with D = H + zl/(x - lo) + zu/(up - x); null when the factorisation fails. */
    private SparseLdl factor() {
        for (int j = 0; j < n; j++) {
            double d = h[j];
            if (fixed[j]) {
                d = PIN;
            } else {
                if (hasLo[j]) {
                    d += zl[j] / (x[j] - lo[j]);
                }
                if (hasUp[j]) {
                    d += zu[j] / (up[j] - x[j]);
                }
            }
            diagonal[j] = d;
            kktValues[j] = d + RHO;
        }
        form.fillConstraintValues(kktValues, DELTA);
        return factorisation.factor(form.kktColumnStart, form.kktRowIndex, kktValues) ? factorisation : null;
    }

    /**
     * Solves for the step that makes the lower complementarity products {@code cl} and the
     * upper ones {@code cu}. With xl = x - lo, xu = up - x, Newton's equations reduce to
     * {@code D dx - A'^T dy = -rd + (cl/xl - zl) - (cu/xu - zu)}, {@code A' dx = rp}, then
     * {@code dzl = (cl - xl zl - zl dx)/xl} and {@code dzu = (cu - xu zu + zu dx)/xu}.
     */
    private void direction(SparseLdl factor, double[] cl, double[] cu, double[] dx, double[] dy,
                           double[] dzl, double[] dzu) {
        double[] rhs = new double[n + m];
        for (int j = 0; j < n; j++) {
            if (fixed[j]) {
                continue;
            }
            double r = -rd[j];
            if (hasLo[j]) {
                r += cl[j] / (x[j] - lo[j]) - zl[j];
            }
            if (hasUp[j]) {
                r += -cu[j] / (up[j] - x[j]) + zu[j];
            }
            rhs[j] = r;
        }
        for (int i = 0; i < m; i++) {
            rhs[form.kktRowPosition[i]] = rp[i];
        }
        double[] solution = rhs.clone();
        factor.solve(solution);
        refine(factor, rhs, solution);
        for (int j = 0; j < n; j++) {
            dx[j] = solution[j];
        }
        for (int i = 0; i < m; i++) {
            dy[i] = -solution[form.kktRowPosition[i]]; // solved for -dy to keep K symmetric
        }
        for (int j = 0; j < n; j++) {
            dzl[j] = hasLo[j] && !fixed[j] ? (cl[j] - (x[j] - lo[j]) * zl[j] - zl[j] * dx[j]) / (x[j] - lo[j]) : 0.0;
            dzu[j] = hasUp[j] && !fixed[j] ? (cu[j] - (up[j] - x[j]) * zu[j] + zu[j] * dx[j]) / (up[j] - x[j]) : 0.0;
        }
    }

    /** One step of iterative refinement against the unregularised KKT matrix. */
    private void refine(SparseLdl factor, double[] rhs, double[] solution) {
        double[] residual = new double[n + m];
        double[] product = new double[m];
        form.multiply(solution, product);
        double[] transposed = new double[n];
        double[] w = new double[m];
        for (int i = 0; i < m; i++) {
            w[i] = solution[form.kktRowPosition[i]];
        }
        form.multiplyTransposed(w, transposed);
        for (int j = 0; j < n; j++) {
            residual[j] = rhs[j] - diagonal[j] * solution[j] - transposed[j];
        }
        for (int i = 0; i < m; i++) {
            int position = form.kktRowPosition[i];
            residual[position] = rhs[position] - product[i];
        }
        factor.solve(residual);
        for (int k = 0; k < n + m; k++) {
            solution[k] += residual[k];
        }
    }

    /** The largest step in [0, 1] keeping bound slacks and multipliers non-negative. */
    private double stepLength(double[] dx, double[] dzl, double[] dzu) {
        double alpha = 1.0;
        for (int j = 0; j < n; j++) {
            if (fixed[j]) {
                continue;
            }
            if (hasLo[j]) {
                alpha = limit(alpha, x[j] - lo[j], dx[j]);
                alpha = limit(alpha, zl[j], dzl[j]);
            }
            if (hasUp[j]) {
                alpha = limit(alpha, up[j] - x[j], -dx[j]);
                alpha = limit(alpha, zu[j], dzu[j]);
            }
        }
        return alpha;
    }

    private static double limit(double alpha, double value, double change) {
        return change < 0 ? Math.min(alpha, -value / change) : alpha;
    }

    private double complementarityAfter(double alpha, double[] dx, double[] dzl, double[] dzu) {
        double sum = 0.0;
        int count = 0;
        for (int j = 0; j < n; j++) {
            if (fixed[j]) {
                continue;
            }
            if (hasLo[j]) {
                sum += (x[j] - lo[j] + alpha * dx[j]) * (zl[j] + alpha * dzl[j]);
                count++;
            }
            if (hasUp[j]) {
                sum += (up[j] - x[j] - alpha * dx[j]) * (zu[j] + alpha * dzu[j]);
                count++;
            }
        }
        return count == 0 ? 0.0 : sum / count;
    }

    private static double maxAbs(double[] values, int length) {
        double max = 0.0;
        for (int k = 0; k < length; k++) {
            max = Math.max(max, Math.abs(values[k]));
        }
        return max;
    }
}
