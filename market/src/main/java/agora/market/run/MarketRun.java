package agora.market.run;

import agora.market.MarketSolver;
import agora.market.MarketTree;
import agora.market.StepOutcome;
import agora.solver.SolveStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Solves a range of steps of one lowered market on several threads.
 *
 * <p>The range is cut into contiguous chunks handed out in ascending order; each worker solves its
 * chunk's steps in ascending order, so a solver that warm-starts from the step it solved before on
 * the same thread (ADMM) nearly always starts from the previous step. A chunk is small enough that
 * the workers stay busy until the end and large enough that chunk boundaries are rare.
 *
 * <p>A step that fails (not optimal, or even a solver that throws) is kept with its status and
 * message, and the run goes on; results come back in step order.
 */
public final class MarketRun {
    /** Chunks per worker: enough for balancing uneven steps, few enough for warm starts. */
    static final int CHUNKS_PER_WORKER = 8;

    private final MarketSolver solver;
    private final int threads;
    private final ProgressListener progress;

    /**
     * @param threads  worker threads ({@link agora.solver.SolverOptions#effectiveThreads()})
     * @param progress told of every solved step
     */
    public MarketRun(MarketSolver solver, int threads, ProgressListener progress) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.solver = solver;
        this.threads = threads;
        this.progress = progress;
    }

    /** Solves every step of {@code range}. */
    public RunResult run(StepRange range) {
        int total = range.size();
        StepOutcome[] outcomes = new StepOutcome[total];
        long start = System.nanoTime();
        progress.started(solver.problem().tree().design(), total);
        try {
            List<StepRange> chunks = chunks(range, threads);
            int workers = Math.min(threads, chunks.size());
            AtomicInteger nextChunk = new AtomicInteger();
            AtomicInteger done = new AtomicInteger();
            Runnable worker = () -> {
                for (int c = nextChunk.getAndIncrement(); c < chunks.size();
                     c = nextChunk.getAndIncrement()) {
                    StepRange chunk = chunks.get(c);
                    for (int step = chunk.from(); step < chunk.to(); step++) {
                        outcomes[step - range.from()] = solveSafely(step);
                        progress.advanced(done.incrementAndGet());
                    }
                }
            };
            runOn(workers, worker);
        } finally {
            progress.finished();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new RunResult(solver.problem(), solver.name(), range, Arrays.asList(outcomes), seconds);
    }

    /** Contiguous chunks covering the range in ascending order. */
    static List<StepRange> chunks(StepRange range, int threads) {
        int size = Math.max(1, ceilDiv(range.size(), threads * CHUNKS_PER_WORKER));
        List<StepRange> out = new ArrayList<>();
        for (int from = range.from(); from < range.to(); from += size) {
            out.add(new StepRange(from, Math.min(range.to(), from + size)));
        }
        return out;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    private StepOutcome solveSafely(int step) {
        long start = System.nanoTime();
        try {
            StepOutcome outcome = solver.solve(step);
            if (outcome == null || outcome.step() != step) {
                return failure(step, "solver " + solver.name() + " returned "
                        + (outcome == null ? "nothing" : "step " + outcome.step())
                        + " for step " + step, start);
            }
            return outcome;
        } catch (RuntimeException e) {
            // The solver contract says it never throws; if one does, keep the step as failed.
            return failure(step, "solver " + solver.name() + " failed: " + e, start);
        }
    }

    private StepOutcome failure(int step, String message, long start) {
        double seconds = (System.nanoTime() - start) / 1e9;
        return StepOutcome.failed(step, SolveStatus.ERROR, message, List.of(), solver.problem(),
                new StepOutcome.SolveStats(0, Double.NaN, Double.NaN, 0, 0, seconds));
    }

    private static void runOn(int workers, Runnable worker) {
        if (workers <= 1) {
            worker.run();
            return;
        }
        AtomicInteger names = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "agora-solve-" + names.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                futures.add(pool.submit(worker));
            }
            for (Future<?> f : futures) {
                await(f);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(Future<?> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while solving", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("a solving thread failed", cause);
        }
    }
}
