package agora.market.report;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * How a run's steps are grouped for the charts: each step alone when there are few, else hours,
 * days or weeks, the finest grouping that keeps a series under {@link #MAX_POINTS} points (a year
 * of half-hours: 365 days). Groups start at the run's first step.
 *
 * @param name          step, hour, day, week, or "N steps" when no such grouping fits
 * @param stepsPerGroup steps in one group
 */
record Buckets(String name, int stepsPerGroup, int firstStep, int steps, LocalDateTime start,
               double stepHours) {
    /** Points of a time series, at most: keeps the page small and the charts responsive. */
    static final int MAX_POINTS = 1000;
    private static final double EXACT = 1e-9;

    static Buckets choose(int firstStep, int steps, LocalDateTime firstTime, double stepHours) {
        if (steps <= MAX_POINTS) {
            return new Buckets("step", 1, firstStep, steps, firstTime, stepHours);
        }
        String[] names = {"hour", "day", "week"};
        double[] hours = {1, 24, 168};
        for (int i = 0; i < names.length; i++) {
            double perGroup = hours[i] / stepHours;
            long whole = Math.round(perGroup);
            if (whole >= 1 && Math.abs(perGroup - whole) < EXACT
                    && (steps + whole - 1) / whole <= MAX_POINTS) {
                return new Buckets(names[i], (int) whole, firstStep, steps, firstTime, stepHours);
            }
        }
        int perGroup = (steps + MAX_POINTS - 1) / MAX_POINTS;
        return new Buckets(perGroup + " steps", perGroup, firstStep, steps, firstTime, stepHours);
    }

    int count() {
        return (steps + stepsPerGroup - 1) / stepsPerGroup;
    }

    /** The group of {@code step}, or -1 when the step is outside the run. */
    int of(int step) {
        int offset = step - firstStep;
        return offset < 0 || offset >= steps ? -1 : offset / stepsPerGroup;
    }

    /** The start of each group, to the minute. */
    List<String> times() {
        List<String> times = new ArrayList<>();
        for (int g = 0; g < count(); g++) {
            long minutes = Math.round((double) g * stepsPerGroup * stepHours * 60);
            times.add(start.plusMinutes(minutes).toString());
        }
        return times;
    }
}
