package agora.market.lowering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agora.market.DesignException;
import agora.market.MarketTree;
import agora.market.StepOutcome;
import agora.market.StepOutcome.TradeAllocation;
import agora.market.designs.ScenarioFixture;
import agora.scenario.PeerKind;
import agora.scenario.QuadraticCost;
import agora.scenario.Scenario;
import agora.solver.SolveStatus;
import agora.solver.SolverBackend;
import agora.solver.SolverBackends;
import agora.solver.SolverOptions;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The centralized solver's mechanics on ipm: allocation of trades, failures, threads. */
class CentralizedSolverTest {
    private static final SolverBackend IPM = SolverBackends.byName("ipm");

    /** The paper's Fig. 2 (derivation in the conformance suite's KnownAnswers): λ = 30. */
    static Scenario figure2(int steps) {
        return ScenarioFixture.named("fig 2")
                .steps(steps, java.time.Duration.ofHours(1))
                .producer("g1", 0, 100, 0.5, 10)
                .producer("g2", 0, 100, 0.5, 20)
                .consumer("d1", -100, 0, 0.5, 50)
                .consumer("d2", -100, 0, 0.5, 40)
                .build();
    }

    @Test
    void ambiguousTradesGetTheMinimumNormAllocation() throws DesignException {
        MarketTree tree = LoweringTest.lower(figure2(1), "full");
        StepOutcome outcome = new CentralizedSolver(tree, IPM, SolverOptions.defaults()).solve(0);
        assertTrue(outcome.isOptimal(), outcome.message());
        // t = P(g1->d1) minimises t² + 2(20 - t)² + (t - 10)²: t = 12.5
        assertArrayEquals(new double[] {12.5, 7.5, 7.5, 2.5}, outcome.linkTrade(), 1e-4);
        assertEquals(TradeAllocation.MINIMUM_NORM, outcome.stats().allocation());
        assertTrue(outcome.stats().tradeShift() >= 0);
    }

    @Test
    void withoutMinimumNormTheWelfareSolveTradesAreReportedAsSolved() throws DesignException {
        MarketTree tree = LoweringTest.lower(figure2(1), "full");
        StepOutcome outcome = new CentralizedSolver(tree, IPM, SolverOptions.defaults(), false)
                .solve(0);
        assertEquals(TradeAllocation.AS_SOLVED, outcome.stats().allocation());
        assertTrue(Double.isNaN(outcome.stats().tradeShift()));
        // whatever the split, g1 sells its 20 MW
        assertEquals(20, outcome.linkTrade()[0] + outcome.linkTrade()[1], 1e-4);
    }

    @Test
    void treeWithoutCyclesHasUniqueTrades() throws DesignException {
        MarketTree tree = LoweringTest.lower(LoweringTest.twoPeers(), "full");
        StepOutcome outcome = new CentralizedSolver(tree, IPM, SolverOptions.defaults()).solve(0);
        assertEquals(TradeAllocation.UNIQUE, outcome.stats().allocation());
        assertArrayEquals(new double[] {14}, outcome.linkTrade(), 1e-4);
        assertArrayEquals(new double[] {25}, outcome.linkPrice(), 1e-4);
    }

    @Test
    void invalidStepDataIsReportedNotThrown() throws DesignException {
        Scenario crossed = ScenarioFixture.named("crossed")
                .steps(2, java.time.Duration.ofHours(1))
                .peer("g", PeerKind.PRODUCER, new double[] {0, 5}, new double[] {10, 1},
                        new QuadraticCost(1, 0, 0))
                .consumer("d", -10, 0, 1, 50)
                .build();
        MarketTree tree = LoweringTest.lower(crossed, "full");
        StepOutcome outcome = new CentralizedSolver(tree, IPM, SolverOptions.defaults()).solve(1);
        assertEquals(SolveStatus.ERROR, outcome.status());
        assertTrue(outcome.message().contains("'p[g]' [peer g (injection)]: lower bound 5.0 > upper bound 1.0"),
                outcome.message());
        assertTrue(Double.isNaN(outcome.injection()[0]));
    }

    @Test
    void infeasibleStepEndsWithAStatus() throws DesignException {
        // g must produce at least 5 MW, d can take at most 2
        Scenario stuck = ScenarioFixture.named("stuck")
                .producer("g", 5, 10, 1, 0)
                .consumer("d", -2, 0, 1, 50)
                .build();
        MarketTree tree = LoweringTest.lower(stuck, "full");
        StepOutcome outcome = new CentralizedSolver(tree, IPM, SolverOptions.defaults()).solve(0);
        // which non-optimal status is the backend's business; the market reports it, never throws
        assertFalse(outcome.isOptimal(), outcome.message());
        assertTrue(Double.isNaN(outcome.objective()));
        assertTrue(Double.isNaN(outcome.linkPrice()[0]));
    }

    @Test
    void stepsSolvedInParallelMatchSequentialOnes() throws Exception {
        int steps = 8;
        MarketTree tree = LoweringTest.lower(figure2(steps), "full");
        CentralizedSolver solver = new CentralizedSolver(tree, IPM, SolverOptions.defaults());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<StepOutcome>> parallel = new java.util.ArrayList<>();
            for (int t = 0; t < steps; t++) {
                int step = t;
                parallel.add(pool.submit(() -> solver.solve(step)));
            }
            for (int t = 0; t < steps; t++) {
                StepOutcome alone = solver.solve(t);
                StepOutcome together = parallel.get(t).get();
                assertEquals(t, together.step());
                assertEquals(alone.objective(), together.objective(), 1e-9);
                assertArrayEquals(alone.linkTrade(), together.linkTrade(), 1e-9);
            }
        } finally {
            pool.shutdown();
        }
    }
}
