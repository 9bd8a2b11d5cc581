package agora.market.lowering;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agora.market.DesignException;
import agora.market.Market;
import agora.market.MarketDesigns;
import agora.market.MarketTree;
import agora.market.Participant;
import agora.market.StepOutcome;
import agora.market.designs.ScenarioFixture;
import agora.scenario.Clearing;
import agora.scenario.PeerKind;
import agora.scenario.QuadraticCost;
import agora.scenario.Scenario;
import agora.solver.KktCheck;
import agora.solver.KktResiduals;
import agora.solver.ModelValidator;
import agora.solver.QpModel;
import agora.solver.QpSolution;
import agora.solver.SolveStatus;
import agora.topology.Topology;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The lowered model's structure and sign conventions, checked against solutions worked out by
 * hand: a hand solution must satisfy the KKT conditions of the model exactly, in the dual
 * convention of {@link QpSolution}, which pins the sign of every row.
 */
class LoweringTest {

    static MarketTree lower(Scenario scenario, String design) throws DesignException {
        return MarketDesigns.byName(design).lower(Topology.of(scenario));
    }

    static int variable(QpModel model, String name) {
        int j = model.structure().variableNames().indexOf(name);
        if (j < 0) {
            throw new AssertionError("no variable " + name + " in " + model.structure().variableNames());
        }
        return j;
    }

    static int row(QpModel model, String name) {
        int i = model.structure().constraintNames().indexOf(name);
        if (i < 0) {
            throw new AssertionError("no row " + name + " in " + model.structure().constraintNames());
        }
        return i;
    }

    /**
     * Producer g: C = 0.5 p² + 10 p on [0, 100]; consumer d: C = 0.5 p² + 40 p on [-100, 0];
     * γ = 1 $/MWh on each side. With g selling q to d the objective is
     * 0.5q² + 10q + 0.5q² - 40q + 2γq = q² - 28q, least at q = 14 (value -196).
     * Bilateral price: g's marginal cost plus its fee, 14 + 10 + 1 = 25 = d's marginal value
     * minus its fee, (-14 + 40) - 1. Balance duals: g 24 (marginal cost), d 26 (marginal value).
     */
    static Scenario twoPeers() {
        return ScenarioFixture.named("two peers")
                .producer("g", 0, 100, 0.5, 10)
                .consumer("d", -100, 0, 0.5, 40)
                .tradeFee(1.0)
                .build();
    }

    @Test
    void twoPeerModelHasOneSignedVariablePerTradeSide() throws DesignException {
        LoweredMarket lowered = LoweredMarket.of(lower(twoPeers(), "full"));
        QpModel model = lowered.modelAt(0);
        assertEquals(List.of("p[g]", "p[d]", "P[g->d]", "P[d->g]"), model.structure().variableNames());
        assertEquals(List.of("reciprocity[g->d]", "balance[g@market]", "balance[d@market]"),
                model.structure().constraintNames());
        int sale = variable(model, "P[g->d]");
        int purchase = variable(model, "P[d->g]");
        // producers only sell, consumers only buy; |P| is then linear: +γ P for g, -γ P for d
        assertEquals(0.0, model.lower(sale));
        assertEquals(1.0, model.linear(sale));
        assertEquals(0.0, model.upper(purchase));
        assertEquals(-1.0, model.linear(purchase));
        assertTrue(ModelValidator.validate(model).isEmpty());
    }

    @Test
    void handSolvedTwoPeerMarketSatisfiesKktWithPositivePrices() throws DesignException {
        LoweredMarket lowered = LoweredMarket.of(lower(twoPeers(), "full"));
        QpModel model = lowered.modelAt(0);
        double[] x = new double[model.variableCount()];
        x[variable(model, "p[g]")] = 14;
        x[variable(model, "p[d]")] = -14;
        x[variable(model, "P[g->d]")] = 14;
        x[variable(model, "P[d->g]")] = -14;
        double[] y = new double[model.constraintCount()];
        y[row(model, "reciprocity[g->d]")] = 25;
        y[row(model, "balance[g@market]")] = 24;
        y[row(model, "balance[d@market]")] = 26;
        QpSolution hand = new QpSolution(SolveStatus.OPTIMAL, -196, x, y, "hand", List.of(), 0, 0);
        KktResiduals residuals = KktCheck.check(model, hand);
        assertTrue(residuals.satisfied(1e-12), residuals.toString());
        assertEquals(-196, model.objective(x), 1e-12);

        // the opposite sign convention is not optimal: the check can fail
        double[] negated = java.util.Arrays.stream(y).map(v -> -v).toArray();
        QpSolution wrong = new QpSolution(SolveStatus.OPTIMAL, -196, x, negated, "", List.of(), 0, 0);
        assertFalse(KktCheck.check(model, wrong).satisfied(1e-3));

        StepOutcome outcome = lowered.outcome(0, model, hand, x,
                new StepOutcome.SolveStats(0, Double.NaN, Double.NaN, 0, 0, 0));
        assertArrayEquals(new double[] {14, -14}, outcome.injection());
        assertArrayEquals(new double[] {14}, outcome.linkTrade());
        assertArrayEquals(new double[] {25}, outcome.linkPrice());
        assertEquals(-196, outcome.objective());
        assertTrue(Double.isNaN(outcome.marketPrice()[0]), "the root is bilateral");
        assertTrue(Double.isNaN(outcome.collectiveNet()[0]), "the root has no net position");
    }

    /**
     * Community design, formulation (2). Producer g1: C = p² + 10p on [0, 4]; consumer d1 takes
     * exactly 10 MW; π+ = 30, π- = 20, γ = 0.5 on pool trades only. d1 buys through the pool at
     * the community price λ plus γ and imports the rest at π+ (no γ), so λ + 0.5 = 30: λ = 29.5;
     * g1 earns λ - 0.5 = 29 on the pool, above π- = 20 outside and its marginal cost 18 at 4 MW,
     * so it sells its 4 MW to d1 through the pool and d1 imports 6 MW. The community's link with
     * the grid carries the 6 MW without price (the members pay the grid directly). Objective:
     * g1 16 + 40 = 56, pool fees 0.5·(4 + 4) = 4, import 30·6 = 180: total 240.
     */
    @Test
    void handSolvedCommunityImportSatisfiesKkt() throws DesignException {
        Scenario scenario = ScenarioFixture.named("community import")
                .grid("grid", 30, 20)
                .collective("c1", Clearing.POOL)
                .producer("g1", 0, 4, 1, 10)
                .peer("d1", PeerKind.CONSUMER, -10, -10, QuadraticCost.ZERO)
                .member("c1", "g1", "d1")
                .tradeFee(0.5)
                .build();
        MarketTree tree = lower(scenario, "community");
        LoweredMarket lowered = LoweredMarket.of(tree);
        QpModel model = lowered.modelAt(0);
        double[] x = new double[model.variableCount()];
        x[variable(model, "p[grid]")] = 6;
        x[variable(model, "p[g1]")] = 4;
        x[variable(model, "p[d1]")] = -10;
        x[variable(model, "x[c1]")] = -6;
        x[variable(model, "P[grid->c1]")] = 6;      // the grid delivers 6 MW, without price here
        x[variable(model, "P[c1->grid]")] = -6;
        x[variable(model, "P[g1->c1]")] = 4;        // the producer's pool sale
        x[variable(model, "P[d1->c1]")] = -4;       // the consumer's pool purchase
        x[variable(model, "u[d1->market]")] = 6;    // and its import at π+
        double[] y = new double[model.constraintCount()];
        y[row(model, "pool[c1]")] = 29.5;           // the community price
        y[row(model, "balance[g1@c1]")] = 29;       // g1 receives the pool price less its fee
        y[row(model, "balance[d1@c1]")] = 30;       // d1 pays the pool price plus its fee = π+
        QpSolution hand = new QpSolution(SolveStatus.OPTIMAL, 240, x, y, "hand", List.of(), 0, 0);
        KktResiduals residuals = KktCheck.check(model, hand);
        assertTrue(residuals.satisfied(1e-12), residuals.toString());
        StepOutcome outcome = lowered.outcome(0, model, hand, x,
                new StepOutcome.SolveStats(0, Double.NaN, Double.NaN, 0, 0, 0));
        assertArrayEquals(new double[] {Double.NaN, 29.5}, outcome.marketPrice());
        assertArrayEquals(new double[] {Double.NaN, -6}, outcome.collectiveNet());
        assertArrayEquals(new double[] {6}, outcome.linkTrade());
        assertEquals(240, outcome.objective(), 1e-12);
    }

    @Test
    void stepDataFollowsProfilesAndGridPrices() throws DesignException {
        Scenario scenario = ScenarioFixture.named("profiles")
                .steps(2, Duration.ofMinutes(30))
                .grid("grid", new double[] {30, 45}, new double[] {20, 25})
                .peer("w", PeerKind.PRODUCER, new double[] {0, 1}, new double[] {3, 7},
                        new QuadraticCost(0, 2, 5))
                .tradeFee(0.25)
                .build();
        LoweredMarket lowered = LoweredMarket.of(lower(scenario, "full"));
        QpModel second = lowered.modelAt(1);
        int w = variable(second, "p[w]");
        assertEquals(1, second.lower(w));
        assertEquals(7, second.upper(w));
        assertEquals(45.25, second.linear(variable(second, "s[grid->w]")));   // π+ + γ
        assertEquals(-24.75, second.linear(variable(second, "u[grid->w]")));  // -π- + γ
        assertEquals(5, second.constant());                                  // c of w, hourly
        QpModel first = lowered.modelAt(0);
        assertEquals(3, first.upper(w));
        assertEquals(30.25, first.linear(variable(first, "s[grid->w]")));
    }

    /** A bilateral collective's manager is a participant of its own market, with position -x. */
    @Test
    void managerOfBilateralCollectiveTakesMinusNetPosition() throws DesignException {
        Scenario scenario = ScenarioFixture.named("nested")
                .grid("grid", 50, 10)
                .collective("b", Clearing.BILATERAL)
                .producer("pv", 0, 10, 1, 0)
                .consumer("l", -4, -4, 0, 0)
                .member("b", "pv", "l")
                .build();
        MarketTree tree = lower(scenario, "nested");
        Market inner = tree.market("b").orElseThrow();
        assertEquals(new Participant.Manager("b"), inner.participants().get(0));
        QpModel model = LoweredMarket.of(tree).modelAt(0);
        int managerRow = row(model, "balance[b@b]");
        int x = variable(model, "x[b]");
        double[] coefficient = new double[1];
        model.forEachInRow(managerRow, (column, c) -> {
            if (column == x) {
                coefficient[0] = c;
            }
        });
        assertEquals(-1.0, coefficient[0]);
    }

    @Test
    void treeThatLeavesOutAPeerIsRefused() throws DesignException {
        Scenario scenario = twoPeers();
        MarketTree full = lower(scenario, "full");
        Market onlyG = new Market(MarketTree.ROOT, Clearing.BILATERAL,
                List.of(full.root().participants().get(0)), List.of(), 0);
        MarketTree broken = new MarketTree("broken", scenario, onlyG, full.homeCollective());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LoweredMarket.of(broken));
        assertEquals("design 'broken' places peer 'd' in 0 markets; every peer belongs to exactly one",
                e.getMessage());
    }

    @Test
    void cyclesInTradingLinksFlagAmbiguousTrades() throws DesignException {
        assertFalse(LoweredMarket.of(lower(twoPeers(), "full")).mayHaveAmbiguousTrades());
        Scenario four = ScenarioFixture.named("fig2")
                .producer("g1", 0, 100, 0.5, 10).producer("g2", 0, 100, 0.5, 20)
                .consumer("d1", -100, 0, 0.5, 50).consumer("d2", -100, 0, 0.5, 40)
                .build();
        assertTrue(LoweredMarket.of(lower(four, "full")).mayHaveAmbiguousTrades());
    }
}
