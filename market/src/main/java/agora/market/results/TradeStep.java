package agora.market.results;

/**
 * One trade of one step. In a bilateral market it is a trade link ({@code from} sells
 * {@code power} to {@code to} at the link's bilateral price); in a pool it is a member's sale of
 * its net position to the pool ({@code to} is the pool's collective, the price is the community
 * price; the pool does not say which member the energy went to).
 *
 * @param market the market's name (a collective, or {@link agora.market.MarketTree#ROOT})
 * @param pool   true for a pool member's trade
 * @param power  MW sold by {@code from} (negative = bought)
 * @param price  currency/MWh
 * @param congestion what the line limits add per MWh sold from {@code from}'s bus to {@code to}'s:
 *               {@code Σ_l y_l (PTDF_l,from - PTDF_l,to)} over the limited lines' congestion
 *               prices, paid between the two sides' locational charges (currency/MWh); NaN for
 *               a trade of a pool or with a manager (no bus), 0 without congestion
 */
public record TradeStep(String market, boolean pool, String from, String to, double power,
                        double price, double congestion) {

    /** A trade on a network without line limits (or without buses on either side). */
    public TradeStep(String market, boolean pool, String from, String to, double power, double price) {
        this(market, pool, from, to, power, price, Double.NaN);
    }
}
