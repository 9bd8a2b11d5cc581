package agora.market.results;

/**
 * A collective in one step, seen from its parent market.
 *
 * @param price        its community price (the dual of its pool balance), currency/MWh; NaN when
 *                     it clears bilaterally (it then has one price per trade)
 * @param importEnergy MWh its manager bought in the parent market in the step
 * @param exportEnergy MWh its manager sold in the parent market in the step
 */
public record CollectiveStep(String collective, double price, double importEnergy,
                             double exportEnergy) {
}
