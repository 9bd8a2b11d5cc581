package agora.stdlib;

import static agora.stdlib.ProfileGeneratorsTest.HALF_HOUR;
import static agora.stdlib.ProfileGeneratorsTest.JULY_2012;
import static agora.stdlib.ProfileGeneratorsTest.YEAR_OF_HALF_HOURS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HouseholdLoadGeneratorTest {
    private static final double PEAK = 8.0;
    /** Monday 15 July 2013, day 196 of its year: the southern winter peak day. */
    private static final LocalDateTime WINTER_MONDAY = LocalDateTime.of(2013, 7, 15, 0, 0);

    private static double[] generate(LocalDateTime start, Duration step, int count, Map<String, Double> extra) {
        Map<String, Double> args = new HashMap<>(Map.of("peak", PEAK));
        args.putAll(extra);
        return new HouseholdLoadGenerator().generate(start, step, count, args);
    }

    @Test
    void reachesThePeakOnAWinterWeekdayEvening() {
        // one-minute steps over the winter Monday, no noise: the maximum (at about 18:23) is the peak
        double[] minutes = generate(WINTER_MONDAY, Duration.ofMinutes(1), 24 * 60, Map.of("noise", 0.0));
        int argmax = 0;
        for (int i = 1; i < minutes.length; i++) {
            argmax = minutes[i] > minutes[argmax] ? i : argmax;
        }
        assertEquals(PEAK, minutes[argmax], 1e-4);
        assertEquals(18 * 60 + 23, argmax, 1);
        // 03:00-03:01: base 0.3·8 = 2.4 MW plus 0.0044 of the 5.6 MW swing (the bumps' tails) = 2.4246
        assertEquals(2.4246, minutes[180], 1e-3);
        // 07:30 morning peak: 2.4 + 5.6 · 0.5795 = 5.645
        assertEquals(5.645, minutes[450], 1e-2);
    }

    @Test
    void weekendMorningsStartLater() {
        // Saturday 20 July 2013 07:30 against Monday 15 July 07:30 (seasons differ by 5 days only)
        double[] monday = generate(WINTER_MONDAY.plusHours(7).plusMinutes(15), HALF_HOUR, 1, Map.of("noise", 0.0));
        double[] saturday = generate(WINTER_MONDAY.plusDays(5).plusHours(7).plusMinutes(15), HALF_HOUR, 1,
                Map.of("noise", 0.0));
        assertTrue(monday[0] > 1.2 * saturday[0], monday[0] + " vs " + saturday[0]);
    }

    @Test
    void winterAboveSummerInTheSouthAndTheOtherWayInTheNorth() {
        double[] south = generate(JULY_2012, HALF_HOUR, YEAR_OF_HALF_HOURS, Map.of());
        double[] north = generate(JULY_2012, HALF_HOUR, YEAR_OF_HALF_HOURS, Map.of("latitude", 51.5));
        // July 2012 is days 0-30 of the series, January 2013 days 184-214
        double southJuly = mean(south, 0, 31 * 48);
        double southJanuary = mean(south, 184 * 48, 215 * 48);
        // season factor ratio mid-winter to mid-summer: (1 + 0.15) / (1 - 0.15) = 1.35 (monthly means a bit less)
        assertEquals(1.35, southJuly / southJanuary, 0.06);
        assertTrue(mean(north, 184 * 48, 215 * 48) > 1.25 * mean(north, 0, 31 * 48));
    }

    @Test
    void noiseKeepsTheMeanAndTheSign() {
        double[] quiet = generate(JULY_2012, HALF_HOUR, YEAR_OF_HALF_HOURS, Map.of("noise", 0.0));
        double[] noisy = generate(JULY_2012, HALF_HOUR, YEAR_OF_HALF_HOURS, Map.of("noise", 0.1));
        // multiplicative noise of mean 1 independent of the shape: equal means within 1 %
        assertEquals(1.0, mean(noisy, 0, noisy.length) / mean(quiet, 0, quiet.length), 0.01);
        assertTrue(Arrays.stream(noisy).allMatch(x -> x >= 0));
        assertTrue(Arrays.stream(quiet).max().orElseThrow() <= PEAK + 1e-9);
        // about half the peak on average (a household load factor)
        double loadFactor = mean(quiet, 0, quiet.length) / PEAK;
        assertTrue(loadFactor > 0.4 && loadFactor < 0.6, "load factor " + loadFactor);
    }

    private static double mean(double[] v, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += v[i];
        }
        return sum / (to - from);
    }
}
