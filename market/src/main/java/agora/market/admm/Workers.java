package agora.market.admm;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Runs the rounds of one iteration (agents' proposals, the relay's deliveries) in contiguous
 * chunks, on a small fork-join pool or on the calling thread. Worth it only for large markets:
 * the steps of a horizon already run in parallel, and a chunk hand-off costs some microseconds.
 */
final class Workers {
    /** A body run for the indices [from, to) of chunk {@code chunk}. */
    @FunctionalInterface
    interface Range {
        void run(int chunk, int from, int to);
    }

    private static final Workers SEQUENTIAL = new Workers(null, 1);

    private final ForkJoinPool pool;
    private final int chunks;

    private Workers(ForkJoinPool pool, int chunks) {
        this.pool = pool;
        this.chunks = chunks;
    }

    static Workers sequential() {
        return SEQUENTIAL;
    }

    /** Runs on {@code threads} daemon threads (the calling thread waits). */
    static Workers parallel(int threads) {
        return threads <= 1 ? SEQUENTIAL : new Workers(new ForkJoinPool(threads), threads);
    }

    int chunks() {
        return chunks;
    }

    /** Runs {@code body} over [0, n) split into {@link #chunks()} ranges, and waits for all. */
    void run(int n, Range body) {
        if (chunks == 1 || n < chunks) {
            body.run(0, 0, n);
            if (chunks > 1) {
                for (int c = 1; c < chunks; c++) {
                    body.run(c, n, n);
                }
            }
            return;
        }
        ForkJoinTask<?>[] tasks = new ForkJoinTask<?>[chunks];
        for (int c = 0; c < chunks; c++) {
            int chunk = c;
            int from = (int) ((long) n * c / chunks);
            int to = (int) ((long) n * (c + 1) / chunks);
            tasks[c] = pool.submit(() -> body.run(chunk, from, to));
        }
        for (ForkJoinTask<?> task : tasks) {
            task.join();
        }
    }
}
