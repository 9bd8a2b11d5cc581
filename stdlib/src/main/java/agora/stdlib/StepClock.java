package agora.stdlib;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;

/** Local calendar facts about the steps of a horizon. */
final class StepClock {
    private static final double SECONDS_PER_HOUR = 3600.0;

    private final LocalDateTime start;
    private final Duration step;

    StepClock(LocalDateTime start, Duration step) {
        if (step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("the time step must be positive, not " + step);
        }
        this.start = start;
        this.step = step;
    }

    static void requireCount(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("the number of steps must not be negative: " + count);
        }
    }

    double stepHours() {
        return step.toNanos() / 1e9 / SECONDS_PER_HOUR;
    }

    /** The start of step {@code index}, plus {@code offsetHours}. */
    LocalDateTime at(int index, double offsetHours) {
        long nanos = Math.round(offsetHours * SECONDS_PER_HOUR * 1e9);
        return start.plus(step.multipliedBy(index)).plusNanos(nanos);
    }

    /** The middle of step {@code index}: a step's value describes the whole step. */
    LocalDateTime middle(int index) {
        return at(index, stepHours() / 2);
    }

    static double hourOfDay(LocalDateTime time) {
        return time.getHour() + time.getMinute() / 60.0 + time.getSecond() / SECONDS_PER_HOUR
                + time.getNano() / 1e9 / SECONDS_PER_HOUR;
    }

    static boolean isWeekend(LocalDateTime time) {
        DayOfWeek day = time.getDayOfWeek();
        return day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
    }
}
