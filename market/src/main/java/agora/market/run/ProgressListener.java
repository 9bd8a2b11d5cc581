package agora.market.run;

/**
 * Told how a run advances. {@link #advanced} is called from the solving threads, once per step,
 * so implementations must be thread-safe and cheap.
 */
public interface ProgressListener {

    /** Does nothing. */
    ProgressListener NONE = new ProgressListener() {
        @Override
        public void started(String label, int total) {
        }

        @Override
        public void advanced(int done) {
        }

        @Override
        public void finished() {
        }
    };

    /** A run of {@code total} steps starts; {@code label} names it (the design). */
    void started(String label, int total);

    /** {@code done} steps are solved so far. */
    void advanced(int done);

    /** The run is over (also after a failure). */
    void finished();
}
