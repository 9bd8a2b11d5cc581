package agora.stdlib;

import static agora.stdlib.ProfileGeneratorsTest.HALF_HOUR;
import static agora.stdlib.ProfileGeneratorsTest.JULY_2012;
import static agora.stdlib.ProfileGeneratorsTest.YEAR_OF_HALF_HOURS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WindGeneratorTest {

    @Test
    void powerCurve() {
        assertEquals(0.0, WindGenerator.powerCurve(2.9));
        assertEquals(0.0, WindGenerator.powerCurve(3.0));
        // (7.5³ - 3³) / (12³ - 3³) = (421.875 - 27) / (1728 - 27) = 394.875 / 1701 = 0.232143
        assertEquals(0.232143, WindGenerator.powerCurve(7.5), 1e-6);
        assertEquals(1.0, WindGenerator.powerCurve(12.0));
        assertEquals(1.0, WindGenerator.powerCurve(25.0));
        assertEquals(0.0, WindGenerator.powerCurve(25.1));
    }

    @Test
    void capacityFactorMatchesTheRayleighIntegral() {
        // E[curve(v)] for v Rayleigh with mean 7 m/s (σ = 7 / sqrt(π/2) = 5.585), integrated
        // numerically: 0.2927. Twenty years of half-hours average out the slow weather.
        int count = 20 * YEAR_OF_HALF_HOURS;
        double capacity = 20.0;
        double[] v = new WindGenerator().generate(JULY_2012, HALF_HOUR, count, Map.of("capacity", capacity, "seed", 3.0));
        for (double x : v) {
            assertTrue(x >= 0 && x <= capacity, "out of bounds: " + x);
        }
        double capacityFactor = Arrays.stream(v).average().orElseThrow() / capacity;
        assertEquals(0.2927, capacityFactor, 0.02);
        // calmer site: mean 5 m/s gives 0.1229 by the same integral
        double[] calm = new WindGenerator().generate(JULY_2012, HALF_HOUR, count,
                Map.of("capacity", capacity, "mean_speed", 5.0, "seed", 3.0));
        assertEquals(0.1229, Arrays.stream(calm).average().orElseThrow() / capacity, 0.015);
    }

    @Test
    void persistsFromHourToHour() {
        // the wind components' 48 h correlation time keeps the output's correlation between
        // hours at about 0.95, as measured for single farms; white noise would give 0
        double[] v = new WindGenerator().generate(JULY_2012, HALF_HOUR, YEAR_OF_HALF_HOURS, Map.of("capacity", 1.0));
        double mean = Arrays.stream(v).average().orElseThrow();
        double variance = 0;
        double covariance = 0;
        for (int i = 0; i < v.length; i++) {
            variance += (v[i] - mean) * (v[i] - mean);
            if (i >= 2) {
                covariance += (v[i] - mean) * (v[i - 2] - mean);
            }
        }
        assertTrue(covariance / variance > 0.93, "hourly autocorrelation " + covariance / variance);
    }
}
