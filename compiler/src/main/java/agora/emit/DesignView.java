package agora.emit;

import java.util.List;

/**
 * The trading structure a market design gives a scenario, in plain names, so that the emitters
 * here need not know the market module. Built by the command line from a lowered market tree.
 *
 * @param error   why the design does not apply to the scenario; null when it does
 * @param markets the root market first, then the collectives' markets; empty on error
 */
public record DesignView(String design, String description, String error,
                         List<MarketView> markets) {

    public DesignView {
        markets = List.copyOf(markets);
    }

    public static DesignView notApplicable(String design, String description, String error) {
        return new DesignView(design, description, error, List.of());
    }

    /**
     * One market of the design.
     *
     * @param clearing     {@code pool} or {@code bilateral}
     * @param participants peer and collective names
     * @param poolFee      per-MWh fee of each pool member (0 for bilateral)
     */
    public record MarketView(String name, String clearing, List<String> participants,
                             List<LinkView> links, double poolFee) {
        public MarketView {
            participants = List.copyOf(participants);
            links = List.copyOf(links);
        }
    }

    /** A pair that may trade, with the per-MWh cost each side pays on its own trade. */
    public record LinkView(String a, String b, double costA, double costB) {
    }
}
