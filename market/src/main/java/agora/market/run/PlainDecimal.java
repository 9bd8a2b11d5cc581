package agora.market.run;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers of the output files at the precision the solve supports: at most {@code digits}
 * significant digits and at most {@code digits + 2} decimals, in plain notation (never
 * {@code E-4}), trailing zeros dropped; {@code 21.25000000004156} is written {@code 21.25},
 * {@code -5.707059957262722E-4} is {@code -0.000570706} and solver noise such as {@code 1e-14}
 * is {@code 0} (never {@code -0}). Fast enough for millions of rows: no {@link BigDecimal} for
 * everyday magnitudes.
 */
public final class PlainDecimal {
    /** Fewest and most significant digits a tolerance may ask for. */
    static final int MIN_DIGITS = 3;
    static final int MAX_DIGITS = 15;
    /** Decimals kept beyond the significant digits for values below 1 (0.000570706). */
    static final int EXTRA_DECIMALS = 2;
    private static final long[] POWERS = new long[19];

    static {
        POWERS[0] = 1;
        for (int i = 1; i < POWERS.length; i++) {
            POWERS[i] = POWERS[i - 1] * 10;
        }
    }

    private final int digits;
    private final int maxDecimals;

    /** @param digits significant digits, clamped to 3..15 */
    public PlainDecimal(int digits) {
        this.digits = Math.max(MIN_DIGITS, Math.min(MAX_DIGITS, digits));
        this.maxDecimals = this.digits + EXTRA_DECIMALS;
    }

    /**
     * The digits a solve to relative {@code tolerance} supports: 7 for 1e-7; 9 when the
     * tolerance is not a usable number.
     */
    public static PlainDecimal forTolerance(double tolerance) {
        if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
            return new PlainDecimal(9);
        }
        return new PlainDecimal((int) Math.round(-Math.log10(tolerance)));
    }

    /** Significant digits written. */
    public int digits() {
        return digits;
    }

    /** {@code value} written plainly; NaN and infinities as Java writes them. */
    public String format(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        double magnitude = Math.abs(value);
        if (magnitude == 0) {
            return "0";
        }
        int exponent = (int) Math.floor(Math.log10(magnitude));
        int decimals = Math.max(0, Math.min(maxDecimals, digits - 1 - exponent));
        if (exponent >= 17 - decimals) { // too large for a long: rare, so BigDecimal
            return new BigDecimal(value).setScale(0, RoundingMode.HALF_EVEN).toPlainString();
        }
        long scaled = Math.round(magnitude * POWERS[decimals]);
        if (scaled == 0) {
            return "0";
        }
        while (decimals > 0 && scaled % 10 == 0) {
            scaled /= 10;
            decimals--;
        }
        String body = Long.toString(scaled);
        StringBuilder out = new StringBuilder(body.length() + decimals + 3);
        if (value < 0) {
            out.append('-');
        }
        if (decimals == 0) {
            return out.append(body).toString();
        }
        if (body.length() <= decimals) {
            out.append("0.");
            out.append("0".repeat(decimals - body.length()));
            return out.append(body).toString();
        }
        int point = body.length() - decimals;
        return out.append(body, 0, point).append('.').append(body, point, body.length()).toString();
    }
}
