package agora.market.run;

import agora.market.MarketSolver;
import agora.market.MarketTree;
import agora.market.StepOutcome;
import agora.market.formulation.MarketProblem;
import agora.market.results.SolveSummary;
import agora.market.results.StepCheck;
import agora.solver.SolveStatus;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Solves a range of steps of one lowered market on several threads and hands the outcomes on in
 * step order as they come ({@link #stream}), so that a run of any horizon holds only a few chunks
 * of steps at a time.
 *
 * <p>The range is cut into contiguous chunks handed out in ascending order; each worker solves its
 * chunk's steps in ascending order, so a solver that warm-starts from the step it solved before on
 * the same thread (ADMM) nearly always starts from the previous step. A chunk is small enough that
 * the workers stay busy until the end and large enough that chunk boundaries are rare; it is also
 * capped ({@link #MAX_CHUNK_STEPS}, {@link #BUFFERED_BYTES}) because finished chunks wait, in
 * memory, for the chunks before them. Workers run at most {@link #WINDOW_PER_WORKER} chunks per
 * worker ahead of the oldest chunk not yet handed on.
 *
 * <p>Every step the solver reports optimal is checked ({@link StepCheck}: finite values, budget
 * balance), the one check every solve path goes through; a step that fails it is reported
 * {@link SolveStatus#CHECK_FAILED}. A step that fails (not optimal, the check, or even a solver
 * that throws) is kept with its status and message, and the run goes on.
 */
public final class MarketRun {
    /** Chunks per worker: enough for balancing uneven steps, few enough for warm starts. */
    static final int CHUNKS_PER_WORKER = 8;
    /** Chunks per worker that may be solved or waiting beyond the oldest one not handed on. */
    static final int WINDOW_PER_WORKER = 2;
    /** The longest chunk: a year of half hours with two workers still has 8 chunks each. */
    static final int MAX_CHUNK_STEPS = 2048;
    /** About as many bytes of outcomes as may wait in memory to be handed on. */
    static final long BUFFERED_BYTES = 32L << 20;
    /** An outcome's objects besides its arrays' values: headers, stats, status, message. */
    static final long OUTCOME_OVERHEAD_BYTES = 512;

    private final MarketSolver solver;
    private final StepCheck check;
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
        this.check = StepCheck.of(solver.problem(), solver.tolerance());
        this.threads = threads;
        this.progress = progress;
    }

    /**
     * Solves every step of {@code range} and keeps every outcome: for tests and short ranges
     * (memory grows with the range; {@link #stream} does not).
     */
    public RunResult run(StepRange range) {
        List<StepOutcome> outcomes = new ArrayList<>(range.size());
        SolveSummary summary;
        try {
            summary = stream(range, outcomes::add);
        } catch (IOException e) {
            throw new IllegalStateException("collecting outcomes in memory does no I/O", e);
        }
        return new RunResult(solver.problem(), solver.name(), range, outcomes,
                summary.wallSeconds());
    }

    /**
     * Solves every step of {@code range} and hands each outcome to {@code sink} in step order, on
     * this thread, while later steps are being solved.
     *
     * @return how the steps were solved
     * @throws IOException when the sink throws; the run stops (steps being solved are dropped)
     */
    public SolveSummary stream(StepRange range, StepSink sink) throws IOException {
        long start = System.nanoTime();
        SolveSummary.Collector summary = new SolveSummary.Collector(solver.name());
        progress.started(solver.problem().tree().design(), range.size());
        try {
            if (solver.problem().couplesSteps()) {
                streamWindows(range, sink, summary);
                return summary.summary((System.nanoTime() - start) / 1e9);
            }
            List<StepRange> chunks = chunks(range, threads, stepBytes(solver.problem()));
            int workers = Math.min(threads, chunks.size());
            Pipeline pipeline = new Pipeline(chunks, workers * WINDOW_PER_WORKER);
            ExecutorService pool = startWorkers(workers, pipeline);
            try {
                for (int c = 0; c < chunks.size(); c++) {
                    for (StepOutcome outcome : pipeline.next()) {
                        summary.add(outcome);
                        sink.accept(outcome);
                    }
                }
            } finally {
                pipeline.stop();
                pool.shutdownNow();
            }
        } finally {
            progress.finished();
        }
        return summary.summary((System.nanoTime() - start) / 1e9);
    }

    /**
     * Steps coupled by storage: windows one after the other, each from the state of charge the
     * steps committed before it left (the storage's initial state at the start of the range), the
     * last one ending the range under the storage's final rule. A window that does not solve
     * fails each of its steps, and the next starts from the state its start had.
     */
    private void streamWindows(StepRange range, StepSink sink, SolveSummary.Collector summary)
            throws IOException {
        Windows windows = Windows.of(solver, range);
        MarketProblem problem = solver.problem();
        double[] state = problem.storages().stream().mapToDouble(u -> u.storage().initial()).toArray();
        int done = 0;
        for (int from = range.from(); from < range.to(); from += windows.commit()) {
            int to = Math.min(range.to(), from + windows.length());
            int keep = Math.min(to, from + windows.commit());
            List<StepOutcome> outcomes = windows.solve(from, to, state, to == range.to());
            for (StepOutcome outcome : outcomes.subList(0, keep - from)) {
                StepOutcome checked = checked(outcome);
                if (checked.isOptimal()) {
                    for (int u = 0; u < state.length; u++) {
                        state[u] = checked.storageState(u);
                    }
                }
                summary.add(checked);
                sink.accept(checked);
                progress.advanced(++done);
            }
        }
    }

    private ExecutorService startWorkers(int workers, Pipeline pipeline) {
        AtomicInteger names = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "agora-solve-" + names.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        AtomicInteger done = new AtomicInteger();
        Runnable worker = () -> {
            try {
                for (int c = pipeline.take(); c >= 0; c = pipeline.take()) {
                    StepRange chunk = pipeline.chunk(c);
                    StepOutcome[] outcomes = new StepOutcome[chunk.size()];
                    for (int step = chunk.from(); step < chunk.to(); step++) {
                        outcomes[step - chunk.from()] = solveSafely(step);
                        progress.advanced(done.incrementAndGet());
                    }
                    pipeline.complete(c, outcomes);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // the run is over: stopped by its caller
            } catch (Throwable e) { // an Error (out of memory) must not leave the run waiting
                pipeline.fail(e);
            }
        };
        for (int i = 0; i < workers; i++) {
            pool.execute(worker);
        }
        return pool;
    }

    /** Contiguous chunks covering the range in ascending order. */
    static List<StepRange> chunks(StepRange range, int threads) {
        return chunks(range, threads, 0);
    }

    /**
     * Contiguous chunks covering the range in ascending order, none longer than
     * {@link #MAX_CHUNK_STEPS} nor, with outcomes of {@code stepBytes}, so long that the chunks of
     * the window exceed {@link #BUFFERED_BYTES}.
     */
    static List<StepRange> chunks(StepRange range, int threads, long stepBytes) {
        long window = (long) threads * WINDOW_PER_WORKER;
        long byMemory = stepBytes > 0 ? BUFFERED_BYTES / (window * stepBytes) : MAX_CHUNK_STEPS;
        int cap = (int) Math.max(1, Math.min(MAX_CHUNK_STEPS, byMemory));
        int size = Math.max(1, Math.min(cap, ceilDiv(range.size(), threads * CHUNKS_PER_WORKER)));
        List<StepRange> out = new ArrayList<>();
        for (int from = range.from(); from < range.to(); from += size) {
            out.add(new StepRange(from, Math.min(range.to(), from + size)));
        }
        return out;
    }

    /**
     * The most bytes of outcomes a run of {@code steps} steps of {@code stepBytes} each on
     * {@code threads} workers holds at once: the chunks of the window and the one being handed on.
     */
    public static long bufferedBytes(long stepBytes, int threads, int steps) {
        if (steps == 0) {
            return 0;
        }
        int chunk = chunks(new StepRange(0, steps), threads, stepBytes).get(0).size();
        long chunksHeld = Math.min((long) threads * WINDOW_PER_WORKER + 1, ceilDiv(steps, chunk));
        return chunksHeld * chunk * stepBytes;
    }

    /** Bytes of one step's outcome of {@code values} numbers. */
    public static long stepBytes(long values) {
        return Double.BYTES * values + OUTCOME_OVERHEAD_BYTES;
    }

    static long stepBytes(MarketProblem problem) {
        return stepBytes(stepValues(problem));
    }

    /**
     * The numbers in one step's outcome: by peer, by link twice, by market twice, by trade slot,
     * by coupling row, by variable the design added.
     */
    static long stepValues(MarketProblem problem) {
        MarketTree tree = problem.tree();
        return tree.peers().size() + 2L * problem.linkCount() + 2L * tree.markets().size()
                + problem.slots().size() + problem.couplings().size()
                + problem.terms().variables().size();
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
            return checked(outcome);
        } catch (RuntimeException e) {
            // The solver contract says it never throws; if one does, keep the step as failed.
            return failure(step, "solver " + solver.name() + " failed: " + e, start);
        }
    }

    /**
     * The outcome, or, when the solver called it optimal but it fails Agora's own check
     * ({@link StepCheck}: finite values, budget balance), a failed step saying which check failed;
     * its numbers are dropped, so none reaches the outputs.
     */
    private StepOutcome checked(StepOutcome outcome) {
        Optional<String> failure = check.failure(outcome);
        if (failure.isEmpty()) {
            return outcome;
        }
        return StepOutcome.failed(outcome.step(), SolveStatus.CHECK_FAILED, failure.get()
                + ", although " + solver.name() + " met its own stopping criteria", outcome.conflicts(),
                solver.problem(), outcome.stats());
    }

    private StepOutcome failure(int step, String message, long start) {
        double seconds = (System.nanoTime() - start) / 1e9;
        return StepOutcome.failed(step, SolveStatus.ERROR, message, List.of(), solver.problem(),
                new StepOutcome.SolveStats(0, Double.NaN, Double.NaN, 0, 0, seconds));
    }

    /**
     * Chunks handed to workers in ascending order, at most {@code window} ahead of the oldest one
     * not yet taken back by {@link #next}; finished chunks wait here until their turn.
     */
    private static final class Pipeline {
        private final List<StepRange> chunks;
        private final int window;
        private final StepOutcome[][] finished;
        private int nextToTake;
        private int nextToHand;
        private boolean stopped;
        private Throwable failure;

        Pipeline(List<StepRange> chunks, int window) {
            this.chunks = chunks;
            this.window = Math.max(1, window);
            this.finished = new StepOutcome[chunks.size()][];
        }

        StepRange chunk(int c) {
            return chunks.get(c);
        }

        /** The next chunk to solve, or -1 when there is none (or the run stopped). */
        synchronized int take() throws InterruptedException {
            while (!stopped && nextToTake < chunks.size() && nextToTake >= nextToHand + window) {
                wait();
            }
            return stopped || nextToTake >= chunks.size() ? -1 : nextToTake++;
        }

        synchronized void complete(int c, StepOutcome[] outcomes) {
            finished[c] = outcomes;
            notifyAll();
        }

        synchronized void fail(Throwable e) {
            if (failure == null) {
                failure = e;
            }
            stopped = true;
            notifyAll();
        }

        synchronized void stop() {
            stopped = true;
            notifyAll();
        }

        /** The outcomes of the next chunk in order, once solved. */
        synchronized StepOutcome[] next() throws InterruptedIOException {
            while (finished[nextToHand] == null && failure == null) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while solving");
                }
            }
            if (failure != null) {
                if (failure instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException("a solving thread failed", failure);
            }
            StepOutcome[] out = finished[nextToHand];
            finished[nextToHand++] = null;
            notifyAll();
            return out;
        }
    }
}
