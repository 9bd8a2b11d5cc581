package agora.cli;

import agora.market.run.ProgressListener;

/**
 * Counts the steps solved over every design of a run (and passes the progress on to the display),
 * to say how far a run got when it is cut short.
 */
final class SolvedSteps implements ProgressListener {
    private final ProgressListener display;
    private final long planned;
    private long ofFinishedDesigns;
    private int ofCurrentDesign;

    /** @param planned the steps of every design together */
    SolvedSteps(ProgressListener display, long planned) {
        this.display = display;
        this.planned = planned;
    }

    @Override
    public void started(String label, int total) {
        display.started(label, total);
        synchronized (this) {
            ofCurrentDesign = 0;
        }
    }

    @Override
    public void advanced(int done) {
        display.advanced(done);
        synchronized (this) {
            // workers report in any order: the count is the largest heard
            ofCurrentDesign = Math.max(ofCurrentDesign, done);
        }
    }

    @Override
    public void finished() {
        display.finished();
        synchronized (this) {
            ofFinishedDesigns += ofCurrentDesign;
            ofCurrentDesign = 0;
        }
    }

    /** {@code 1200 of 17520 steps}. */
    synchronized String describe() {
        return (ofFinishedDesigns + ofCurrentDesign) + " of " + planned + " steps";
    }
}
