package agora.market.run;

import agora.scenario.TimeAxis;

/**
 * The steps {@code from} (inclusive) to {@code to} (exclusive) of a scenario's horizon, 0-based.
 */
public record StepRange(int from, int to) {

    public StepRange {
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("bad step range [" + from + ", " + to + ")");
        }
    }

    /** Every step of the horizon. */
    public static StepRange all(TimeAxis time) {
        return new StepRange(0, time.count());
    }

    public int size() {
        return to - from;
    }

    public boolean contains(int step) {
        return step >= from && step < to;
    }
}
