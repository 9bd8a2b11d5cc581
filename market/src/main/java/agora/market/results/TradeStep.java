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
 */
public record TradeStep(String market, boolean pool, String from, String to, double power,
                        double price) {
}
