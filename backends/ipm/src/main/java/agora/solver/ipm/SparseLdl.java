package agora.solver.ipm;

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
 * <p>{@link Symbolic} depends only on the pattern and is shared between threads: besides the
 * elimination tree and column counts it holds the whole pattern of L (row indices of every column
 * and, for every row, where its entries sit), so the numeric factorisation of each interior-point
 * iteration does arithmetic only, with no tree walks or flag resets. A {@code SparseLdl} holds one
 * numeric factorisation.
 */
final class SparseLdl {

    /** The pattern-only part, computed once per model structure. */
    static final class Symbolic {
        final int size;
        final int[] parent;
        final int[] columnStart;
        /** Row indices of L, column by column in increasing row order (the numeric values go to the same slots). */
        final int[] rowIndex;
        /**
         * Row k of L: its columns i < k in increasing order (a topological order, since column i
         * only updates rows after i) at rowPatternIndex[rowPatternStart[k] ..], and the slot of
         * L(k, i) in rowIndex/values at the same offsets of rowPatternSlot.
         */
        final int[] rowPatternStart;
        final int[] rowPatternIndex;
        final int[] rowPatternSlot;

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
            int entries = columnStart[size];
            rowIndex = new int[entries];
            rowPatternStart = new int[size + 1];
            rowPatternIndex = new int[entries];
            rowPatternSlot = new int[entries];
            int[] filled = new int[size];
            int[] row = new int[size];
            java.util.Arrays.fill(flag, -1);
            int next = 0;
            for (int k = 0; k < size; k++) {
                // the pattern of row k: every node on the tree paths from the entries of K's column k up to k
                flag[k] = k;
                int length = 0;
                for (int p = ap[k]; p < ap[k + 1]; p++) {
                    for (int i = ai[p]; i < k && flag[i] != k; i = parent[i]) {
                        row[length++] = i;
                        flag[i] = k;
                    }
                }
                java.util.Arrays.sort(row, 0, length);
                for (int q = 0; q < length; q++) {
                    int i = row[q];
                    int slot = columnStart[i] + filled[i]++;
                    rowIndex[slot] = k;
                    rowPatternIndex[next] = i;
                    rowPatternSlot[next] = slot;
                    next++;
                }
                rowPatternStart[k + 1] = next;
            }
        }
    }

    private final Symbolic symbolic;
    private final double[] lx;
    private final double[] d;
    /** 1/d, so that solves multiply instead of divide. */
    private final double[] inverseD;
    /** Work array of the numeric factorisation, all zero between rows. */
    private final double[] y;

    SparseLdl(Symbolic symbolic) {
        this.symbolic = symbolic;
        lx = new double[symbolic.columnStart[symbolic.size]];
        d = new double[symbolic.size];
        inverseD = new double[symbolic.size];
        y = new double[symbolic.size];
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
        int[] lp = symbolic.columnStart;
        int[] li = symbolic.rowIndex;
        int[] patternStart = symbolic.rowPatternStart;
        int[] patternIndex = symbolic.rowPatternIndex;
        int[] patternSlot = symbolic.rowPatternSlot;
        double[] y = this.y;
        double[] lx = this.lx;
        java.util.Arrays.fill(y, 0.0); // a failed factorisation may leave values behind
        for (int k = 0; k < n; k++) {
            for (int p = ap[k]; p < ap[k + 1]; p++) {
                y[ai[p]] += ax[p];
            }
            double dk = y[k];
            y[k] = 0.0;
            for (int q = patternStart[k]; q < patternStart[k + 1]; q++) {
                int i = patternIndex[q];
                int slot = patternSlot[q];
                double yi = y[i];
                y[i] = 0.0;
                // the slots of column i before this one hold rows < k, all computed already
                for (int p = lp[i]; p < slot; p++) {
                    y[li[p]] -= lx[p] * yi;
                }
                double lki = yi * inverseD[i];
                dk -= lki * yi;
                lx[slot] = lki;
            }
            if (!Double.isFinite(dk)) {
                return -1;
            }
            double sign = k < positive ? 1.0 : -1.0;
            if (sign * dk <= threshold) {
                dk = sign * regularisation;
                replaced++;
            }
            d[k] = dk;
            inverseD[k] = 1.0 / dk;
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
        int[] li = symbolic.rowIndex;
        double[] lx = this.lx;
        for (int j = 0; j < n; j++) {
            double xj = x[j];
            if (xj != 0.0) {
                for (int p = lp[j]; p < lp[j + 1]; p++) {
                    x[li[p]] -= lx[p] * xj;
                }
            }
        }
        for (int j = 0; j < n; j++) {
            x[j] *= inverseD[j];
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
