package agora.market.formulation;

import agora.market.Participant;
import agora.solver.Origin;

/**
 * One trade variable of the market problem, owned by one agent: a side of a bilateral trade, a
 * member's pool trade, or a pool manager's own position (see {@link SlotKind}). Its value is the
 * owner's sale in MW (negative buys).
 *
 * @param index   position in {@link MarketProblem#slots()}
 * @param market  index of its market in {@link agora.market.MarketTree#markets()}
 * @param agent   index of its owner in {@link MarketProblem#agents()}
 * @param owner   the participant that trades on it (for a pool manager, the collective)
 * @param partner who is on the other side: the partner of a bilateral trade, the pool's
 *                collective for a pool trade, the parent market for a trade with the outside
 * @param label   {@code owner->partner}, as written in reports and model names
 * @param low     lower bound: 0 when the owner may not buy, else -inf
 * @param high    upper bound: 0 when the owner may not sell, else +inf
 * @param price   what the owner pays on it
 * @param origin  the scenario element it stands for
 */
public record TradeSlot(int index, int market, int agent, SlotKind kind, Participant owner,
                        String partner, String label, double low, double high, SlotPrice price, Origin origin) {

    /**
     * True when {@code |v|} cannot be priced as one linear variable: the grid (priced apart on
     * sales and purchases) and a side that may both sell and buy and pays per MWh.
     */
    public boolean splitsSaleAndPurchase() {
        return price.isGrid() || (low < 0 && high > 0 && price.perMWh() != 0.0);
    }
}
