package agora.cli;

import agora.market.run.RunOutput;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What a run does when the process is stopped while it runs (Ctrl-C, {@code kill}): a shutdown
 * hook removes the partial output, so the output folder is left as it was, and says how many steps
 * had been solved. Removed again when the run ends.
 */
final class Interruption implements AutoCloseable {
    private final Thread hook;
    private final AtomicBoolean happened = new AtomicBoolean();
    private volatile RunOutput output;

    /** @param out the output folder as given, for the message (null when there is none) */
    Interruption(PrintWriter err, SolvedSteps solved, Path out) {
        this.hook = new Thread(() -> {
            happened.set(true);
            StringBuilder message = new StringBuilder("agora: interrupted after "
                    + solved.describe() + " had been solved");
            RunOutput current = output;
            if (current != null) {
                message.append(current.abort()
                        ? "; removed the partial output: " + out + " is as it was"
                        : "; the output in " + out + " was complete");
            }
            err.println(message);
            err.flush();
        }, "agora-interruption");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The run's output, removed should the process stop before it is complete. */
    void watch(RunOutput runOutput) {
        this.output = runOutput;
    }

    /** True once the process began to stop: the run's own errors are then not worth printing. */
    boolean happened() {
        return happened.get();
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the process is stopping: the hook runs (or ran) anyway
        }
    }
}
