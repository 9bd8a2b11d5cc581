package agora.stdlib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Plug-ins come in through META-INF/services (this module's test resources declare two). */
class PluginGeneratorsTest {

    /** A plug-in: a flat series. */
    public static final class Flat implements ProfileGenerator {
        @Override
        public String name() {
            return "flat";
        }

        @Override
        public String description() {
            return "the same value every step";
        }

        @Override
        public String outputUnit() {
            return "MW";
        }

        @Override
        public List<Parameter> parameters() {
            return List.of(new Parameter("level", "MW", Double.NaN, "the value"));
        }

        @Override
        public double[] generate(LocalDateTime start, Duration step, int count, Map<String, Double> arguments) {
            double[] v = new double[count];
            Arrays.fill(v, arguments.get("level"));
            return v;
        }
    }

    /** A plug-in that tries to take over a standard name. */
    public static final class FakeSolar implements ProfileGenerator {
        @Override
        public String name() {
            return "solar";
        }

        @Override
        public String description() {
            return "not the standard solar";
        }

        @Override
        public String outputUnit() {
            return "MW";
        }

        @Override
        public List<Parameter> parameters() {
            return List.of();
        }

        @Override
        public double[] generate(LocalDateTime start, Duration step, int count, Map<String, Double> arguments) {
            return new double[count];
        }
    }

    @Test
    void pluginsJoinTheStandardGenerators() {
        assertEquals(List.of("flat", "household_load", "solar", "wholesale_price", "wind"), ProfileGenerators.names());
        ProfileGenerator flat = ProfileGenerators.find("flat").orElseThrow();
        assertArrayEquals(new double[] {2.5, 2.5}, flat.generate(LocalDateTime.of(2024, 1, 1, 0, 0),
                Duration.ofHours(1), 2, Map.of("level", 2.5)));
    }

    @Test
    void aPluginCannotReplaceAStandardGenerator() {
        ProfileGenerator solar = ProfileGenerators.find("solar").orElseThrow();
        assertTrue(solar instanceof SolarGenerator);
        assertFalse(ProfileGenerators.standard().stream().anyMatch(g -> g.name().equals("flat")));
    }
}
