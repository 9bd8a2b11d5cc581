package agora.stdlib;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Calendar facts about points in time within the steps of a horizon, in the scenario's local
 * wall-clock time (no time zone, no daylight saving: every day has 24 hours). Points are seconds
 * on that clock's own count from 1970-01-01 00:00, so a year of steps needs no date objects
 * beyond one per day. Not thread-safe: each generation makes its own.
 */
final class StepClock {
    static final double SECONDS_PER_HOUR = 3600.0;
    static final double SECONDS_PER_DAY = 86400.0;
    private static final double NANOS_PER_SECOND = 1e9;

    private final double startSeconds;
    private final double stepSeconds;
    private long cachedDay = Long.MIN_VALUE;
    private int cachedDayOfYear;
    private boolean cachedWeekend;

    StepClock(LocalDateTime start, Duration step) {
        if (step.isNegative() || step.isZero()) {
            throw new IllegalArgumentException("the time step must be positive, not " + step);
        }
        // UTC only as arithmetic on the wall clock: no zone rules are applied
        this.startSeconds = start.toEpochSecond(ZoneOffset.UTC) + start.getNano() / NANOS_PER_SECOND;
        this.stepSeconds = step.toNanos() / NANOS_PER_SECOND;
    }

    static void requireCount(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("the number of steps must not be negative: " + count);
        }
    }

    double stepHours() {
        return stepSeconds / SECONDS_PER_HOUR;
    }

    /** The point {@code offsetHours} after the start of step {@code index}, in clock seconds. */
    double at(int index, double offsetHours) {
        return startSeconds + index * stepSeconds + offsetHours * SECONDS_PER_HOUR;
    }

    /** The middle of step {@code index}: a step's value describes the whole step. */
    double middle(int index) {
        return at(index, stepHours() / 2);
    }

    /** Hours since midnight at {@code seconds}, in [0, 24). */
    static double hourOfDay(double seconds) {
        double day = Math.floor(seconds / SECONDS_PER_DAY);
        return (seconds - day * SECONDS_PER_DAY) / SECONDS_PER_HOUR;
    }

    /** Day of the year at {@code seconds}, 1 = 1 January. */
    int dayOfYear(double seconds) {
        load(seconds);
        return cachedDayOfYear;
    }

    /** Saturday or Sunday at {@code seconds}. */
    boolean isWeekend(double seconds) {
        load(seconds);
        return cachedWeekend;
    }

    private void load(double seconds) {
        long day = (long) Math.floor(seconds / SECONDS_PER_DAY);
        if (day != cachedDay) {
            LocalDate date = LocalDate.ofEpochDay(day);
            cachedDayOfYear = date.getDayOfYear();
            cachedWeekend = date.getDayOfWeek() == DayOfWeek.SATURDAY
                    || date.getDayOfWeek() == DayOfWeek.SUNDAY;
            cachedDay = day;
        }
    }
}
