package agora.solver.ipm;

import agora.solver.QpModel;
import java.util.Arrays;

/**
 * Mehrotra's predictor-corrector primal-dual interior-point method for the separable QP in the
 * equality form of {@link StandardForm}: {@code min 1/2 x'Hx + c'x, A'x = b, lo <= x <= up}, with
 * H diagonal. Each iteration factors the regularised quasi-definite KKT matrix once
 * ({@link SparseLdl}, on the structure's cached elimination tree) and solves it twice (predictor,
 * corrector), each followed by iterative refinement against the unregularised matrix.
 *
 * <p>Regularisation, the standard remedy for the degeneracy of market models: a static
 * {@code +rho} on the primal block keeps free variables (net positions without bounds or cost)
 * from giving zero pivots, a static {@code -delta} on the dual block keeps dependent equality
 * rows (balance rows that add up to reciprocity rows, for instance) from making K singular, and
 * pivots that cancellation still drives to zero or to the wrong sign are replaced in the
 * factorisation (dynamic regularisation, see {@link SparseLdl}). Refinement then solves the
 * unregularised system, so the regularisation biases no step.
 *
 * <p>Stationarity is kept as {@code Hx + c - A'^T y - zl + zu = 0}, the Lagrangian of
 * {@link agora.solver.KktCheck}, so {@code y} is directly d(objective)/d(rhs) and a slack row's
 * dual is the sensitivity to whichever of its bounds is active.
 *
 * <p>The model must come from {@link agora.solver.Presolve}: no variable has equal bounds (a fixed
 * variable has no interior for the barrier) and no row is left without a variable. The variables
 * that rows pin to a bound (a calm wind farm's pool sale) are fixed there too; before that
 * presolve was shared, this class had its own copy.
 *
 * <p>One instance per solve: not thread-safe, but holds no shared state.
 */
final class InteriorPoint {
    enum Outcome { OPTIMAL, PRIMAL_DIVERGED, DUAL_DIVERGED, ITERATION_LIMIT, TIME_LIMIT, NUMERICAL }

    record Result(Outcome outcome, double[] x, double[] y, int iterations) {
    }

    static final int MAX_ITERATIONS = 200;
    /**
     * Static primal and dual regularisation of the KKT matrix; refinement removes their bias.
     * The dual one must stay far below 1/D for the barrier diagonals D of the middle iterations
     * (1e8-1e12): with delta x D >= 1 the regularised solve barely enforces A' dx = rp, refinement
     * converges too slowly, and a variable the rows force a hair's breadth off its bound (a
     * member's 2e-6 MW sale in a pool) is driven onto the bound while the primal residual stalls.
     * 1e-14 still did that to 1e-9 MW sales (community step 802 of ieee14: their balance duals
     * grew to 1e6 and the KKT check's duality gap to 1.3e-6); 1e-16 solves them in as many
     * iterations as before on every fixture.
     */
    record Regularisation(double primal, double dual) {
        static final Regularisation DEFAULT = new Regularisation(1e-8, 1e-16);
        /** The second attempt after a breakdown or stall: a weaker primal, a stronger dual term. */
        static final Regularisation FALLBACK = new Regularisation(1e-10, 1e-12);
    }

    /**
     * A pivot of the wrong sign or smaller than this becomes +-DYNAMIC_REGULARISATION; exact
     * pivots are at least the static regularisation, so only cancellation triggers it.
     */
    private static final double PIVOT_THRESHOLD = 1e-20;
    private static final double DYNAMIC_REGULARISATION = 1e-10;
    private static final int MAX_REFINEMENTS = 6;
    private static final double REFINEMENT_TOLERANCE = 1e-14;
    private static final double STEP_TO_BOUNDARY = 0.995;
    /**
     * Stall safeguard: Mehrotra's predictor-corrector can fall into a 2-cycle on degenerate
     * markets. On ieee14 community step 10312 the absolute-value pairs s, u of the pools' grid
     * trades (cost 0.001 $/MWh each, a direction of the null space with almost no cost) swung
     * between 130 and 240 MW while mu alternated 0.36 / 0.8 for 200 iterations; plain centred
     * Newton steps, taken when mu has not fallen below STALL_PROGRESS of its value two
     * iterations before, break the cycle (15 iterations).
     */
    private static final double STALL_PROGRESS = 0.5;
    private static final double STALL_CENTRING = 0.1;
    /** Iterates beyond this (relative to the data) mean the problem has no finite optimum. */
    private static final double DIVERGENCE = 1e12;

    private final StandardForm form;
    private final double rho;
    private final double delta;
    private final int n;
    private final int m;
    private final double[] lo;
    private final double[] up;
    private final boolean[] hasLo;
    private final boolean[] hasUp;
    /** b: the equality rows' right-hand sides (this step's bounds), 0 for slack rows. */
    private final double[] b;
    private final double[] h;
    private final double[] c;
    private final double[] x;
    private final double[] y;
    /**
     * Distances to the bounds, x - lo and up - x, kept as iterates of their own: recomputed from
     * x they would round to 0 near a bound of large magnitude (x = 50 + 1e-15 is 50).
     */
    private final double[] sl;
    private final double[] su;
    private final double[] zl;
    private final double[] zu;
    private final double[] rd;
    private final double[] rp;
    private final double[] kktValues;
    /** Right-hand side, solutions and residuals of the KKT solves, reused by every iteration. */
    private final double[] rhs;
    private final double[] solution;
    private final double[] candidate;
    private final double[] correction;
    private final double[] product;
    private double[] residual;
    private double[] candidateResidual;
    private int dynamicPivots;
    private double pairTolerance;
    private final double[] work;
    private final double[] dataScale = new double[2];
    /** Constants of the model, computed once: the number of bound pairs and the largest finite bound. */
    private final int boundCount;
    private final double largestBound;
    private final SparseLdl factorisation;

    InteriorPoint(StandardForm form, QpModel model, Regularisation regularisation) {
        this.form = form;
        rho = regularisation.primal();
        delta = regularisation.dual();
        n = form.columns;
        m = form.rows;
        lo = new double[n];
        up = new double[n];
        hasLo = new boolean[n];
        hasUp = new boolean[n];
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
        }
        b = new double[m];
        for (int i = 0; i < m; i++) {
            b[i] = model.isEquality(i) ? model.rowLower(i) : 0.0;
        }
        x = new double[n];
        y = new double[m];
        sl = new double[n];
        su = new double[n];
        zl = new double[n];
        zu = new double[n];
        rd = new double[n];
        rp = new double[m];
        rhs = new double[n + m];
        solution = new double[n + m];
        candidate = new double[n + m];
        correction = new double[n + m];
        product = new double[n + m];
        residual = new double[n + m];
        candidateResidual = new double[n + m];
        kktValues = new double[form.kktRowIndex.length];
        work = new double[Math.max(n, m)];
        factorisation = new SparseLdl(form.symbolic);
        double maxCost = 0.0;
        double maxRhs = 0.0;
        for (int j = 0; j < n; j++) {
            maxCost = Math.max(maxCost, Math.abs(c[j]));
        }
        for (int i = 0; i < m; i++) {
            maxRhs = Math.max(maxRhs, Math.abs(b[i]));
        }
        dataScale[0] = 1.0 + maxRhs;
        dataScale[1] = 1.0 + maxCost;
        int bounds = 0;
        for (int j = 0; j < n; j++) {
            bounds += (hasLo[j] ? 1 : 0) + (hasUp[j] ? 1 : 0);
        }
        boundCount = bounds;
        largestBound = maxFiniteBound();
        // the constraint block of K is the same in every iteration; factor() sets only the x diagonal
        form.fillConstraintValues(kktValues, delta);
    }

    /**
     * Iterates until the scaled primal and dual residuals and the average complementarity are at
     * most {@code tolerance}, and every bound's complementarity pair, scaled as in
     * {@link agora.solver.KktCheck} (min of multiplier and slack), is at most {@code pairTolerance}:
     * on degenerate pairs (both tending to 0) the average alone leaves min(s, z) near sqrt(mu).
     */
    Result solve(double tolerance, double pairTolerance, long deadlineNanos) {
        this.pairTolerance = pairTolerance;
        initialise();
        double[] dx = new double[n];
        double[] dy = new double[m];
        double[] dzl = new double[n];
        double[] dzu = new double[n];
        double[] cl = new double[n];
        double[] cu = new double[n];
        double[] muBefore = new double[2]; // mu of the last two iterations, by parity
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
            // Mehrotra's heuristic can cycle; when two iterations did not halve mu, take a plain
            // centred Newton step instead (no second-order term, sigma at least STALL_CENTRING)
            boolean stalled = iteration >= 2 && mu > STALL_PROGRESS * muBefore[iteration % 2];
            muBefore[iteration % 2] = mu;
            double secondOrder = stalled ? 0.0 : 1.0;
            sigma = stalled ? Math.max(sigma, STALL_CENTRING) : sigma;
            // corrector: centre by sigma mu and cancel the predictor's second-order term
            for (int j = 0; j < n; j++) {
                cl[j] = sigma * mu - secondOrder * dx[j] * dzl[j];
                cu[j] = sigma * mu + secondOrder * dx[j] * dzu[j];
            }
            direction(factor, cl, cu, dx, dy, dzl, dzu);
            double alpha = Math.min(1.0, STEP_TO_BOUNDARY * stepLength(dx, dzl, dzu));
            for (int j = 0; j < n; j++) {
                x[j] += alpha * dx[j];
                sl[j] += alpha * dx[j];
                su[j] -= alpha * dx[j];
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
            if (hasLo[j] && hasUp[j]) {
                double margin = 0.1 * (up[j] - lo[j]);
                x[j] = Math.max(lo[j] + margin, Math.min(up[j] - margin, 0.0));
            } else if (hasLo[j]) {
                x[j] = Math.max(lo[j] + 1.0, 0.0);
            } else if (hasUp[j]) {
                x[j] = Math.min(up[j] - 1.0, 0.0);
            } else {
                x[j] = 0.0;
            }
            sl[j] = x[j] - lo[j];
            su[j] = up[j] - x[j];
            zl[j] = hasLo[j] ? 1.0 : 0.0;
            zu[j] = hasUp[j] ? 1.0 : 0.0;
        }
        Arrays.fill(y, 0.0);
    }

    /** Fills rd and rp; returns the average complementarity mu. */
    private double residuals() {
        form.multiply(x, work);
        for (int i = 0; i < m; i++) {
            rp[i] = b[i] - work[i];
        }
        form.multiplyTransposed(y, rd);
        double sum = 0.0;
        int count = 0;
        for (int j = 0; j < n; j++) {
            rd[j] = h[j] * x[j] + c[j] - rd[j] - zl[j] + zu[j];
            if (hasLo[j]) {
                sum += sl[j] * zl[j];
                count++;
            }
            if (hasUp[j]) {
                sum += su[j] * zu[j];
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
        double gap = mu * boundCount / (1.0 + Math.abs(objective));
        return primal <= tolerance && dual <= tolerance && gap <= tolerance && pairsComplementary();
    }

    private boolean pairsComplementary() {
        double dualScale = maxAbs(y, m);
        for (int j = 0; j < form.variables; j++) {
            dualScale = Math.max(dualScale, Math.abs(h[j] * x[j] + c[j]));
        }
        dualScale += 1.0;
        for (int j = 0; j < n; j++) {
            if (hasLo[j] && Math.min(zl[j] / dualScale, sl[j] / (1.0 + Math.abs(lo[j]))) > pairTolerance) {
                return false;
            }
            if (hasUp[j] && Math.min(zu[j] / dualScale, su[j] / (1.0 + Math.abs(up[j]))) > pairTolerance) {
                return false;
            }
        }
        return true;
    }

    private Outcome divergence() {
        if (maxAbs(x, n) > DIVERGENCE * dataScale[0] * (1.0 + largestBound)) {
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

    /**
     * Factors K with D = H + zl/(x - lo) + zu/(up - x). Null when the factorisation breaks down
     * (a non-finite pivot).
     */
    private SparseLdl factor() {
        for (int j = 0; j < n; j++) {
            double d = h[j];
            if (hasLo[j]) {
                d += zl[j] / sl[j];
            }
            if (hasUp[j]) {
                d += zu[j] / su[j];
            }
            kktValues[j] = d + rho;
        }
        int replaced = factorisation.factor(form.kktColumnStart, form.kktRowIndex, kktValues, n,
                PIVOT_THRESHOLD, DYNAMIC_REGULARISATION);
        if (replaced < 0) {
            return null;
        }
        dynamicPivots += replaced;
        return factorisation;
    }

    /**
     * Solves for the step that makes the lower complementarity products {@code cl} and the
     * upper ones {@code cu}. With xl = x - lo, xu = up - x, Newton's equations reduce to
     * {@code D dx - A'^T dy = -rd + (cl/xl - zl) - (cu/xu - zu)}, {@code A' dx = rp}, then
     * {@code dzl = (cl - xl zl - zl dx)/xl} and {@code dzu = (cu - xu zu + zu dx)/xu}.
     */
    private void direction(SparseLdl factor, double[] cl, double[] cu, double[] dx, double[] dy,
                           double[] dzl, double[] dzu) {
        for (int j = 0; j < n; j++) {
            double r = -rd[j];
            if (hasLo[j]) {
                r += cl[j] / sl[j] - zl[j];
            }
            if (hasUp[j]) {
                r += -cu[j] / su[j] + zu[j];
            }
            rhs[j] = r;
        }
        for (int i = 0; i < m; i++) {
            rhs[form.kktRowPosition[i]] = rp[i];
        }
        double[] solution = solveRefined(factor);
        for (int j = 0; j < n; j++) {
            dx[j] = solution[j];
        }
        for (int i = 0; i < m; i++) {
            dy[i] = -solution[form.kktRowPosition[i]]; // solved for -dy to keep K symmetric
        }
        for (int j = 0; j < n; j++) {
            dzl[j] = hasLo[j] ? (cl[j] - sl[j] * zl[j] - zl[j] * dx[j]) / sl[j] : 0.0;
            dzu[j] = hasUp[j] ? (cu[j] - su[j] * zu[j] + zu[j] * dx[j]) / su[j] : 0.0;
        }
    }

    /**
     * Solves K0 s = rhs, K0 being the unregularised KKT matrix, with the regularised factor and
     * iterative refinement: each step solves for the correction of the current residual and is
     * kept only while it shrinks the residual (the regularised factor is a preconditioner for
     * K0; on rank-deficient rows the refinement stops where the residual stops falling).
     */
    private double[] solveRefined(SparseLdl factor) {
        double[] solution = this.solution;
        double[] candidate = this.candidate;
        System.arraycopy(rhs, 0, solution, 0, n + m);
        factor.solve(solution);
        double rhsNorm = maxAbs(rhs, n + m);
        double residualNorm = unregularisedResidual(solution, residual);
        for (int step = 0; step < MAX_REFINEMENTS && residualNorm > REFINEMENT_TOLERANCE * (1.0 + rhsNorm); step++) {
            System.arraycopy(residual, 0, correction, 0, n + m);
            factor.solve(correction);
            for (int k = 0; k < n + m; k++) {
                candidate[k] = solution[k] + correction[k];
            }
            double candidateNorm = unregularisedResidual(candidate, candidateResidual);
            if (!(candidateNorm < residualNorm)) {
                break;
            }
            double[] swap = solution;
            solution = candidate;
            candidate = swap;
            swap = residual;
            residual = candidateResidual;
            candidateResidual = swap;
            residualNorm = candidateNorm;
        }
        return solution;
    }

    /** out = rhs - K0 s; returns its largest magnitude. */
    private double unregularisedResidual(double[] s, double[] out) {
        SparseLdl.multiplySymmetric(n + m, form.kktColumnStart, form.kktRowIndex, kktValues, s, product);
        double norm = 0.0;
        for (int j = 0; j < n; j++) {
            out[j] = rhs[j] - product[j] + rho * s[j];
            norm = Math.max(norm, Math.abs(out[j]));
        }
        for (int k = n; k < n + m; k++) {
            out[k] = rhs[k] - product[k] - delta * s[k];
            norm = Math.max(norm, Math.abs(out[k]));
        }
        return norm;
    }

    /** The largest step in [0, 1] keeping bound slacks and multipliers non-negative. */
    private double stepLength(double[] dx, double[] dzl, double[] dzu) {
        double alpha = 1.0;
        for (int j = 0; j < n; j++) {
            if (hasLo[j]) {
                alpha = limit(alpha, sl[j], dx[j]);
                alpha = limit(alpha, zl[j], dzl[j]);
            }
            if (hasUp[j]) {
                alpha = limit(alpha, su[j], -dx[j]);
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
            if (hasLo[j]) {
                sum += (sl[j] + alpha * dx[j]) * (zl[j] + alpha * dzl[j]);
                count++;
            }
            if (hasUp[j]) {
                sum += (su[j] - alpha * dx[j]) * (zu[j] + alpha * dzu[j]);
                count++;
            }
        }
        return count == 0 ? 0.0 : sum / count;
    }

    private static double maxAbs(double[] values, int length) {
        double max = 0.0;
        for (int k = 0; k < length; k++) {
            double magnitude = Math.abs(values[k]);
            // not Math.max, whose NaN and -0.0 handling costs a branch per element; a NaN still
            // shows up in the divergence test and the final KKT check
            if (magnitude > max || magnitude != magnitude) {
                max = magnitude;
            }
        }
        return max;
    }
}
