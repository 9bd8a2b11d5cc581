package agora.scenario;

import java.util.Arrays;

/**
 * A time series in canonical units, one value per time step of the scenario's horizon.
 *
 * @param description how it was defined, for summaries (for example {@code csv(price.csv:2)+10})
 */
public record Profile(String description, double[] values) {

    public static Profile constant(double value, int steps) {
        double[] v = new double[steps];
        Arrays.fill(v, value);
        return new Profile(Double.toString(value), v);
    }

    public double at(int step) {
        return values[step];
    }

    public int length() {
        return values.length;
    }

    public boolean isConstant() {
        for (double v : values) {
            if (v != values[0]) {
                return false;
            }
        }
        return true;
    }

    public double min() {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    public double max() {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Profile p && description.equals(p.description)
                && Arrays.equals(values, p.values);
    }

    @Override
    public int hashCode() {
        return 31 * description.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Profile[" + description + ", " + values.length + " steps]";
    }
}
