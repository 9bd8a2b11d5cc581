package agora.solver.ojalgo;

/**
 * Sparse LDL^T factorisation of a symmetric quasi-definite matrix given as the upper triangle in
 * column-compressed form (the up-looking algorithm of T. Davis' LDL package). Unlike ojAlgo's
 * {@code SparseQDLDL}, which refuses a pivot smaller than (dimension x machine epsilon) times the
 * largest one seen, it accepts the pivot spread of late interior-point iterations (barrier terms
 * of 1e12 next to regularisation of 1e-9), which quasi-definiteness keeps stable.
 *
 * <p>In exact arithmetic every pivot of a quasi-definite matrix has a known sign (positive for the
 * primal block, negative for the dual one). In floating point, cancellation in the Schur complement
 * of rank-deficient rows or nearly free variables can produce a tiny pivot of either sign; such a
 * pivot is replaced by {@code sign x dynamicRegularisation} (dynamic regularisation, as in OSQP and
 * Clarabel), which keeps the factor bounded. The factor is then that of a slightly perturbed
 * matrix, and the caller removes the perturbation's effect by iterative refinement.
 *
 * <p>{@link Symbolic} (elimination tree and column counts) depends only on the pattern and is
 * shared between threads; a {@code SparseLdl} holds one numeric factorisation.
 */
final class SparseLdl {

    /** The pattern-only part, computed once per model structure. */
    static final class Symbolic {
        final int size;
        final int[] parent;
        final int[] columnStart;

        Symbolic(int size, int[] ap, int[] ai) {
            this.size = size;
            parent = new int[size];
            columnStart = new int[size + 1];
            int[] flag = new int[size];
            int[] count = new int[size];
            for (int k = 0; k < size; k++) {
                parent[k] = -1;
                flag[k] = k;
                for (int p = ap[k]; p < ap[k + 1]; p++) {
                    for (int i = ai[p]; i < k && flag[i] != k; i = parent[i]) {
                        if (parent[i] == -1) {
                            parent[i] = k;
                        }
                        count[i]++;
                        flag[i] = k;
                    }
                }
            }
            for (int k = 0; k < size; k++) {
                columnStart[k + 1] = columnStart[k] + count[k];
            }
        }
    }

    private final Symbolic symbolic;
    private final int[] li;
    private final double[] lx;
    private final double[] d;
    /** Work arrays of the numeric factorisation, reused by every factorisation of this instance. */
    private final double[] y;
    private final int[] pattern;
    private final int[] flag;
    private final int[] lnz;

    SparseLdl(Symbolic symbolic) {
        this.symbolic = symbolic;
        li = new int[symbolic.columnStart[symbolic.size]];
        lx = new double[li.length];
        d = new double[symbolic.size];
        y = new double[symbolic.size];
        pattern = new int[symbolic.size];
        flag = new int[symbolic.size];
        lnz = new int[symbolic.size];
    }

    /**
     * Factors the matrix with the symbolic pattern's structure, whose first {@code positive}
     * pivots must be positive and the others negative. A pivot of the wrong sign or with magnitude
     * at most {@code threshold} becomes {@code +-regularisation}.
     *
     * @return the number of pivots so replaced, or -1 when a pivot is not finite
     */
    int factor(int[] ap, int[] ai, double[] ax, int positive, double threshold, double regularisation) {
        int replaced = 0;
        int n = symbolic.size;
        int[] parent = symbolic.parent;
        int[] lp = symbolic.columnStart;
        java.util.Arrays.fill(flag, -1);
        java.util.Arrays.fill(lnz, 0);
        java.util.Arrays.fill(y, 0.0); // a failed factorisation may leave values behind
        for (int k = 0; k < n; k++) {
            int top = n;
            flag[k] = k;
            for (int p = ap[k]; p < ap[k + 1]; p++) {
                int i = ai[p];
                y[i] += ax[p];
                int length = 0;
                for (; flag[i] != k; i = parent[i]) {
                    pattern[length++] = i;
                    flag[i] = k;
                }
                while (length > 0) {
                    pattern[--top] = pattern[--length];
                }
            }
            d[k] = y[k];
            y[k] = 0.0;
            for (; top < n; top++) {
                int i = pattern[top];
                double yi = y[i];
                y[i] = 0.0;
                int end = lp[i] + lnz[i];
                for (int p = lp[i]; p < end; p++) {
                    y[li[p]] -= lx[p] * yi;
                }
                double lki = yi / d[i];
                d[k] -= lki * yi;
                li[end] = k;
                lx[end] = lki;
                lnz[i]++;
            }
            if (!Double.isFinite(d[k])) {
                return -1;
            }
            double sign = k < positive ? 1.0 : -1.0;
            if (sign * d[k] <= threshold) {
                d[k] = sign * regularisation;
                replaced++;
            }
        }
        return replaced;
    }

    /** out = K x for the symmetric K whose upper triangle is (ap, ai, ax). */
    static void multiplySymmetric(int size, int[] ap, int[] ai, double[] ax, double[] x, double[] out) {
        java.util.Arrays.fill(out, 0, size, 0.0);
        for (int k = 0; k < size; k++) {
            double xk = x[k];
            double sum = 0.0;
            for (int p = ap[k]; p < ap[k + 1]; p++) {
                int i = ai[p];
                if (i == k) {
                    sum += ax[p] * xk;
                } else {
                    out[i] += ax[p] * xk;
                    sum += ax[p] * x[i];
                }
            }
            out[k] += sum;
        }
    }

    /** Solves in place: x := (L D L^T)^-1 x. */
    void solve(double[] x) {
        int n = symbolic.size;
        int[] lp = symbolic.columnStart;
        for (int j = 0; j < n; j++) {
            double xj = x[j];
            for (int p = lp[j]; p < lp[j + 1]; p++) {
                x[li[p]] -= lx[p] * xj;
            }
        }
        for (int j = 0; j < n; j++) {
            x[j] /= d[j];
        }
        for (int j = n - 1; j >= 0; j--) {
            double sum = x[j];
            for (int p = lp[j]; p < lp[j + 1]; p++) {
                sum -= lx[p] * x[li[p]];
            }
            x[j] = sum;
        }
    }
}
