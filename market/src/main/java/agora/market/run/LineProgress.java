package agora.market.run;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * Progress as plain lines, for a log or a pipe (no terminal to redraw a line on):
 * {@code full  120000/1000000 steps  41230.5 steps/s  ETA 21s}. Silent for runs that end within
 * {@link #QUIET_NANOS}; then a line at once and one every {@link #EVERY_NANOS}, so a long run shows
 * within seconds that it is alive without flooding the log.
 */
public final class LineProgress implements ProgressListener {
    /** Runs shorter than this print nothing. */
    static final long QUIET_NANOS = 1_000_000_000L;
    static final long EVERY_NANOS = 15_000_000_000L;

    private final PrintWriter out;
    private final LongSupplier nanoTime;
    private String label = "";
    private int total;
    private long startNanos;
    private long nextLineNanos;

    public LineProgress(PrintWriter out) {
        this(out, System::nanoTime);
    }

    LineProgress(PrintWriter out, LongSupplier nanoTime) {
        this.out = out;
        this.nanoTime = nanoTime;
    }

    @Override
    public synchronized void started(String runLabel, int steps) {
        this.label = runLabel;
        this.total = steps;
        startNanos = nanoTime.getAsLong();
        nextLineNanos = startNanos + QUIET_NANOS;
    }

    @Override
    public void advanced(int done) {
        long now = nanoTime.getAsLong();
        synchronized (this) {
            if (now < nextLineNanos) {
                return;
            }
            nextLineNanos = now + EVERY_NANOS;
            out.println(TerminalProgress.line(label, total, done, (now - startNanos) / 1e9));
            out.flush();
        }
    }

    @Override
    public void finished() {
        // lines stay: a log keeps its history
    }
}
