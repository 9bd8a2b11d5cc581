package agora.compiler;

/**
 * The magnitudes of the numbers a scenario gives the market, in canonical units (MW, MWh, hours,
 * currency per MWh, per MW²h and per hour, plain numbers); see docs/CONVENTIONS.md, "Magnitudes".
 *
 * <ul>
 *   <li>At most {@link #LARGEST}: a billion times the largest power system's load in MW, or a
 *       price a billion times any real one. Beyond it a number is a typo or a unit slip, and the
 *       market's products (a·p², price × energy, sums over peers and steps) leave the range in
 *       which a double keeps the solver's tolerances meaningful, up to overflow (a household of
 *       1.8e305 MW ended with welfare -Infinity). Such a number is an error where it is written
 *       ({@link agora.diagnostics.DiagnosticCode#MAGNITUDE_OUT_OF_RANGE}).</li>
 *   <li>A cost coefficient, price, fee or preference below {@link #NOISE} in magnitude is taken
 *       as 0. Such a coefficient is noise from input or unit scaling (a fuzzed cost of 1.95e-311
 *       made OR-Tools warn that "performance may suffer"): 1e-12 currency per MWh changes the
 *       cost of a gigawatt traded for a year (8.76e6 MWh) by less than 1e-5, below what any
 *       report shows, and 1e-12 per MW²h a thousand megawatts for a year by 0.009. Every backend
 *       and the decomposed solver see the same zero.</li>
 * </ul>
 */
final class Magnitudes {
    /** The largest magnitude taken, in canonical units. */
    static final double LARGEST = 1e15;
    /** Cost coefficients, prices, fees and preferences smaller than this in magnitude are 0. */
    static final double NOISE = 1e-12;
    /** The hint of an error for a number out of range. */
    static final String HINT = "Agora takes magnitudes up to 1e15 in MW, MWh, hours and prices per MWh or MW²h;"
            + " a larger number is a typo or a unit slip, and its products would overflow";

    private Magnitudes() {
    }

    /** {@code v}, or 0 when it is noise ({@link #NOISE}). */
    static double snap(double v) {
        return Math.abs(v) < NOISE ? 0.0 : v;
    }

    /** The values with noise ({@link #NOISE}) set to 0, in place; returns {@code values}. */
    static double[] snap(double[] values) {
        for (int t = 0; t < values.length; t++) {
            values[t] = snap(values[t]);
        }
        return values;
    }

    /** True when {@code v} exceeds {@link #LARGEST} in magnitude (NaN is not this check's). */
    static boolean tooLarge(double v) {
        return Math.abs(v) > LARGEST;
    }
}
