package agora.market.admm;

import agora.market.formulation.SlotPrice;
import agora.scenario.Profile;
import agora.scenario.QuadraticCost;

/**
 * Everything one agent knows before the negotiation starts, and nothing else: its own cost and
 * bounds, and for each of its trade slots what it pays per MWh and which sign it may take. Slots
 * are numbered locally; the agent does not know who is on the other side of a slot.
 *
 * @param name       the agent's scenario name (peer or collective), for messages
 * @param cost       hourly cost of its net position (zero for a collective's manager)
 * @param lower      lower bound of its net position per step; null for a manager, whose trades
 *                   must balance (net position 0: what it buys on one side it sells on the other)
 * @param upper      upper bound per step; null exactly when {@code lower} is
 * @param slotPrice  what it pays on each slot ({@link SlotPrice}: per-MWh charges, and for the
 *                   grid its import and export prices), read from the market problem
 * @param slotLow    lower bound of each slot (0 for a producer's trades, else -inf)
 * @param slotHigh   upper bound of each slot (0 for a consumer's trades, else +inf)
 * @param poolSlot   true where the slot is a pool position (the pool's manager answers), false
 *                   where it is a bilateral trade (the partner answers)
 * @param announcesInjection true when its injection loads a limited line: it then also announces
 *                   its net position to the network operator, on one more slot after its
 *                   trades, and pays the locational price the operator answers with
 */
record AgentData(String name, QuadraticCost cost, Profile lower, Profile upper, SlotPrice[] slotPrice,
                 double[] slotLow, double[] slotHigh, boolean[] poolSlot, boolean announcesInjection) {

    AgentData(String name, QuadraticCost cost, Profile lower, Profile upper, SlotPrice[] slotPrice,
              double[] slotLow, double[] slotHigh, boolean[] poolSlot) {
        this(name, cost, lower, upper, slotPrice, slotLow, slotHigh, poolSlot, false);
    }

    AgentData {
        int n = slotPrice.length;
        if (slotLow.length != n || slotHigh.length != n || poolSlot.length != n) {
            throw new IllegalArgumentException("slot arrays of agent " + name + " differ in length");
        }
        if ((lower == null) != (upper == null)) {
            throw new IllegalArgumentException("agent " + name + ": bounds half given");
        }
        slotPrice = slotPrice.clone();
        slotLow = slotLow.clone();
        slotHigh = slotHigh.clone();
        poolSlot = poolSlot.clone();
    }

    int slotCount() {
        return slotPrice.length;
    }

    boolean isManager() {
        return lower == null;
    }

    boolean isPool(int slot) {
        return poolSlot[slot];
    }

    @Override
    public String toString() {
        return "AgentData[" + name + ", " + slotPrice.length + " slots]";
    }
}
