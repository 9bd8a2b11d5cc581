package agora.market.formulation;

import agora.solver.Origin;

/**
 * A variable a market design adds to the problem, with its bounds and separable hourly cost
 * {@code quadraticCost x² + linearCost x} (currency/h). Its cost is charged to its owner in the
 * accounts, counted with the fees.
 *
 * @param index  position among the design's variables ({@link DesignTerms#variables()})
 * @param owner  the party that holds it: a peer's or collective's name
 */
public record AddedVariable(int index, String name, Origin origin, String owner, double lower,
                            double upper, double linearCost, double quadraticCost) {

    /** Hourly cost at value {@code x}. */
    public double cost(double x) {
        return quadraticCost * x * x + linearCost * x;
    }
}
