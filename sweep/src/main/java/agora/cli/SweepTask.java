package agora.cli;

import java.io.Serializable;

/**
 * The unit of work of a sweep: one design of one variant over a block of steps.
 *
 * @param id      0-based, unique in the sweep (also its Spark partition)
 * @param variant the variant's {@link Variant#index()}
 * @param from    first step (inclusive)
 * @param to      end step (exclusive)
 */
record SweepTask(int id, int variant, String design, int from, int to) implements Serializable {
}
