package agora.compiler;

import agora.units.Dimension;
import java.util.Map;

/** Names of the dimensions users meet, for messages ("expected a power (MW)"). */
final class Dimensions {
    private static final Map<Dimension, String> NAMES = Map.of(
            Dimension.POWER, "power",
            Dimension.TIME, "duration",
            Dimension.ENERGY, "energy",
            Dimension.MONEY, "amount of money",
            Dimension.PRICE, "price",
            Dimension.QUADRATIC_COST, "quadratic cost coefficient",
            Dimension.COST_RATE, "hourly cost");

    private Dimensions() {
    }

    static String name(Dimension dimension) {
        return NAMES.getOrDefault(dimension, "quantity");
    }

    /** "a power (MW)", "a price ($/MWh)", "a plain number". */
    static String describe(Dimension dimension, String currency) {
        if (dimension.isNone()) {
            return "a plain number";
        }
        return article(name(dimension)) + " (" + dimension.format(currency) + ")";
    }

    /** "a power", "an energy", "an amount of money". */
    static String article(String noun) {
        return ("aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ") + noun;
    }
}
