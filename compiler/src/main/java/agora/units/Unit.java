package agora.units;

/**
 * A unit as written in a scenario, with the factor that converts a value in it to Agora's
 * canonical units (MW, h, MWh, currency/MWh, currency/MW²h, currency/h): a value {@code v} in
 * this unit is {@code v * factor} canonically. {@code kW} has factor 0.001, {@code min} 1/60,
 * {@code $/kWh} 1000.
 *
 * @param text the unit as the user wrote it (trimmed)
 */
public record Unit(String text, double factor, Dimension dimension) {

    /** The plain-number unit (no text, factor 1). */
    public static final Unit NONE = new Unit("", 1.0, Dimension.NONE);

    /** {@code value} (in this unit) in canonical units. */
    public double toCanonical(double value) {
        return value * factor;
    }

    /** {@code canonicalValue} expressed in this unit. */
    public double fromCanonical(double canonicalValue) {
        return canonicalValue / factor;
    }

    /** A quantity of {@code value} of this unit. */
    public Quantity of(double value) {
        return new Quantity(toCanonical(value), dimension);
    }

    @Override
    public String toString() {
        return text;
    }
}
