package agora.stdlib;

import static agora.stdlib.ProfileGeneratorsTest.HALF_HOUR;
import static agora.stdlib.ProfileGeneratorsTest.JULY_2012;
import static agora.stdlib.ProfileGeneratorsTest.YEAR_OF_HALF_HOURS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WholesalePriceGeneratorTest {
    private static final double MEAN = 55.0;

    private static double[] year(Map<String, Double> extra) {
        Map<String, Double> args = new HashMap<>(Map.of("mean", MEAN));
        args.putAll(extra);
        return new WholesalePriceGenerator().generate(JULY_2012, HALF_HOUR, YEAR_OF_HALF_HOURS, args);
    }

    @Test
    void theShapeAveragesToOneOverAWeek() {
        // linear interpolation between hourly knots sampled at hh:15 and hh:45 averages to the
        // knots' mean; five weekdays at 1.04 and two weekend days at 0.9 average to 1
        double sum = 0;
        for (int day = 0; day < 7; day++) {
            for (int half = 0; half < 48; half++) {
                sum += WholesalePriceGenerator.shape(day >= 5, half / 2.0 + 0.25);
            }
        }
        assertEquals(1.0, sum / (7 * 48), 1e-12);
        // 18:00 weekday: 1.45 / mean of the knots (23.91 / 24 = 0.99625) · 1.04 = 1.51368
        assertEquals(1.51368, WholesalePriceGenerator.shape(false, 18.0), 1e-5);
    }

    @Test
    void yearlyMeanIsTheMean() {
        for (double seed : new double[] {1, 2, 3}) {
            double average = Arrays.stream(year(Map.of("seed", seed))).average().orElseThrow();
            assertEquals(MEAN, average, 0.025 * MEAN, "seed " + seed);
        }
    }

    @Test
    void eveningPeakNightTroughAndSpikes() {
        double[] p = year(Map.of());
        double evening = 0;
        double night = 0;
        for (int day = 0; day < 365; day++) {
            evening += p[day * 48 + 36] + p[day * 48 + 37]; // 18:00-19:00
            night += p[day * 48 + 6] + p[day * 48 + 7];     // 03:00-04:00
        }
        // shape ratio 1.45 / 0.76 = 1.9 before noise and spikes
        assertEquals(1.9, evening / night, 0.2);
        assertTrue(Arrays.stream(p).max().orElseThrow() > 3 * MEAN, "no spike in a year");
    }

    @Test
    void neverBelowTheFloor() {
        assertTrue(Arrays.stream(year(Map.of("volatility", 1.0))).allMatch(x -> x >= 0));
        double[] lowFloor = year(Map.of("volatility", 1.0, "floor", -1000.0));
        assertTrue(Arrays.stream(lowFloor).anyMatch(x -> x < 0), "negative prices allowed below a negative floor");
        assertTrue(Arrays.stream(year(Map.of("floor", 40.0))).allMatch(x -> x >= 40.0));
    }
}
