package agora.scenario;

/**
 * Hourly cost {@code C(p) = a p² + b p + c} of a peer's net injection p in MW.
 *
 * @param a currency per MW²h (must be >= 0 for convexity)
 * @param b currency per MWh
 * @param c currency per hour
 */
public record QuadraticCost(double a, double b, double c) {
    public static final QuadraticCost ZERO = new QuadraticCost(0, 0, 0);

    public double at(double p) {
        return (a * p + b) * p + c;
    }
}
