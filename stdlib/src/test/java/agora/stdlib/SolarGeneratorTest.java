package agora.stdlib;

import static agora.stdlib.ProfileGeneratorsTest.HALF_HOUR;
import static agora.stdlib.ProfileGeneratorsTest.JULY_2012;
import static agora.stdlib.ProfileGeneratorsTest.YEAR_OF_HALF_HOURS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SolarGeneratorTest {
    private static final double CAPACITY = 5.0;

    private static double[] year(Map<String, Double> extra) {
        Map<String, Double> args = new java.util.HashMap<>(Map.of("capacity", CAPACITY, "seed", 7.0));
        args.putAll(extra);
        return new SolarGenerator().generate(JULY_2012, HALF_HOUR, YEAR_OF_HALF_HOURS, args);
    }

    private static double mean(double[] v, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += v[i];
        }
        return sum / (to - from);
    }

    @Test
    void declinationAtTheSolstices() {
        // Cooper: 23.45° sin(2π (284 + N) / 365); N = 355 (21 Dec): sin(2π · 639/365) = -0.99999
        assertEquals(-23.4498, SolarGeometry.declinationDeg(355), 1e-4);
        assertEquals(23.4498, SolarGeometry.declinationDeg(172), 1e-4);
        // N = 81: 284 + 81 = 365, a full turn
        assertEquals(0.0, SolarGeometry.declinationDeg(81), 1e-12);
    }

    @Test
    void noonElevationInSydney() {
        // at solar noon the elevation is 90° - |latitude - declination|:
        // 21 Dec: 90 - |-33.9 + 23.4498| = 79.5498°; 21 Jun: 90 - |-33.9 - 23.4498| = 32.6502°
        // solar noon on the clock: 12:00 minus the equation of time (1.029 min on day 355)
        double decNoon = 12 - SolarGeometry.equationOfTimeMinutes(355) / 60;
        double junNoon = 12 - SolarGeometry.equationOfTimeMinutes(172) / 60;
        assertEquals(Math.sin(Math.toRadians(79.5498)), SolarGeometry.sinElevation(-33.9, 355, decNoon), 1e-6);
        assertEquals(Math.sin(Math.toRadians(32.6502)), SolarGeometry.sinElevation(-33.9, 172, junNoon), 1e-6);
        // B = 0 on day 81: EoT = -7.53 min
        assertEquals(-7.53, SolarGeometry.equationOfTimeMinutes(81), 1e-12);
    }

    @Test
    void haurwitzClearSky() {
        // sun overhead: 1098 · e^-0.057 = 1037.164 W/m²; 30° elevation: 1098 · 0.5 · e^-0.114 = 489.850
        assertEquals(1037.164, SolarGeometry.clearSkyIrradiance(1.0), 1e-3);
        assertEquals(489.850, SolarGeometry.clearSkyIrradiance(0.5), 1e-3);
        assertEquals(0.0, SolarGeometry.clearSkyIrradiance(-0.2));
    }

    @Test
    void boundedByZeroAndCapacityAndDarkAtNight() {
        double[] v = year(Map.of());
        for (double x : v) {
            assertTrue(x >= 0 && x <= CAPACITY, "out of bounds: " + x);
        }
        // every step from 22:00 to 04:00 (the whole step in darkness all year at 33.9° S)
        for (int day = 0; day < 365; day++) {
            for (int slot = 0; slot < 8; slot++) {
                assertEquals(0.0, v[day * 48 + slot], "00:00-04:00 of day " + day);
            }
            for (int slot = 44; slot < 48; slot++) {
                assertEquals(0.0, v[day * 48 + slot], "22:00-24:00 of day " + day);
            }
        }
        // the highest output stays below PR × 1037 W/m² / 1000 W/m² = 0.8816 of capacity
        assertTrue(java.util.Arrays.stream(v).max().orElseThrow() <= 0.8816 * CAPACITY);
    }

    @Test
    void moreSunInDecemberThanInJuneAtSydney() {
        double[] v = year(Map.of());
        // the year starts on 1 July 2012: June 2013 is days 335-364, December 2012 days 153-183
        double december = mean(v, 153 * 48, 184 * 48);
        double june = mean(v, 335 * 48, 365 * 48);
        assertTrue(december > 1.8 * june, "December " + december + " June " + june);
        // north of the equator the seasons swap
        double[] north = year(Map.of("latitude", 50.0));
        assertTrue(mean(north, 335 * 48, 365 * 48) > 2 * mean(north, 153 * 48, 184 * 48));
    }

    @Test
    void cloudinessScalesTheMeanAsTheCloudIndexDoes() {
        // the clear-sky index is independent of the time of day, so the yearly mean output scales
        // with its mean: clear ≈ 0.97 - 0.03·E[(Z - 1)+] = 0.97 - 0.03·0.0833 = 0.9675,
        // overcast ≈ 0.40 (clipping at 0 lies 2.7 σ away): ratio 0.40 / 0.9675 = 0.413
        double clear = mean(year(Map.of("cloudiness", 0.0)), 0, YEAR_OF_HALF_HOURS);
        double overcast = mean(year(Map.of("cloudiness", 1.0)), 0, YEAR_OF_HALF_HOURS);
        assertEquals(0.413, overcast / clear, 0.02);
        // default cloudiness 0.3: weather share 0.304 cloudy at 30-min steps, so mean index
        // 0.696 · 0.9675 + 0.304 · 0.40 = 0.795 of the clear mean
        double usual = mean(year(Map.of()), 0, YEAR_OF_HALF_HOURS);
        assertEquals(0.795 / 0.9675, usual / clear, 0.06);
        // a Sydney PV capacity factor (a realistic 14-19 %)
        assertTrue(usual / CAPACITY > 0.14 && usual / CAPACITY < 0.19, "capacity factor " + usual / CAPACITY);
    }

    @Test
    void longStepsAverageOverTheStep() {
        // one-day steps: the average of 144 points, so about a sixth of the daily peak, never 0
        double[] daily = new SolarGenerator().generate(LocalDateTime.of(2012, 12, 1, 0, 0), Duration.ofDays(1), 10,
                Map.of("capacity", CAPACITY, "cloudiness", 0.0));
        for (double d : daily) {
            assertTrue(d > 0.15 * CAPACITY && d < 0.35 * CAPACITY, "daily mean " + d);
        }
    }
}
