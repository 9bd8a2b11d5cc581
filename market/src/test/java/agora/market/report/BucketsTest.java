package agora.market.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class BucketsTest {
    private static final LocalDateTime START = LocalDateTime.of(2012, 7, 1, 0, 0);

    @Test
    void aYearOfHalfHoursIsShownByDay() {
        Buckets b = Buckets.choose(0, 17_520, START, 0.5);
        assertEquals("day", b.name());
        assertEquals(48, b.stepsPerGroup());
        assertEquals(365, b.count());
        assertEquals(0, b.of(47));
        assertEquals(1, b.of(48));
        assertEquals(364, b.of(17_519));
        assertEquals(-1, b.of(17_520));
        assertEquals("2013-06-30T00:00", b.times().get(364));
    }

    @Test
    void fewStepsAreShownOneByOneAndSomeMoreByHour() {
        Buckets steps = Buckets.choose(6, 24, START, 1);
        assertEquals("step", steps.name());
        assertEquals(List.of("2012-07-01T00:00", "2012-07-01T01:00"), steps.times().subList(0, 2));
        assertEquals(0, steps.of(6));
        assertEquals(-1, steps.of(5));
        Buckets hours = Buckets.choose(0, 1100, START, 0.5);
        assertEquals("hour", hours.name());
        assertEquals(550, hours.count());
        // 7-minute steps fit no hour or day: weeks of 1440 steps
        assertEquals("week", Buckets.choose(0, 5000, START, 7 / 60.0).name());
        // 13-second steps fit nothing: groups of as many steps as keep 1000 points
        Buckets odd = Buckets.choose(0, 100_000, START, 13 / 3600.0);
        assertEquals("100 steps", odd.name());
        assertEquals(1000, odd.count());
    }
}
