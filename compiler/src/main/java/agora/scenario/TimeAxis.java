package agora.scenario;

import java.time.Duration;
import java.time.LocalDateTime;

/** The horizon: {@code count} steps of length {@code step} starting at {@code start}. */
public record TimeAxis(LocalDateTime start, Duration step, int count) {

    /** Length of one step in hours (Δt): a step costs Δt times the hourly cost. */
    public double stepHours() {
        return step.toSeconds() / 3600.0;
    }

    /** Start time of step {@code t} (0-based). */
    public LocalDateTime at(int t) {
        return start.plus(step.multipliedBy(t));
    }

    /** The 0-based step starting at {@code time}, or -1 if it is not on the grid of steps. */
    public int indexOf(LocalDateTime time) {
        long seconds = Duration.between(start, time).toSeconds();
        long stepSeconds = step.toSeconds();
        if (seconds < 0 || seconds % stepSeconds != 0 || seconds / stepSeconds >= count) {
            return -1;
        }
        return (int) (seconds / stepSeconds);
    }
}
