package agora.market.run;

import agora.market.StepOutcome;
import java.io.IOException;

/**
 * Takes the outcomes of a run's steps as they are solved: in step order, one at a time, on the
 * thread that called {@link MarketRun#stream}. A sink that throws stops the run.
 */
@FunctionalInterface
public interface StepSink {
    void accept(StepOutcome outcome) throws IOException;
}
