package agora.units;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * How numbers are written for people, in every message and summary: the shortest decimal that
 * reads back as the same double ({@code 0.1}, not {@code 0.1000000000000000055...}), plainly for
 * everyday magnitudes ({@code 2147483648}, {@code 0.000125}) and in compact scientific notation
 * beyond them ({@code 1e300}, {@code 1.8e-9}).
 */
public final class Numbers {
    /** Plain notation from here ... */
    private static final double SMALLEST_PLAIN = 1e-6;
    /** ... up to (excluding) here. */
    private static final double LARGEST_PLAIN = 1e15;
    /** Digits that always suffice for a double to read back exactly. */
    private static final int ROUND_TRIP_DIGITS = 17;

    private Numbers() {
    }

    /** The shortest decimal that reads back as {@code v}. */
    public static String format(double v) {
        return format(v, ROUND_TRIP_DIGITS);
    }

    /**
     * The shortest decimal of at most {@code maxDigits} significant digits that reads back as
     * {@code v}, or {@code v} rounded to {@code maxDigits} digits when none does. Fewer than 17
     * digits hide the last-bit noise of a unit conversion ({@code 0.3 MW} as {@code 300 kW}).
     */
    public static String format(double v, int maxDigits) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal exact = new BigDecimal(v);
        BigDecimal shortest = exact.round(new MathContext(maxDigits));
        for (int digits = 1; digits < maxDigits; digits++) {
            BigDecimal candidate = exact.round(new MathContext(digits));
            if (candidate.doubleValue() == v) {
                shortest = candidate;
                break;
            }
        }
        shortest = shortest.stripTrailingZeros();
        double magnitude = Math.abs(v);
        if (magnitude >= SMALLEST_PLAIN && magnitude < LARGEST_PLAIN) {
            return shortest.toPlainString();
        }
        return scientific(shortest);
    }

    /** {@code 1e300}, {@code -1.25e-9}: digits, 'e', exponent, no '+' and no trailing zeros. */
    private static String scientific(BigDecimal value) {
        String digits = value.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - value.scale();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (value.signum() < 0 ? "-" : "") + mantissa + "e" + exponent;
    }
}
