package agora.units;

/**
 * A physical dimension as integer exponents over Agora's three base units: power (MW), time (h)
 * and money (the scenario's currency). Energy is power × time, so MWh is {@code (1, 1, 0)} and a
 * price per MWh is {@code (-1, -1, 1)}.
 *
 * @param power exponent of MW
 * @param time  exponent of h
 * @param money exponent of the currency
 */
public record Dimension(int power, int time, int money) {

    /** A plain number. */
    public static final Dimension NONE = new Dimension(0, 0, 0);
    /** MW. */
    public static final Dimension POWER = new Dimension(1, 0, 0);
    /** h. */
    public static final Dimension TIME = new Dimension(0, 1, 0);
    /** MWh. */
    public static final Dimension ENERGY = new Dimension(1, 1, 0);
    /** Currency. */
    public static final Dimension MONEY = new Dimension(0, 0, 1);
    /** Currency per MWh: a price, or the linear cost coefficient b. */
    public static final Dimension PRICE = new Dimension(-1, -1, 1);
    /** Currency per MW²h: the quadratic cost coefficient a (a·p² is a cost rate). */
    public static final Dimension QUADRATIC_COST = new Dimension(-2, -1, 1);
    /** Currency per h: an hourly cost such as the constant coefficient c. */
    public static final Dimension COST_RATE = new Dimension(0, -1, 1);

    public Dimension times(Dimension other) {
        return new Dimension(power + other.power, time + other.time, money + other.money);
    }

    public Dimension dividedBy(Dimension other) {
        return new Dimension(power - other.power, time - other.time, money - other.money);
    }

    public Dimension pow(int exponent) {
        return new Dimension(power * exponent, time * exponent, money * exponent);
    }

    /** The largest exponent of a base unit, in magnitude: 2 for $/MW²h. */
    public int largestExponent() {
        return Math.max(Math.abs(power), Math.max(Math.abs(time), Math.abs(money)));
    }

    public Dimension inverse() {
        return pow(-1);
    }

    public boolean isNone() {
        return equals(NONE);
    }

    /**
     * The dimension written as a unit over the base units, money first, then MW, then h, with
     * negative exponents after one slash: {@code $/MWh}, {@code $/MW²h}, {@code MW²}, {@code 1/h}.
     * A plain number formats as the empty string.
     *
     * @param currency the currency symbol to write, e.g. {@code $} or {@code €}
     */
    public String format(String currency) {
        if (isNone()) {
            return "";
        }
        StringBuilder numerator = new StringBuilder();
        StringBuilder denominator = new StringBuilder();
        append(money, currency, numerator, denominator);
        append(power, "MW", numerator, denominator);
        append(time, "h", numerator, denominator);
        String top = numerator.length() == 0 ? "1" : numerator.toString();
        return denominator.length() == 0 ? top : top + "/" + denominator;
    }

    private static void append(int exponent, String symbol, StringBuilder numerator,
                               StringBuilder denominator) {
        if (exponent == 0) {
            return;
        }
        StringBuilder target = exponent > 0 ? numerator : denominator;
        target.append(symbol).append(superscript(Math.abs(exponent)));
    }

    /** The exponent as superscript digits, empty for 1 (MW, MW², MW³, MW¹⁰). */
    static String superscript(int exponent) {
        if (exponent == 1) {
            return "";
        }
        String digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        StringBuilder out = new StringBuilder();
        for (char c : Integer.toString(exponent).toCharArray()) {
            out.append(c == '-' ? '⁻' : digits.charAt(c - '0'));
        }
        return out.toString();
    }

    /** The human form with {@code $} as the currency, e.g. {@code $/MWh}; {@code 1} for none. */
    @Override
    public String toString() {
        return isNone() ? "1" : format("$");
    }
}
