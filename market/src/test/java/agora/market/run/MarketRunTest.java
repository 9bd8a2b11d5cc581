package agora.market.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agora.market.MarketSolver;
import agora.market.StepOutcome;
import agora.market.formulation.MarketProblem;
import agora.market.results.AccountingFixtures;
import agora.market.results.Fixtures;
import agora.market.results.SolveSummary;
import agora.solver.SolveStatus;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MarketRunTest {

    /** Answers every step with the hand-made pool outcome, step 2 infeasible, step 5 throws. */
    static final class ScriptedSolver implements MarketSolver {
        final Map<String, List<Integer>> stepsByThread = new ConcurrentHashMap<>();
        private final MarketProblem problem;

        ScriptedSolver(int steps) {
            this.problem = MarketProblem.of(AccountingFixtures.communityTree(0.5, steps));
        }

        @Override
        public MarketProblem problem() {
            return problem;
        }

        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public StepOutcome solve(int step) {
            stepsByThread.computeIfAbsent(Thread.currentThread().getName(),
                    t -> java.util.Collections.synchronizedList(new ArrayList<>())).add(step);
            if (step == 2) {
                return Fixtures.failed(step, SolveStatus.INFEASIBLE, "no balance", List.of("d"));
            }
            if (step == 5) {
                throw new IllegalStateException("boom");
            }
            return AccountingFixtures.communityOutcome(step, 39);
        }
    }

    @Test
    void everyStepIsSolvedOnceAndResultsComeBackInStepOrder() {
        ScriptedSolver solver = new ScriptedSolver(40);
        RunResult run = new MarketRun(solver, 3, ProgressListener.NONE)
                .run(new StepRange(1, 40));

        assertEquals(IntStream.range(1, 40).boxed().toList(),
                run.outcomes().stream().map(StepOutcome::step).toList());
        List<Integer> solved = solver.stepsByThread.values().stream().flatMap(List::stream)
                .sorted().toList();
        assertEquals(IntStream.range(1, 40).boxed().toList(), solved);
        assertEquals("scripted", run.solver());
        assertEquals("community", run.design());
    }

    @Test
    void eachThreadSolvesContiguousChunksInAscendingOrder() {
        ScriptedSolver solver = new ScriptedSolver(200);
        new MarketRun(solver, 2, ProgressListener.NONE)
                .run(new StepRange(0, 200));
        for (List<Integer> steps : solver.stepsByThread.values()) {
            for (int i = 1; i < steps.size(); i++) {
                assertTrue(steps.get(i) > steps.get(i - 1), "ascending on one thread: " + steps);
            }
        }
    }

    @Test
    void chunksCoverTheRangeContiguously() {
        // 100 steps, 2 workers, 8 chunks each: chunks of ceil(100 / 16) = 7, the last one of 2
        List<StepRange> chunks = MarketRun.chunks(new StepRange(10, 110), 2);
        assertEquals(15, chunks.size());
        assertEquals(new StepRange(10, 17), chunks.get(0));
        assertEquals(new StepRange(108, 110), chunks.get(14));
        for (int i = 1; i < chunks.size(); i++) {
            assertEquals(chunks.get(i - 1).to(), chunks.get(i).from());
        }
    }

    @Test
    void failedStepsAreKeptAndTheRunGoesOn() {
        RunResult run = new MarketRun(new ScriptedSolver(8),
                1, ProgressListener.NONE).run(new StepRange(0, 8));

        assertEquals(List.of(2, 5), run.failed().stream().map(StepOutcome::step).toList());
        StepOutcome infeasible = run.outcomes().get(2);
        assertEquals(SolveStatus.INFEASIBLE, infeasible.status());
        assertEquals(List.of("d"), infeasible.conflicts());
        StepOutcome thrown = run.outcomes().get(5);
        assertEquals(SolveStatus.ERROR, thrown.status());
        assertTrue(thrown.message().contains("boom"), thrown.message());
        // the six optimal steps each earn 65.75 (see AccountingTest)
        assertEquals(6 * 65.75, run.totals().welfare(), 1e-9);
        assertEquals(2, run.solveSummary().failedSteps());
    }

    @Test
    void progressHearsOfEveryStep() {
        List<Integer> heard = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> events = new ArrayList<>();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void started(String label, int total) {
                events.add("started " + label + " " + total);
            }

            @Override
            public void advanced(int done) {
                heard.add(done);
            }

            @Override
            public void finished() {
                events.add("finished");
            }
        };
        new MarketRun(new ScriptedSolver(30), 2, listener)
                .run(new StepRange(0, 30));
        assertEquals(List.of("started community 30", "finished"), events);
        assertEquals(IntStream.rangeClosed(1, 30).boxed().toList(), heard.stream().sorted().toList());
    }

    @Test
    void streamHandsOutcomesOnInStepOrderHoldingOnlyAFewChunks() throws IOException {
        AtomicInteger solved = new AtomicInteger();
        MarketProblem problem = MarketProblem.of(AccountingFixtures.communityTree(0.5, 200_000));
        MarketSolver counting = new MarketSolver() {
            @Override
            public String name() {
                return "counting";
            }

            @Override
            public MarketProblem problem() {
                return problem;
            }

            @Override
            public StepOutcome solve(int step) {
                solved.incrementAndGet();
                return AccountingFixtures.communityOutcome(step, 39);
            }
        };
        StepRange range = new StepRange(0, 200_000);
        int[] next = {0};
        int[] mostHeld = {0};
        SolveSummary summary = new MarketRun(counting, 2, ProgressListener.NONE)
                .stream(range, outcome -> {
                    assertEquals(next[0]++, outcome.step());
                    mostHeld[0] = Math.max(mostHeld[0], solved.get() - next[0]);
                });

        assertEquals(200_000, next[0]);
        assertEquals(200_000, summary.steps());
        int chunk = MarketRun.chunks(range, 2, MarketRun.stepBytes(problem)).get(0).size();
        assertEquals(MarketRun.MAX_CHUNK_STEPS, chunk);
        // at most the window's chunks wait, and one more is being handed on: never the horizon
        assertTrue(mostHeld[0] <= (2 * MarketRun.WINDOW_PER_WORKER + 1) * chunk,
                "held " + mostHeld[0]);
    }

    @Test
    void aSinkThatFailsStopsTheRun() {
        ScriptedSolver solver = new ScriptedSolver(100_000);
        IOException e = assertThrows(IOException.class, () ->
                new MarketRun(solver, 2, ProgressListener.NONE).stream(
                        new StepRange(0, 100_000), o -> {
                            if (o.step() == 50) {
                                throw new IOException("disk full");
                            }
                        }));
        assertEquals("disk full", e.getMessage());
        int solvedSteps = solver.stepsByThread.values().stream().mapToInt(List::size).sum();
        assertTrue(solvedSteps < 100_000, "solved " + solvedSteps);
    }

    @Test
    void anErrorOnASolvingThreadEndsTheRunInsteadOfHangingIt() {
        MarketProblem problem = MarketProblem.of(AccountingFixtures.communityTree(0.5, 40));
        MarketSolver failing = new MarketSolver() {
            @Override
            public String name() {
                return "failing";
            }

            @Override
            public MarketProblem problem() {
                return problem;
            }

            @Override
            public StepOutcome solve(int step) {
                if (step == 7) {
                    throw new OutOfMemoryError("Java heap space (scripted)");
                }
                return AccountingFixtures.communityOutcome(step, 39);
            }
        };
        OutOfMemoryError e = assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
                assertThrows(OutOfMemoryError.class, () ->
                        new MarketRun(failing, 2, ProgressListener.NONE).run(new StepRange(0, 40))));
        assertEquals("Java heap space (scripted)", e.getMessage());
    }

    @Test
    void chunksAreCappedSoThatWaitingOutcomesStayFew() {
        StepRange year = new StepRange(0, 1_000_000);
        // small steps: at most MAX_CHUNK_STEPS
        assertEquals(MarketRun.MAX_CHUNK_STEPS, MarketRun.chunks(year, 2, 200).get(0).size());
        // steps of 1 MB: 4 chunks of the window may hold 32 MB, 8 steps each
        assertEquals(8, MarketRun.chunks(year, 2, 1L << 20).get(0).size());
        // steps of 16 MB: one step a chunk
        assertEquals(1, MarketRun.chunks(year, 2, 16L << 20).get(0).size());
        // a year of half hours on 2 threads keeps its 16 chunks of 1095 steps
        assertEquals(1095, MarketRun.chunks(new StepRange(0, 17_520), 2, 200).get(0).size());
    }

    /** Answers each step with what {@code answer} gives, as a solver that calls it optimal. */
    private static MarketSolver answering(java.util.function.IntFunction<StepOutcome> answer) {
        MarketProblem problem = MarketProblem.of(AccountingFixtures.communityTree(0.5, 4));
        return new MarketSolver() {
            @Override
            public String name() {
                return "answering";
            }

            @Override
            public MarketProblem problem() {
                return problem;
            }

            @Override
            public StepOutcome solve(int step) {
                return answer.apply(step);
            }
        };
    }

    @Test
    void aStepWhosePricesLeaveTheBudgetUnbalancedIsNotOptimal() {
        // step 1: the price of the pool's outside energy, 39 $/MWh, becomes 45, as if the solver's
        // dual were off: the members pay 6 $/MWh more on the 3 MWh they export
        RunResult run = new MarketRun(answering(step -> AccountingFixtures.communityOutcome(step, step == 1 ? 45 : 39)), 1,
                ProgressListener.NONE).run(new StepRange(0, 3));

        assertEquals(List.of(SolveStatus.OPTIMAL, SolveStatus.CHECK_FAILED, SolveStatus.OPTIMAL),
                run.outcomes().stream().map(StepOutcome::status).toList());
        String message = run.outcomes().get(1).message();
        assertTrue(message.startsWith("budget balance check failed: the peers pay "), message);
        assertTrue(message.endsWith(", although answering met its own stopping criteria"), message);
        // its numbers are dropped: nothing of the step reaches the totals
        assertTrue(Double.isNaN(run.outcomes().get(1).objective()));
        assertEquals(2 * 65.75, run.totals().welfare(), 1e-9);
    }

    @Test
    void aStepWithANumberThatIsNotFiniteIsNotOptimal() {
        RunResult run = new MarketRun(answering(step -> {
            StepOutcome o = AccountingFixtures.communityOutcome(step, 39);
            if (step == 0) { // welfare -Infinity, as ADMM reported for a peer of 1.8e305 MW
                return new StepOutcome(step, o.status(), o.message(), o.conflicts(), Double.POSITIVE_INFINITY,
                        o.injection(), o.linkTrade(), o.linkPrice(), o.marketPrice(), o.collectiveNet(),
                        o.slotValues(), o.couplingPrices(), o.stats());
            }
            double[] injection = o.injection().clone();
            injection[1] = Double.NaN;
            return new StepOutcome(step, o.status(), o.message(), o.conflicts(), o.objective(), injection,
                    o.linkTrade(), o.linkPrice(), o.marketPrice(), o.collectiveNet(), o.slotValues(),
                    o.couplingPrices(), o.stats());
        }), 1, ProgressListener.NONE).run(new StepRange(0, 2));

        assertEquals(List.of(SolveStatus.CHECK_FAILED, SolveStatus.CHECK_FAILED),
                run.outcomes().stream().map(StepOutcome::status).toList());
        assertEquals("finite-values check failed: the objective is Infinity, although answering met its own"
                + " stopping criteria",
                run.outcomes().get(0).message());
        assertEquals("finite-values check failed: the injection of peer 'w' is NaN, although answering met its"
                + " own stopping criteria",
                run.outcomes().get(1).message());
    }
}
