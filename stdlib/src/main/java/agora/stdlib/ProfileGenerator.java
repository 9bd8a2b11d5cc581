package agora.stdlib;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * A deterministic, seeded generator of one kind of time series (solar output, wind output,
 * household load, wholesale price), called from a scenario as {@code solar(capacity: 5 MW, seed:
 * 3)}. Implementations are found with {@link java.util.ServiceLoader}, so a jar on the class path
 * can add its own (list the class in {@code META-INF/services/agora.stdlib.ProfileGenerator}).
 *
 * <p>Everything is in Agora's canonical units: power in MW, prices in currency/MWh. The same
 * arguments always give the same series.
 */
public interface ProfileGenerator {

    /** The name used in scenarios, e.g. {@code "solar"}. */
    String name();

    /** One sentence for documentation and hints. */
    String description();

    /** Canonical unit text of the generated values: {@code "MW"} or {@code "$/MWh"}. */
    String outputUnit();

    /** The accepted parameters, in the order they are documented. */
    List<Parameter> parameters();

    /**
     * {@code count} values, one per step of length {@code step} starting at {@code start}
     * (local time of the scenario; each value describes the step that begins at its time).
     *
     * @param arguments canonical values by parameter name; a missing parameter takes its default.
     *                  Callers check names and required parameters; an implementation throws
     *                  {@link IllegalArgumentException} for a value outside its documented range.
     */
    double[] generate(LocalDateTime start, Duration step, int count, Map<String, Double> arguments);

    /**
     * One parameter of a generator.
     *
     * @param unit         canonical unit text of the argument: {@code "MW"}, {@code "$/MWh"}, or
     *                     {@code ""} for a plain number (degrees, m/s, seeds are plain numbers)
     * @param defaultValue the value used when the argument is absent; {@link Double#NaN} marks a
     *                     required parameter
     */
    record Parameter(String name, String unit, double defaultValue, String description) {

        public boolean isRequired() {
            return Double.isNaN(defaultValue);
        }
    }
}
