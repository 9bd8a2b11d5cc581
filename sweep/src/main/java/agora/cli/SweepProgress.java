package agora.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Tells how far a sweep got, from Spark's own events: a line every {@link #EVERY_NANOS} while tasks
 * finish ({@code agora sweep: 12 of 72 tasks done in 40 s, about 200 s to go}), so that a sweep of
 * hours shows it is alive. Sweeps shorter than that print nothing more than their summary.
 */
final class SweepProgress extends SparkListener {
    static final long EVERY_NANOS = 15_000_000_000L;

    private static final long MINUTE = 60;
    private static final long HOUR = 3600;

    private final PrintWriter err;
    private final int total;
    private final long start = System.nanoTime();
    private long nextLine = start + EVERY_NANOS;
    private int done;

    SweepProgress(PrintWriter err, int total) {
        this.err = err;
        this.total = total;
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        if (!end.taskInfo().successful()) {
            return; // a failed attempt: Spark tries again
        }
        long now = System.nanoTime();
        synchronized (this) {
            done = Math.min(total, done + 1); // a speculative copy may also succeed
            if (now < nextLine || done == total) {
                return;
            }
            nextLine = now + EVERY_NANOS;
            double seconds = (now - start) / 1e9;
            long left = Math.round(seconds / done * (total - done));
            err.println(String.format(Locale.ROOT, "agora sweep: %d of %d tasks done in %.0f s, about %s to go",
                    done, total, seconds, roughly(left)));
            err.flush();
        }
    }

    /** {@code 45 s}, {@code 12 min}, {@code 3.5 h}. */
    static String roughly(long seconds) {
        if (seconds < 2 * MINUTE) {
            return seconds + " s";
        }
        if (seconds < 2 * HOUR) {
            return Math.round(seconds / (double) MINUTE) + " min";
        }
        return String.format(Locale.ROOT, "%.1f h", seconds / (double) HOUR);
    }
}
