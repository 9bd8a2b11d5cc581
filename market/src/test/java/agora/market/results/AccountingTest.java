package agora.market.results;

import static agora.market.results.AccountingFixtures.communityOutcome;
import static agora.market.results.AccountingFixtures.communityTree;
import static agora.market.results.AccountingFixtures.fullOutcome;
import static agora.market.results.AccountingFixtures.fullTree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agora.market.StepOutcome;
import agora.solver.SolveStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountingTest {
    private static final double EPS = 1e-9;

    @Test
    void bilateralStepIsAccountedByHand() {
        StepResult r = Accounting.step(fullTree(), fullOutcome(2));

        assertEquals(SolveStatus.OPTIMAL, r.status());
        assertEquals(Fixtures.START.plusMinutes(60), r.time()); // step 2 of 30 min
        assertEquals(102.5, r.welfare(), EPS);                  // -0.5 · -205
        assertEquals(0.5, r.gridImport(), EPS);                 // s = 1 MW for 0.5 h
        assertEquals(0, r.gridExport(), EPS);
        assertEquals(30, r.importCost(), EPS);                  // 60 · 1 · 0.5
        assertEquals(0, r.exportRevenue(), EPS);
        assertEquals(1.5, r.load(), EPS);                       // 3 MW · 0.5 h
        assertEquals(1.0, r.exchange(), EPS);                   // w (c1) -> d (c2): 2 · 0.5
        assertEquals(3.0, r.fees(), EPS);                       // (1+1)·2·0.5 + (1+1)·1·0.5

        PeerStep g = r.peers().get(0);
        PeerStep w = r.peers().get(1);
        PeerStep d = r.peers().get(2);
        // grid: cost = its settlement 30; payment 61·(-1)·0.5 + 1·1·0.5 = -30
        assertEquals(new PeerStep("g", 1, 0.5, 30, -30), round(g));
        // w: cost 0.5·20 = 10; payment 61·(-2)·0.5 + 1·2·0.5 = -60
        assertEquals(new PeerStep("w", 2, 1, 10, -60), round(w));
        // d: cost 0.5·(-291); payment 61·2·0.5 + 1 (from w) + 61·1·0.5 + 0.5 (from g) = 93
        assertEquals(new PeerStep("d", -3, -1.5, -145.5, 93), round(d));
        // budget: peers pay -60 + 93 = 33 = settlement 30 + fees 3
        assertEquals(0, r.imbalance(), EPS);
        // welfare = -(costs + fees): -(30 + 10 - 145.5 + 3)
        assertEquals(r.welfare(), -(g.cost() + w.cost() + d.cost() + r.fees()), EPS);

        assertEquals(List.of(
                new TradeStep("market", false, "w", "d", 2, 61),
                new TradeStep("market", false, "g", "d", 1, 61),
                new TradeStep("market", false, "g", "w", 0, 50)), r.trades());
        assertTrue(r.collectives().isEmpty()); // the full design has no collective markets
    }

    @Test
    void poolStepIsAccountedByHand() {
        StepResult r = Accounting.step(communityTree(0.5, 4), communityOutcome(0, 39));

        assertEquals(65.75, r.welfare(), EPS);       // -0.25 · -263
        assertEquals(0, r.gridImport(), EPS);
        assertEquals(0.75, r.gridExport(), EPS);     // u = 3 MW for 0.25 h
        assertEquals(0, r.importCost(), EPS);
        assertEquals(30, r.exportRevenue(), EPS);    // 40 · 3 · 0.25
        assertEquals(0.5, r.load(), EPS);            // 2 MW · 0.25 h
        assertEquals(0, r.exchange(), EPS);          // the grid belongs to no collective
        assertEquals(0.75, r.fees(), EPS);           // no pool trades; (0.5+0.5)·3·0.25 on the link

        // w: sells its 5 MW outside at 39: 39·(-5)·0.25 = -48.75; cost 0.25·50
        assertEquals(new PeerStep("w", 5, 1.25, 12.5, -48.75), round(r.peers().get(1)));
        // d: buys 2 MW outside at 39: 39·2·0.25 = 19.5; cost 0.25·(-196)
        assertEquals(new PeerStep("d", -2, -0.5, -49, 19.5), round(r.peers().get(2)));
        // grid: cost = settlement -30; payment 39.5·3·0.25 + 0.5·3·0.25 = 30
        assertEquals(new PeerStep("g", -3, -0.75, -30, 30), round(r.peers().get(0)));
        // peers pay -29.25 = settlement -30 + fees 0.75
        assertEquals(0, r.imbalance(), EPS);

        assertEquals(List.of(new CollectiveStep("c1", 39, 0, 0.75)), r.collectives());
        assertEquals(List.of(
                new TradeStep("market", false, "g", "c1", -3, 39.5),
                new TradeStep("c1", true, "w", "market", 5, 39),
                new TradeStep("c1", true, "d", "market", -2, 39)), r.trades());
    }

    @Test
    void aPoolPriceThatIsNoDualShowsAsImbalance() {
        // At 35 instead of 39 the members pay 4 $/MWh less for the 3 MWh·0.25 h the manager
        // sells: w -43.75, d 17.5: peers pay -26.25, 3 more than settlement + fees (-29.25).
        StepResult r = Accounting.step(communityTree(0.5, 4), communityOutcome(0, 35));
        assertEquals(3.0, r.imbalance(), EPS);
    }

    @Test
    void aFailedStepKeepsItsTimeStatusMessageAndConflicts() {
        StepOutcome failed = Fixtures.failed(3, SolveStatus.INFEASIBLE, "infeasible",
                List.of("d", "balance of c1"));
        StepResult r = Accounting.step(communityTree(0.5, 4), failed);

        assertFalse(r.isOptimal());
        assertEquals(Fixtures.START.plusMinutes(45), r.time());
        assertEquals("infeasible", r.message());
        assertEquals(List.of("d", "balance of c1"), r.conflicts());
        assertTrue(Double.isNaN(r.welfare()));
        assertTrue(r.peers().isEmpty() && r.trades().isEmpty() && r.collectives().isEmpty());
    }

    @Test
    void totalsAddUpOptimalStepsAndCountFailures() {
        agora.market.MarketTree tree = communityTree(0.5, 4);
        List<StepResult> steps = List.of(
                Accounting.step(tree, communityOutcome(0, 39)),
                Accounting.step(tree, Fixtures.failed(1, SolveStatus.TIME_LIMIT, "slow", List.of())),
                Accounting.step(tree, communityOutcome(2, 35)));
        DesignTotals t = DesignTotals.of(steps);

        assertEquals(3, t.steps());
        assertEquals(2, t.optimalSteps());
        assertEquals(1, t.failedSteps());
        assertEquals(2 * 65.75, t.welfare(), EPS);
        assertEquals(60, t.exportRevenue(), EPS);
        assertEquals(1.5, t.gridExport(), EPS);
        assertEquals(1.0, t.load(), EPS);
        assertEquals(3.0, t.maxImbalance(), EPS); // the step priced at 35
    }

    @Test
    void iterationsAreSummarisedByNearestRank() {
        List<StepOutcome> outcomes = List.of(
                withIterations(0, 5), withIterations(1, 1), withIterations(2, 3),
                withIterations(3, 100));
        SolveSummary s = SolveSummary.of("admm", outcomes, 2.0);
        // sorted 1 3 5 100: median = 2nd of 4, p95 = 4th (ceil(3.8)), max 100
        assertEquals(3, s.iterationsMedian());
        assertEquals(100, s.iterationsP95());
        assertEquals(100, s.iterationsMax());
        assertEquals(2.0, s.stepsPerSecond(), EPS);
        assertEquals(4, s.statusCounts().get(SolveStatus.OPTIMAL));
        assertEquals(0, s.failedSteps());
        assertEquals(4, s.allocations().get(StepOutcome.TradeAllocation.AS_SOLVED));
        assertTrue(Double.isNaN(s.maxTradeShift()));
    }

    private static StepOutcome withIterations(int step, long iterations) {
        StepOutcome o = communityOutcome(step, 39);
        return new StepOutcome(step, o.status(), o.message(), o.conflicts(), o.objective(),
                o.injection(), o.linkTrade(), o.linkPrice(), o.marketPrice(), o.collectiveNet(),
                o.slotValues(), o.couplingPrices(), Fixtures.stats(iterations));
    }

    /** Rounds away floating-point noise so records compare exactly. */
    private static PeerStep round(PeerStep p) {
        return new PeerStep(p.peer(), r(p.p()), r(p.energy()), r(p.cost()), r(p.payment()));
    }

    private static double r(double x) {
        double v = Math.round(x * 1e9) / 1e9;
        return v == 0 ? 0 : v;
    }
}
