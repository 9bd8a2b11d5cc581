package agora.market.formulation;

import agora.scenario.Peer;
import agora.scenario.Profile;

/**
 * What one side of a trade pays per MWh, in the one place that says it. A slot's value {@code v}
 * (MW) is its owner's sale: positive sells, negative buys. The owner pays {@code perMWh |v|}
 * (γ, fees between collectives, network charges, its preferences). Where the grid's prices
 * apply, they come on top:
 * <ul>
 *   <li>{@link GridRole#GRID}: the slot is the grid's own; the grid charges its import price π⁺
 *       on what it sells and pays its export price π⁻ on what it buys;</li>
 *   <li>{@link GridRole#CUSTOMER}: the slot is a pool member's trade with the outside that
 *       formulation (2) settles directly at the grid's prices ({@code G(q_imp, q_exp)}): the
 *       member pays π⁺ on what it imports and earns π⁻ on what it exports.</li>
 * </ul>
 * The centralized lowering prices the sale and purchase parts of a split trade with
 * {@link #saleCost} and {@link #purchaseCost}, each ADMM agent prices its own slots with them, and
 * the accounting charges {@link #fee} and settles {@link #importCost} and {@link #exportRevenue}:
 * the three read the same numbers.
 *
 * <p>It holds the grid's name and public prices only, so a slot told to an ADMM agent reveals
 * nothing about any other party.
 *
 * @param perMWh      per-MWh cost on |v|, currency/MWh
 * @param role        whether and how the grid's prices apply
 * @param grid        the name of the grid whose prices apply; null exactly when {@code role} is NONE
 * @param importPrice the grid's π⁺ per step; null exactly when {@code grid} is
 * @param exportPrice the grid's π⁻ per step; null exactly when {@code grid} is
 */
public record SlotPrice(double perMWh, GridRole role, String grid, Profile importPrice,
                        Profile exportPrice) {

    /** How the grid's prices apply to a slot. */
    public enum GridRole { NONE, GRID, CUSTOMER }

    public SlotPrice {
        boolean priced = role != GridRole.NONE;
        if (priced != (grid != null) || priced != (importPrice != null) || priced != (exportPrice != null)) {
            throw new IllegalArgumentException("a slot priced by the grid needs its name and both "
                    + "prices, and only such a slot has them");
        }
    }

    /** A trade side that pays only per MWh. */
    public static SlotPrice perMWh(double cost) {
        return new SlotPrice(cost, GridRole.NONE, null, null, null);
    }

    /** The grid's own side of a trade. */
    public static SlotPrice grid(double cost, Peer grid) {
        return new SlotPrice(cost, GridRole.GRID, grid.name(), requirePrice(grid, grid.importPrice(), "import"),
                requirePrice(grid, grid.exportPrice(), "export"));
    }

    /** A trade settled with the grid at its prices, from the customer's side. */
    public static SlotPrice customerOf(Peer grid) {
        return new SlotPrice(0.0, GridRole.CUSTOMER, grid.name(), requirePrice(grid, grid.importPrice(), "import"),
                requirePrice(grid, grid.exportPrice(), "export"));
    }

    private static Profile requirePrice(Peer grid, Profile price, String which) {
        if (price == null) {
            throw new IllegalArgumentException("grid peer '" + grid.name() + "' has no " + which + " price");
        }
        return price;
    }

    /** True when the grid's prices apply (the cost of a sale and of a purchase depend on the step). */
    public boolean isGrid() {
        return role != GridRole.NONE;
    }

    /** Cost per MWh sold in step {@code step} (currency/MWh): negative when selling earns. */
    public double saleCost(int step) {
        return switch (role) {
            case NONE -> perMWh;
            case GRID -> perMWh + importPrice().at(step);
            case CUSTOMER -> perMWh - exportPrice().at(step);
        };
    }

    /** Cost per MWh bought in step {@code step}: negative when buying earns (the grid's π⁻). */
    public double purchaseCost(int step) {
        return switch (role) {
            case NONE -> perMWh;
            case GRID -> perMWh - exportPrice().at(step);
            case CUSTOMER -> perMWh + importPrice().at(step);
        };
    }

    /**
     * For a customer's slot, the grid price of its trade: π⁻ on what it sells, π⁺ on what it
     * buys; 0 otherwise (the trade is priced by its row's dual alone).
     */
    public double customerPrice(double value, int step) {
        if (role != GridRole.CUSTOMER) {
            return 0.0;
        }
        return value > 0 ? exportPrice.at(step) : importPrice.at(step);
    }

    /** The per-MWh charges on a slot value, hourly (currency/h). */
    public double fee(double value) {
        return perMWh * Math.abs(value);
    }

    /** Energy the grid sells on this slot, MW: the grid's sale, or the customer's purchase. */
    public double gridSale(double value) {
        return switch (role) {
            case NONE -> 0.0;
            case GRID -> Math.max(0.0, value);
            case CUSTOMER -> Math.max(0.0, -value);
        };
    }

    /** Energy the grid buys on this slot, MW. */
    public double gridPurchase(double value) {
        return switch (role) {
            case NONE -> 0.0;
            case GRID -> Math.max(0.0, -value);
            case CUSTOMER -> Math.max(0.0, value);
        };
    }

    /** What the grid charges upstream for its sale on this slot, hourly: π⁺ times it. */
    public double importCost(double value, int step) {
        return isGrid() ? importPrice().at(step) * gridSale(value) : 0.0;
    }

    /** What the grid earns upstream for its purchase on this slot, hourly: π⁻ times it. */
    public double exportRevenue(double value, int step) {
        return isGrid() ? exportPrice().at(step) * gridPurchase(value) : 0.0;
    }
}
