package agora.profile;

/**
 * Strict decimal numbers as data files write them: optional sign, digits with an optional
 * decimal point, optional exponent ({@code 52.00}, {@code -3}, {@code .5}, {@code 1e-3}).
 * Unlike {@link Double#parseDouble} it refuses {@code NaN}, {@code Infinity}, hexadecimal and
 * Java suffixes such as {@code 5d}, which would otherwise slip into a model silently.
 */
final class CsvNumbers {

    private CsvNumbers() {
    }

    /**
     * The value of {@code text}, or {@link Double#NaN} when it is not a strict decimal number or
     * too large for a double ({@code 1e400} would read as infinity).
     */
    static double parse(String text) {
        if (!isDecimal(text)) {
            return Double.NaN;
        }
        double value = Double.parseDouble(text);
        return Double.isInfinite(value) ? Double.NaN : value;
    }

    static boolean isDecimal(String text) {
        int n = text.length();
        int i = 0;
        if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        int digitsBefore = countDigits(text, i);
        i += digitsBefore;
        int digitsAfter = 0;
        if (i < n && text.charAt(i) == '.') {
            i++;
            digitsAfter = countDigits(text, i);
            i += digitsAfter;
        }
        if (digitsBefore + digitsAfter == 0) {
            return false;
        }
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = countDigits(text, i);
            if (exponentDigits == 0) {
                return false;
            }
            i += exponentDigits;
        }
        return i == n;
    }

    private static int countDigits(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i - from;
    }
}
