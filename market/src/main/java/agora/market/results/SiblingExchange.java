package agora.market.results;

/**
 * Energy exchanged over the trade links between two sibling collectives: two collectives directly
 * inside the same collective, or two outermost ones. A link counts for the pair its two sides
 * first part at, going down the collective tree from the outside, so every level of the tree is
 * reported, and the pairs of outermost collectives add up to the exchange between collectives
 * the paper's Table 5 reports ({@link StepResult#exchange()}). Pools carry no pairwise trades: a
 * collective's exchange with a pool it belongs to is in its {@link CollectiveStep}.
 *
 * @param within the collective both are directly inside, or null for two outermost collectives
 * @param first  the one declared first
 * @param second the other
 * @param energy Δt·Σ|P_ab| over the links from one side to the other, MWh
 */
public record SiblingExchange(String within, String first, String second, double energy)
        implements java.io.Serializable {

    /** Who exchanged, without the energy: the key under which steps add up. */
    public SiblingExchange pair() {
        return new SiblingExchange(within, first, second, 0.0);
    }
}
