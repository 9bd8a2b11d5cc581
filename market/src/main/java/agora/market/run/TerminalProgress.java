package agora.market.run;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * One updating line on a terminal: {@code full  1200/17520 steps  85.3 steps/s  ETA 3m11s}.
 * Silent for runs that end within {@link #QUIET_NANOS}, redrawn at most every
 * {@link #REDRAW_NANOS}, and erased when the run is over so that what follows starts on a clean
 * line. Meant for a terminal only: the caller decides (the CLI uses it when there is a console).
 */
public final class TerminalProgress implements ProgressListener {
    /** Runs shorter than this print nothing. */
    static final long QUIET_NANOS = 1_000_000_000L;
    static final long REDRAW_NANOS = 250_000_000L;

    private final PrintWriter out;
    private final LongSupplier nanoTime;
    private String label = "";
    private int total;
    private long startNanos;
    private long lastDrawNanos;
    private int drawnWidth;

    public TerminalProgress(PrintWriter out) {
        this(out, System::nanoTime);
    }

    TerminalProgress(PrintWriter out, LongSupplier nanoTime) {
        this.out = out;
        this.nanoTime = nanoTime;
    }

    @Override
    public synchronized void started(String runLabel, int steps) {
        label = runLabel;
        total = steps;
        startNanos = nanoTime.getAsLong();
        lastDrawNanos = startNanos;
        drawnWidth = 0;
    }

    @Override
    public void advanced(int done) {
        long now = nanoTime.getAsLong();
        synchronized (this) {
            if (now - startNanos < QUIET_NANOS || now - lastDrawNanos < REDRAW_NANOS) {
                return;
            }
            lastDrawNanos = now;
            draw(line(done, (now - startNanos) / 1e9));
        }
    }

    @Override
    public synchronized void finished() {
        if (drawnWidth > 0) {
            out.print('\r' + " ".repeat(drawnWidth) + '\r');
            out.flush();
            drawnWidth = 0;
        }
    }

    String line(int done, double seconds) {
        return line(label, total, done, seconds);
    }

    /** {@code full  1200/17520 steps  85.3 steps/s  ETA 3m11s}. */
    static String line(String label, int total, int done, double seconds) {
        double rate = seconds > 0 ? done / seconds : 0;
        String eta = rate > 0 ? duration((total - done) / rate) : "?";
        return String.format(Locale.ROOT, "%s  %d/%d steps  %.1f steps/s  ETA %s", label, done,
                total, rate, eta);
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
        }
        return s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }

    private void draw(String text) {
        int pad = Math.max(0, drawnWidth - text.length());
        out.print('\r' + text + " ".repeat(pad));
        out.flush();
        drawnWidth = text.length();
    }
}
