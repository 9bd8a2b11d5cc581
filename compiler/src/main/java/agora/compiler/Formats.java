package agora.compiler;

import agora.units.Dimension;
import agora.units.Quantity;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How numbers, quantities and times appear in messages. */
final class Formats {
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private Formats() {
    }

    /** A plain number with up to six significant digits ({@code 17520}, {@code 0.001}). */
    static String number(double v) {
        return new Quantity(v, Dimension.NONE).format("$");
    }

    /** A canonical value with a readable unit ({@code 20 MW}, {@code 52 $/MWh}). */
    static String quantity(double v, Dimension dimension, String currency) {
        if (dimension.equals(Dimension.POWER)) {
            // power stays in MW in messages: bounds are compared in MW
            return number(v) + " MW";
        }
        return new Quantity(v, dimension).format(currency);
    }

    static String time(LocalDateTime t) {
        return TIMESTAMP.format(t);
    }
}
