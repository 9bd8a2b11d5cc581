package agora.market.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agora.market.MarketSolver;
import agora.market.StepOutcome;
import agora.market.formulation.MarketProblem;
import agora.market.results.AccountingFixtures;
import agora.market.results.Fixtures;
import agora.solver.SolveStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
}
