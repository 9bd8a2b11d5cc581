package agora.market.lowering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agora.market.DesignException;
import agora.market.MarketTree;
import agora.market.StepOutcome;
import agora.market.StepOutcome.TradeAllocation;
import agora.market.TradeLink;
import agora.market.designs.ScenarioFixture;
import agora.market.results.Accounting;
import agora.market.results.StepResult;
import agora.scenario.Clearing;
import agora.scenario.Scenario;
import agora.solver.Capabilities;
import agora.solver.KktCheck;
import agora.solver.QpModel;
import agora.solver.QpSolution;
import agora.solver.SolverBackend;
import agora.solver.SolverBackends;
import agora.solver.SolverOptions;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/**
 * The minimum-norm allocation must stay on the optimal face whichever optimal duals the welfare
 * solve returns, and the reported trades must clear at the reported prices (budget balance).
 *
 * <p>Hybrid design, one 1 h step, γ = 0. Grid g: π+ = 50, π- = 20. Community c1: producer w1,
 * C = 0.5p² + 10p on [0, 100], consumer d1 fixed at -10. Community c2: consumer d2 fixed at -20,
 * producer z2 idle on [0, 0]. Community c3: consumer d3, C = 0.5p² + 68p on [-40, 0]. Fees per
 * side: c1-c2 2, c1-c3 1, c2-c3 1.5 $/MWh.
 *
 * <p>Hand solution: c2 buys from the grid, so λ2 = 50; c1 sells to c2 at 4 $ of fees below that,
 * λ1 = 46, so w1 makes p + 10 = 46: 36 MW, c1 exports 26. c3's consumer takes 68 - λ3; if c1
 * alone serves it at λ3 = λ1 + 2 = 48 that is 20 MW (the grid at 50 is dearer, c2 → c3 would cost
 * λ2 + 3 = 53), so c1 → c3 = 20, c1 → c2 = 26 - 20 = 6, g → c2 = 20 - 6 = 14. Link prices: g-c2
 * 50 (π+), c1-c2 46 + 2 = 48, c1-c3 46 + 1 = 47. Budget: peers pay 46·10 + 50·20 + 48·20 -
 * 46·36 = 764 = grid 14·50 = 700 plus fees 6·2·2 + 20·1·2 = 64.
 *
 * <p>c1 buying from the grid to resell to c2 or c3 is a circulation that costs 4 or 2 $/MWh more
 * than the direct trade: never optimal, though it keeps every net position.
 */
class AllocationConsistencyTest {
    private static final SolverBackend IPM = SolverBackends.byName("ipm");
    /** The idle producer's balance: any dual is optimal there (its injection is fixed at 0). */
    private static final String IDLE_BALANCE = "balance[z2@c2]";

    static Scenario threeCommunities() {
        return ScenarioFixture.named("three communities")
                .grid("g", 50, 20)
                .producer("w1", 0, 100, 0.5, 10)
                .consumer("d1", -10, -10, 0, 0)
                .consumer("d2", -20, -20, 0, 0)
                .producer("z2", 0, 0, 0, 0)
                .consumer("d3", -40, 0, 0.5, 68)
                .collective("c1", Clearing.POOL).member("c1", "w1", "d1")
                .collective("c2", Clearing.POOL).member("c2", "d2", "z2")
                .collective("c3", Clearing.POOL).member("c3", "d3")
                .fee("c1", "c2", 2)
                .fee("c1", "c3", 1)
                .fee("c2", "c3", 1.5)
                .build();
    }

    @Test
    void aHugeButOptimalDualElsewhereDoesNotLetTradesCirculate() throws DesignException {
        MarketTree tree = LoweringTest.lower(threeCommunities(), "hybrid");
        SolverBackend inflating = new Wrapped((model, solution) -> {
            int row = model.structure().constraintNames().indexOf(IDLE_BALANCE);
            if (row < 0 || !solution.status().isOptimal()) {
                return solution; // the allocation model
            }
            double[] duals = solution.duals().clone();
            duals[row] = 1e6; // z2's pool trade is sale-only at 0: any dual >= λ2 is optimal
            QpSolution inflated = new QpSolution(solution.status(), solution.objective(),
                    solution.primal(), duals, solution.message(), solution.conflicts(),
                    solution.iterations(), solution.seconds());
            assertTrue(KktCheck.check(model, inflated).satisfied(1e-6), "still an optimal dual");
            return inflated;
        });
        StepOutcome outcome = new CentralizedSolver(tree, inflating, SolverOptions.defaults()).solve(0);

        assertTrue(outcome.isOptimal(), outcome.message());
        assertEquals(TradeAllocation.MINIMUM_NORM, outcome.stats().allocation(), outcome.message());
        assertHandSolution(tree, outcome);
    }

    @Test
    void allocatedTradesThatBreakOptimalityFallBackToTheWelfareTrades() throws DesignException {
        MarketTree tree = LoweringTest.lower(threeCommunities(), "hybrid");
        SolverBackend corrupting = new Wrapped((model, solution) -> {
            if (model.structure().constraintNames().contains(IDLE_BALANCE)) {
                return solution; // the welfare model
            }
            double[] moved = solution.primal().clone();
            moved[0] += 5.0; // one trade moves without its partner: a balance breaks
            return new QpSolution(solution.status(), solution.objective(), moved, solution.duals(),
                    solution.message(), solution.conflicts(), solution.iterations(), solution.seconds());
        });
        StepOutcome outcome = new CentralizedSolver(tree, corrupting, SolverOptions.defaults()).solve(0);

        assertTrue(outcome.isOptimal(), outcome.message());
        assertEquals(TradeAllocation.AS_SOLVED, outcome.stats().allocation());
        assertTrue(outcome.message().contains("minimum-norm trade allocation rejected"), outcome.message());
        assertHandSolution(tree, outcome);
    }

    @Test
    void plainSolveMatchesTheHandSolution() throws DesignException {
        MarketTree tree = LoweringTest.lower(threeCommunities(), "hybrid");
        StepOutcome outcome = new CentralizedSolver(tree, IPM, SolverOptions.defaults()).solve(0);
        assertTrue(outcome.isOptimal(), outcome.message());
        assertHandSolution(tree, outcome);
    }

    private static void assertHandSolution(MarketTree tree, StepOutcome outcome) {
        double tol = 1e-4;
        assertEquals(14, trade(tree, outcome, "g", "c2"), tol);
        assertEquals(6, trade(tree, outcome, "c1", "c2"), tol);
        assertEquals(20, trade(tree, outcome, "c1", "c3"), tol);
        assertEquals(0, trade(tree, outcome, "g", "c1"), tol);
        assertEquals(0, trade(tree, outcome, "g", "c3"), tol);
        assertEquals(0, trade(tree, outcome, "c2", "c3"), tol);
        assertEquals(50, price(tree, outcome, "g", "c2"), tol);
        assertEquals(48, price(tree, outcome, "c1", "c2"), tol);
        assertEquals(47, price(tree, outcome, "c1", "c3"), tol);

        StepResult books = Accounting.step(tree, outcome);
        assertEquals(700, books.importCost(), tol);
        assertEquals(64, books.fees(), tol);
        assertEquals(0, books.imbalance(), 1e-6);
    }

    /** P from {@code from} to {@code to} on their link of the root market. */
    private static double trade(MarketTree tree, StepOutcome outcome, String from, String to) {
        int i = link(tree, from, to);
        double p = outcome.linkTrade()[i];
        return tree.links().get(i).a().name().equals(from) ? p : -p;
    }

    private static double price(MarketTree tree, StepOutcome outcome, String a, String b) {
        return outcome.linkPrice()[link(tree, a, b)];
    }

    private static int link(MarketTree tree, String a, String b) {
        List<TradeLink> links = tree.links();
        for (int i = 0; i < links.size(); i++) {
            String x = links.get(i).a().name();
            String y = links.get(i).b().name();
            if (x.equals(a) && y.equals(b) || x.equals(b) && y.equals(a)) {
                return i;
            }
        }
        throw new AssertionError("no link " + a + " - " + b);
    }

    /** ipm with its solutions passed through {@code change} (model, solution). */
    private record Wrapped(BiFunction<QpModel, QpSolution, QpSolution> change) implements SolverBackend {
        @Override
        public String name() {
            return "wrapped ipm";
        }

        @Override
        public Capabilities capabilities() {
            return IPM.capabilities();
        }

        @Override
        public QpSolution solve(QpModel model, SolverOptions options) {
            return change.apply(model, IPM.solve(model, options));
        }
    }
}
