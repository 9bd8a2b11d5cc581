package agora.compiler;

import agora.units.Dimension;
import agora.units.Numbers;
import agora.units.Quantity;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How numbers, quantities and times appear in messages. */
final class Formats {
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private Formats() {
    }

    /** A number as {@link Numbers} writes it ({@code 17520}, {@code 0.001}, {@code 1e300}). */
    static String number(double v) {
        return Numbers.format(v);
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
