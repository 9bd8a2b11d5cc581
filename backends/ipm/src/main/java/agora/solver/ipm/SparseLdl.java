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
    /** The smallest trailing block factored as a dense matrix. */
    static final int MIN_DENSE_BLOCK = 96;
    /**
     * How full (in L) a trailing block must be to be factored as a dense one. The dense kernel
     * does about 3 GFlop/s on one core, several times the sparse loops, but every structural
     * zero of the block costs it as much as an entry: at 0.5 a bipartite market's block took in
     * a third of its trades as well and cost 4x the time of the balance rows' block alone.
     */
    static final double DENSE_FILL = 0.9;
    /** Rows of the dense block computed together: each earlier row is read once per group. */
    private static final int ROW_GROUP = 32;
    /** Dense blocks at least this large use every core of the common fork-join pool. */
    private static final int PARALLEL_DENSE_BLOCK = 384;

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
        /**
         * The first column of the trailing block factored as a dense matrix, or {@code size} when
         * there is none: a market's balance rows end up there once its trades are eliminated (in
         * full P2P every consumer's row meets every producer's), and a dense kernel factors them
         * faster than the sparse loops.
         */
        final int denseStart;

        /**
         * The smallest t whose trailing block (columns and rows from t) is at least
         * {@link #DENSE_FILL} full in L and at least {@link #MIN_DENSE_BLOCK} wide, else size.
         * Every entry of column j lies in a later row, so the block's entries are the counts of
         * its columns.
         */
        private static int denseStart(int size, int[] count) {
            int start = size;
            long entries = 0;
            for (int t = size - 1; t >= 0; t--) {
                entries += count[t];
                long width = size - t;
                if (width >= MIN_DENSE_BLOCK && entries >= DENSE_FILL * (width * (width - 1) / 2.0)) {
                    start = t;
                }
            }
            return start;
        }

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
            denseStart = denseStart(size, count);
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
    /** Size of the dense trailing block (0 when none) and its unit lower factor, row-major T x T. */
    private final int dense;
    private final double[] denseL;

    SparseLdl(Symbolic symbolic) {
        this.symbolic = symbolic;
        dense = symbolic.size - symbolic.denseStart;
        // the dense block's slots of the sparse pattern stay unused: its factor lives in denseL
        lx = new double[symbolic.columnStart[symbolic.denseStart]];
        d = new double[symbolic.size];
        inverseD = new double[symbolic.size];
        y = new double[symbolic.size];
        denseL = new double[dense * dense];
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
        int t = symbolic.denseStart;
        java.util.Arrays.fill(y, 0.0); // a failed factorisation may leave values behind
        for (int k = 0; k < n; k++) {
            for (int p = ap[k]; p < ap[k + 1]; p++) {
                y[ai[p]] += ax[p];
            }
            double dk = y[k];
            y[k] = 0.0;
            for (int q = patternStart[k]; q < patternStart[k + 1]; q++) {
                int i = patternIndex[q];
                if (i >= t) {
                    break; // the dense block's columns: factored below
                }
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
            if (k >= t) {
                // row k of the dense block's Schur complement: y[t..k) and dk
                int row = (k - t) * dense;
                for (int j = t; j < k; j++) {
                    denseL[row + j - t] = y[j];
                    y[j] = 0.0;
                }
                denseL[row + k - t] = dk;
                continue;
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
        if (dense == 0) {
            return replaced;
        }
        int denseReplaced = factorDense(positive - t, threshold, regularisation);
        return denseReplaced < 0 ? -1 : replaced + denseReplaced;
    }

    /**
     * LDL^T of the dense block's Schur complement, held as the lower triangle of denseL (row-major)
     * and replaced by the unit lower factor; pivots go to d[t..]. Left-looking by rows, in groups
     * of ROW_GROUP rows: row r's entries are u_rc = L_rc d_c = S_rc - sum_{k<c} u_rk L_ck, so each
     * earlier row c is read once per group while it is in cache, and the rows of a group are
     * independent against the earlier groups (the part run on several cores for large blocks).
     *
     * @param positive how many of the block's pivots must be positive
     * @return the pivots replaced, or -1 when one is not finite
     */
    private int factorDense(int positive, double threshold, double regularisation) {
        int size = dense;
        int t = symbolic.denseStart;
        double[] l = denseL;
        int replaced = 0;
        for (int r0 = 0; r0 < size; r0 += ROW_GROUP) {
            int r1 = Math.min(size, r0 + ROW_GROUP);
            int first = r0;
            int last = r1;
            if (size >= PARALLEL_DENSE_BLOCK && last - first > 1) {
                int middle = (first + last) >>> 1;
                java.util.concurrent.ForkJoinTask<?> other = java.util.concurrent.ForkJoinPool.commonPool()
                        .submit(() -> againstEarlierGroups(first, middle));
                againstEarlierGroups(middle, last);
                other.join();
            } else {
                againstEarlierGroups(first, last);
            }
            // within the group, in order: row r against the group's rows before it, then its pivot
            for (int r = r0; r < r1; r++) {
                int row = r * size;
                for (int c = r0; c < r; c++) {
                    int rowC = c * size;
                    l[row + c] -= dot(l, row, l, rowC, c);
                }
                double dr = l[row + r];
                for (int c = 0; c < r; c++) {
                    double u = l[row + c];
                    double lrc = u * inverseD[t + c];
                    dr -= lrc * u;
                    l[row + c] = lrc;
                }
                if (!Double.isFinite(dr)) {
                    return -1;
                }
                double sign = r < positive ? 1.0 : -1.0;
                if (sign * dr <= threshold) {
                    dr = sign * regularisation;
                    replaced++;
                }
                d[t + r] = dr;
                inverseD[t + r] = 1.0 / dr;
            }
        }
        return replaced;
    }

    /**
     * For rows [first, last) of the current group: u_rc for every column c of the earlier groups
     * (c < first), in place of S_rc. Row r's u values (before the group is finished they stay
     * unscaled) are dotted with the finished rows c of L.
     */
    private void againstEarlierGroups(int first, int last) {
        int size = dense;
        double[] l = denseL;
        int groupStart = first - (first % ROW_GROUP);
        for (int c = 0; c < groupStart; c++) {
            int rowC = c * size;
            for (int r = first; r < last; r++) {
                int row = r * size;
                l[row + c] -= dot(l, row, l, rowC, c);
            }
        }
    }

    /** sum_{k < length} a[aFrom + k] b[bFrom + k], with four accumulators. */
    private static double dot(double[] a, int aFrom, double[] b, int bFrom, int length) {
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        int k = 0;
        for (; k + 3 < length; k += 4) {
            s0 += a[aFrom + k] * b[bFrom + k];
            s1 += a[aFrom + k + 1] * b[bFrom + k + 1];
            s2 += a[aFrom + k + 2] * b[bFrom + k + 2];
            s3 += a[aFrom + k + 3] * b[bFrom + k + 3];
        }
        for (; k < length; k++) {
            s0 += a[aFrom + k] * b[bFrom + k];
        }
        return (s0 + s1) + (s2 + s3);
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
        int t = symbolic.denseStart;
        int[] lp = symbolic.columnStart;
        int[] li = symbolic.rowIndex;
        double[] lx = this.lx;
        for (int j = 0; j < t; j++) {
            double xj = x[j];
            if (xj != 0.0) {
                for (int p = lp[j]; p < lp[j + 1]; p++) {
                    x[li[p]] -= lx[p] * xj;
                }
            }
        }
        double[] l = denseL;
        for (int r = 1; r < dense; r++) {
            x[t + r] -= dot(l, r * dense, x, t, r);
        }
        for (int j = 0; j < n; j++) {
            x[j] *= inverseD[j];
        }
        for (int r = dense - 1; r > 0; r--) {
            double xr = x[t + r];
            int row = r * dense;
            for (int c = 0; c < r; c++) {
                x[t + c] -= l[row + c] * xr;
            }
        }
        for (int j = t - 1; j >= 0; j--) {
            double sum = x[j];
            for (int p = lp[j]; p < lp[j + 1]; p++) {
                sum -= lx[p] * x[li[p]];
            }
            x[j] = sum;
        }
    }
}
