package agora.market.formulation;

import agora.scenario.Profile;

/**
 * What one side of a trade pays per MWh, in the one place that says it. A slot's value {@code v}
 * (MW) is its owner's sale: positive sells, negative buys. The owner pays {@code perMWh |v|}
 * (γ, fees between collectives, network charges, its preferences); the grid also charges its
 * import price π⁺ on what it sells and pays its export price π⁻ on what it buys, so its hourly
 * cost is {@code saleCost(t) max(v, 0) + purchaseCost(t) max(-v, 0)}.
 *
 * <p>The centralized lowering prices the sale and purchase parts of a split trade with
 * {@link #saleCost} and {@link #purchaseCost}, each ADMM agent prices its own slots with them, and
 * the accounting charges {@link #fee} and settles {@link #gridSettlement}: the three read the same
 * numbers.
 *
 * @param perMWh      per-MWh cost on |v|, currency/MWh
 * @param importPrice for a grid's slot: π⁺ per step; null otherwise
 * @param exportPrice for a grid's slot: π⁻ per step; null exactly when {@code importPrice} is
 */
public record SlotPrice(double perMWh, Profile importPrice, Profile exportPrice) {

    public SlotPrice {
        if ((importPrice == null) != (exportPrice == null)) {
            throw new IllegalArgumentException("a grid slot needs both an import and an export price");
        }
    }

    /** A trade side that pays only per MWh (no grid prices). */
    public static SlotPrice perMWh(double cost) {
        return new SlotPrice(cost, null, null);
    }

    public boolean isGrid() {
        return importPrice != null;
    }

    /** Cost per MWh sold in step {@code step} (currency/MWh). */
    public double saleCost(int step) {
        return isGrid() ? perMWh + importPrice.at(step) : perMWh;
    }

    /** Cost per MWh bought in step {@code step}: negative when buying earns (the grid's π⁻). */
    public double purchaseCost(int step) {
        return isGrid() ? perMWh - exportPrice.at(step) : perMWh;
    }

    /** The per-MWh charges on a slot value, hourly (currency/h). */
    public double fee(double value) {
        return perMWh * Math.abs(value);
    }

    /**
     * The grid's external settlement of a slot value, hourly: π⁺ on its sales minus π⁻ on its
     * purchases; 0 for a slot that is not the grid's.
     */
    public double gridSettlement(double value, int step) {
        return importCost(value, step) - exportRevenue(value, step);
    }

    /** What the grid charges upstream for a sale on this slot, hourly: π⁺ max(v, 0); 0 off the grid. */
    public double importCost(double value, int step) {
        return isGrid() ? importPrice.at(step) * Math.max(0.0, value) : 0.0;
    }

    /** What the grid earns upstream for a purchase on this slot, hourly: π⁻ max(-v, 0); 0 off the grid. */
    public double exportRevenue(double value, int step) {
        return isGrid() ? exportPrice.at(step) * Math.max(0.0, -value) : 0.0;
    }

    /** Hourly cost of the slot at {@code value}: {@link #fee} plus {@link #gridSettlement}. */
    public double cost(double value, int step) {
        return fee(value) + gridSettlement(value, step);
    }
}
