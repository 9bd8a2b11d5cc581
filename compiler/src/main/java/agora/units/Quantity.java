package agora.units;


/**
 * A number with a dimension, always held in canonical units (MW, h, MWh, currency/MWh,
 * currency/MW²h, currency/h). Arithmetic follows dimensional analysis: sums need equal
 * dimensions, products and quotients combine them.
 */
public record Quantity(double value, Dimension dimension) {

    private static final int DISPLAY_DIGITS = 15;
    private static final double THOUSAND = 1000.0;
    private static final double MINUTES_PER_HOUR = 60.0;
    private static final double SECONDS_PER_HOUR = 3600.0;

    /** A plain number. */
    public static Quantity number(double value) {
        return new Quantity(value, Dimension.NONE);
    }

    /** {@code value} written in {@code unit}, converted to canonical units. */
    public static Quantity of(double value, Unit unit) {
        return unit.of(value);
    }

    /** The sum; throws {@link DimensionMismatchException} when the dimensions differ. */
    public Quantity plus(Quantity other) {
        requireSame("add", other);
        return new Quantity(value + other.value, dimension);
    }

    /** The difference; throws {@link DimensionMismatchException} when the dimensions differ. */
    public Quantity minus(Quantity other) {
        requireSame("subtract", other);
        return new Quantity(value - other.value, dimension);
    }

    public Quantity times(Quantity other) {
        return new Quantity(value * other.value, dimension.times(other.dimension));
    }

    public Quantity times(double scalar) {
        return new Quantity(value * scalar, dimension);
    }

    public Quantity dividedBy(Quantity other) {
        return new Quantity(value / other.value, dimension.dividedBy(other.dimension));
    }

    public Quantity negate() {
        return new Quantity(-value, dimension);
    }

    public Quantity pow(int exponent) {
        return new Quantity(Math.pow(value, exponent), dimension.pow(exponent));
    }

    /** Compares two quantities of one dimension; throws {@link DimensionMismatchException} otherwise. */
    public int compareTo(Quantity other) {
        requireSame("compare", other);
        return Double.compare(value, other.value);
    }

    /** The value expressed in {@code unit}; throws {@link DimensionMismatchException} when it does not fit. */
    public double in(Unit unit) {
        if (!dimension.equals(unit.dimension())) {
            throw new DimensionMismatchException("convert", dimension, unit.dimension());
        }
        return unit.fromCanonical(value);
    }

    public boolean isDimensionless() {
        return dimension.isNone();
    }

    /**
     * The value in a unit a reader expects: power in kW, MW or GW and energy in kWh, MWh or GWh
     * so that the number lies in [1, 1000); durations in s, min or h; everything else in its
     * canonical unit ({@code 52 $/MWh}, {@code 7.3 $/MW²h}).
     *
     * @param currency the scenario's currency symbol
     */
    public String format(String currency) {
        if (dimension.equals(Dimension.POWER)) {
            return scaled("W");
        }
        if (dimension.equals(Dimension.ENERGY)) {
            return scaled("Wh");
        }
        if (dimension.equals(Dimension.TIME)) {
            double hours = Math.abs(value);
            if (hours != 0 && hours < 1.0 / MINUTES_PER_HOUR) {
                return formatNumber(value * SECONDS_PER_HOUR) + " s";
            }
            if (hours != 0 && hours < 1.0) {
                return formatNumber(value * MINUTES_PER_HOUR) + " min";
            }
            return formatNumber(value) + " h";
        }
        String unit = dimension.format(currency);
        return unit.isEmpty() ? formatNumber(value) : formatNumber(value) + " " + unit;
    }

    private String scaled(String base) {
        double magnitude = Math.abs(value);
        if (magnitude >= THOUSAND) {
            return formatNumber(value / THOUSAND) + " G" + base;
        }
        if (magnitude != 0 && magnitude < 1.0) {
            return formatNumber(value * THOUSAND) + " k" + base;
        }
        return formatNumber(value) + " M" + base;
    }

    /**
     * The shortest form that reads back as {@code v} (see {@link Numbers}), with at most
     * {@value #DISPLAY_DIGITS} significant digits: a displayed value is often scaled (MW to kW),
     * and its last bit of noise must not show.
     */
    static String formatNumber(double v) {
        return Numbers.format(v, DISPLAY_DIGITS);
    }

    private void requireSame(String operation, Quantity other) {
        if (!dimension.equals(other.dimension)) {
            throw new DimensionMismatchException(operation, dimension, other.dimension);
        }
    }

    @Override
    public String toString() {
        return format(Units.DEFAULT_CURRENCY);
    }
}
