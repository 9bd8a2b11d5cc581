package agora.market.report;

import java.util.Arrays;

/** A time series grouped into {@link Buckets}: the mean, least and largest value of each group. */
final class Band {
    private final double[] sum;
    private final int[] count;
    private final double[] min;
    private final double[] max;

    Band(int groups) {
        sum = new double[groups];
        count = new int[groups];
        min = new double[groups];
        max = new double[groups];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
    }

    /** Adds a value to group {@code g}; NaN (no value) is skipped. */
    void add(int g, double value) {
        if (g < 0 || Double.isNaN(value)) {
            return;
        }
        sum[g] += value;
        count[g]++;
        min[g] = Math.min(min[g], value);
        max[g] = Math.max(max[g], value);
    }

    boolean isEmpty() {
        return Arrays.stream(count).allMatch(c -> c == 0);
    }

    /** Means, NaN where a group has no value. */
    double[] mean() {
        double[] out = new double[sum.length];
        for (int g = 0; g < out.length; g++) {
            out[g] = count[g] == 0 ? Double.NaN : sum[g] / count[g];
        }
        return out;
    }

    double[] min() {
        return finite(min);
    }

    double[] max() {
        return finite(max);
    }

    private static double[] finite(double[] values) {
        return Arrays.stream(values).map(v -> Double.isInfinite(v) ? Double.NaN : v).toArray();
    }
}
