package agora.stdlib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProfileGeneratorsTest {
    static final LocalDateTime JULY_2012 = LocalDateTime.of(2012, 7, 1, 0, 0);
    static final Duration HALF_HOUR = Duration.ofMinutes(30);
    static final int YEAR_OF_HALF_HOURS = 17520;

    /** The required arguments of each generator, with round values. */
    static Map<String, Double> required(String generator) {
        Map<String, Double> args = new HashMap<>();
        for (ProfileGenerator.Parameter p : ProfileGenerators.find(generator).orElseThrow().parameters()) {
            if (p.isRequired()) {
                args.put(p.name(), 10.0);
            }
        }
        return args;
    }

    @Test
    void theFourStandardGeneratorsSortedByName() {
        assertEquals(List.of("household_load", "solar", "wholesale_price", "wind"),
                ProfileGenerators.standard().stream().map(ProfileGenerator::name).sorted().toList());
        assertEquals(Optional.empty(), ProfileGenerators.find("tidal"));
        assertEquals("MW", ProfileGenerators.find("solar").orElseThrow().outputUnit());
        assertEquals("MW", ProfileGenerators.find("wind").orElseThrow().outputUnit());
        assertEquals("MW", ProfileGenerators.find("household_load").orElseThrow().outputUnit());
        assertEquals("$/MWh", ProfileGenerators.find("wholesale_price").orElseThrow().outputUnit());
    }

    @Test
    void requiredParametersAreTheSizes() {
        assertEquals(Map.of("capacity", 10.0), required("solar"));
        assertEquals(Map.of("capacity", 10.0), required("wind"));
        assertEquals(Map.of("peak", 10.0), required("household_load"));
        assertEquals(Map.of("mean", 10.0), required("wholesale_price"));
        for (ProfileGenerator g : ProfileGenerators.standard()) {
            assertTrue(g.parameters().stream().anyMatch(p -> p.name().equals("seed") && p.defaultValue() == 1),
                    g.name());
            assertFalse(g.description().isBlank());
            for (ProfileGenerator.Parameter p : g.parameters()) {
                assertTrue(List.of("", "MW", "$/MWh").contains(p.unit()), g.name() + "." + p.name());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"household_load", "solar", "wholesale_price", "wind"})
    void sameSeedSameSeriesOtherSeedOtherSeries(String name) {
        ProfileGenerator g = ProfileGenerators.find(name).orElseThrow();
        Map<String, Double> args = required(name);
        args.put("seed", 42.0);
        double[] a = g.generate(JULY_2012, HALF_HOUR, 2000, args);
        double[] b = ProfileGenerators.find(name).orElseThrow().generate(JULY_2012, HALF_HOUR, 2000, args);
        assertArrayEquals(a, b);
        args.put("seed", 43.0);
        double[] c = g.generate(JULY_2012, HALF_HOUR, 2000, args);
        assertFalse(Arrays.equals(a, c));
        assertEquals(0, g.generate(JULY_2012, HALF_HOUR, 0, args).length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"household_load", "solar", "wholesale_price", "wind"})
    void badArgumentsAreRefused(String name) {
        ProfileGenerator g = ProfileGenerators.find(name).orElseThrow();
        Map<String, Double> missing = new HashMap<>();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> g.generate(JULY_2012, HALF_HOUR, 10, missing));
        assertTrue(e.getMessage().startsWith(name + " needs the parameter '"), e.getMessage());
        Map<String, Double> unknown = required(name);
        unknown.put("colour", 1.0);
        assertEquals(name + " has no parameter 'colour'", assertThrows(IllegalArgumentException.class,
                () -> g.generate(JULY_2012, HALF_HOUR, 10, unknown)).getMessage());
        Map<String, Double> fractionalSeed = required(name);
        fractionalSeed.put("seed", 1.5);
        assertEquals(name + ": 'seed' must be a whole number, not 1.5", assertThrows(
                IllegalArgumentException.class, () -> g.generate(JULY_2012, HALF_HOUR, 10, fractionalSeed)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> g.generate(JULY_2012, Duration.ZERO, 10, required(name)));
        assertThrows(IllegalArgumentException.class, () -> g.generate(JULY_2012, HALF_HOUR, -1, required(name)));
    }

    @Test
    void outOfRangeValues() {
        Map<String, Double> cloudy = required("solar");
        cloudy.put("cloudiness", 1.2);
        assertEquals("solar: 'cloudiness' must lie between 0 and 1, not 1.2", assertThrows(
                IllegalArgumentException.class,
                () -> new SolarGenerator().generate(JULY_2012, HALF_HOUR, 10, cloudy)).getMessage());
        Map<String, Double> calm = required("wind");
        calm.put("mean_speed", 0.0);
        assertThrows(IllegalArgumentException.class, () -> new WindGenerator().generate(JULY_2012, HALF_HOUR, 10, calm));
        Map<String, Double> negative = required("household_load");
        negative.put("peak", -1.0);
        assertEquals("household_load: 'peak' must not be negative, not -1", assertThrows(IllegalArgumentException.class,
                () -> new HouseholdLoadGenerator().generate(JULY_2012, HALF_HOUR, 10, negative)).getMessage());
        Map<String, Double> endless = required("wholesale_price");
        endless.put("mean", Double.POSITIVE_INFINITY);
        assertEquals("wholesale_price: 'mean' must be a finite number, not Infinity", assertThrows(
                IllegalArgumentException.class,
                () -> new WholesalePriceGenerator().generate(JULY_2012, HALF_HOUR, 10, endless)).getMessage());
    }

    @Test
    void timingsOfAYearOfHalfHours() {
        StringBuilder report = new StringBuilder("generating 17520 half-hour steps:");
        for (ProfileGenerator g : ProfileGenerators.standard()) {
            long begin = System.nanoTime();
            double[] values = g.generate(JULY_2012, HALF_HOUR, YEAR_OF_HALF_HOURS, required(g.name()));
            long elapsed = System.nanoTime() - begin;
            assertEquals(YEAR_OF_HALF_HOURS, values.length);
            report.append(String.format(" %s %.1f ms;", g.name(), elapsed / 1e6));
        }
        System.out.println(report);
    }
}
