package agora.market.results;

/**
 * A limited line in one step.
 *
 * @param line     the line's name
 * @param flow     DC flow, MW (positive from its {@code from} bus to its {@code to} bus)
 * @param capacity its capacity in the step, MW
 * @param price    congestion price, currency/MWh: the dual of its limit, positive when it is full
 *                 in its own direction, negative in the other, 0 when it is not congested
 */
public record LineStep(String line, double flow, double capacity, double price) {

    /** |flow| / capacity (1 = full); NaN for a line of capacity 0. */
    public double loading() {
        return capacity > 0 ? Math.abs(flow) / capacity : Double.NaN;
    }

    /**
     * True when the limit binds: its price is not 0. A price below {@code tolerance}
     * (currency/MWh) is the solver's rounding.
     */
    public boolean congested(double tolerance) {
        return Math.abs(price) > tolerance;
    }
}
