package agora.solver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agora.solver.testing.KnownQps;
import agora.solver.testing.MarketLikeQp;
import java.util.List;
import org.junit.jupiter.api.Test;

class PresolveTest {
    private static final double INF = Double.POSITIVE_INFINITY;
    private static final double TOLERANCE = 1e-7;

    private static Origin peer(String name) {
        return new Origin("peer", name, "injection");
    }

    /**
     * A wind farm in a calm in a pool (see PinnedPoolSale in the ipm backend's tests):
     *
     * <pre>
     *   p_w in [0, 0], s_w >= 0, p_d in [-10, 0] cost p_d^2 + 40 p_d, s_g >= 0 at 30, u_g >= 0 at -20
     *   balance[w]: p_w - s_w = 0;  pool: s_w + p_d + s_g - u_g = 0
     * </pre>
     *
     * p_w is fixed at 0, so balance[w] is left with s_w alone and fixes it at 0; the pool row stays
     * with p_d, s_g, u_g. The reduced optimum (worked out by hand): the consumer buys 5 MW from the
     * grid at 30, p_d = -5, s_g = 5, u_g = 0, objective 25 - 200 + 150 = -25, pool dual 30.
     */
    private static QpModel pinnedPoolSale() {
        QpModelBuilder b = new QpModelBuilder();
        int pw = b.addVariable("p[w]", peer("w"), 0, 0, 0, 0);
        int sw = b.addVariable("s[w]", new Origin("peer", "w", "pool sale"), 0, INF, 0, 0);
        int pd = b.addVariable("p[d]", peer("d"), -10, 0, 40, 1);
        int sg = b.addVariable("s[g]", new Origin("grid", "g", "sale"), 0, INF, 30, 0);
        int ug = b.addVariable("u[g]", new Origin("grid", "g", "purchase"), 0, INF, -20, 0);
        b.addEquality("balance[w]", new Origin("peer", "w", "balance"), new int[] {pw, sw}, new double[] {1, -1}, 0);
        b.addEquality("pool", new Origin("collective", "c", "balance"), new int[] {sw, pd, sg, ug},
                new double[] {1, 1, 1, -1}, 0);
        return b.build();
    }

    @Test
    void aFixedInjectionTakesItsSaleAndBalanceRowWithIt() {
        QpModel model = pinnedPoolSale();
        Presolved presolved = new Presolve().apply(model, TOLERANCE);
        QpModel reduced = presolved.reduced();
        assertEquals(List.of("p[d]", "s[g]", "u[g]"), reduced.structure().variableNames());
        assertEquals(List.of("pool"), reduced.structure().constraintNames());
        assertEquals(2, presolved.removedVariables());
        assertEquals(1, presolved.removedRows());
        assertEquals(List.of(), ModelValidator.validate(reduced));
    }

    @Test
    void theWayBackRecoversEveryValueAndDualAndPassesTheKktCheck() {
        // the removed row's dual makes s_w's reduced cost 0: 0 - (1 * y_pool) - (-1 * y_w) = 0, y_w = 30
        QpModel model = pinnedPoolSale();
        Presolved presolved = new Presolve().apply(model, TOLERANCE);
        QpSolution reducedSolution = new QpSolution(SolveStatus.OPTIMAL, -25, new double[] {-5, 5, 0},
                new double[] {30}, "by hand", List.of(), 7, 0.5);
        QpSolution full = presolved.invert(reducedSolution);
        assertArrayEquals(new double[] {0, 0, -5, 5, 0}, full.primal(), 0.0);
        assertArrayEquals(new double[] {30, 30}, full.duals(), 1e-12);
        assertEquals(-25.0, full.objective(), 1e-12);
        assertEquals(7, full.iterations());
        assertTrue(KktCheck.check(model, full).satisfied(1e-12), () -> KktCheck.check(model, full).toString());
    }

    @Test
    void theReducedObjectiveCountsTheCostOfFixedVariables() {
        // x fixed at 2 with cost x^2 + 3x = 10; the reduced model's constant carries it
        QpModelBuilder b = new QpModelBuilder();
        int x = b.addVariable("x", peer("x"), 2, 2, 3, 1);
        int y = b.addVariable("y", peer("y"), 0, 5, 1, 1);
        b.addConstraint("cap", new Origin("peer", "xy", "cap"), new int[] {x, y}, new double[] {1, 1}, -INF, 4);
        b.addConstraint("floor", new Origin("peer", "xy", "floor"), new int[] {x, y, y}, new double[] {1, 0.5, 0.5}, 1, INF);
        b.addConstant(1);
        QpModel reduced = new Presolve().apply(b.build(), TOLERANCE).reduced();
        assertEquals(11.0, reduced.constant(), 0.0);
        // both rows are left with y alone (the duplicate entries of 'floor' merge to 1): y <= 2, y >= -1
        assertEquals(0, reduced.constraintCount());
        assertEquals(0.0, reduced.lower(0));
        assertEquals(2.0, reduced.upper(0));
    }

    @Test
    void aSingletonRowWhoseBoundHoldsTheVariableGetsItsReducedCostAsDual() {
        // min (x - 2)^2 = x^2 - 4x + 4 over x in [0, 10] and the row x <= 1: x = 1, and raising the
        // row's bound by e lowers the objective by 2e, so its dual is -2
        QpModelBuilder b = new QpModelBuilder();
        int x = b.addVariable("x", peer("x"), 0, 10, -4, 1);
        b.addConstraint("cap", new Origin("peer", "x", "cap"), new int[] {x}, new double[] {1}, -INF, 1);
        b.addConstant(4);
        QpModel model = b.build();
        Presolved presolved = new Presolve().apply(model, TOLERANCE);
        assertEquals(1.0, presolved.reduced().upper(0));
        QpSolution full = presolved.invert(new QpSolution(SolveStatus.OPTIMAL, 1, new double[] {1},
                new double[0], "by hand", List.of(), 0, 0));
        assertArrayEquals(new double[] {-2}, full.duals(), 0.0);
        assertEquals(1.0, full.objective(), 0.0);
        assertTrue(KktCheck.check(model, full).satisfied(1e-12), () -> KktCheck.check(model, full).toString());
    }

    @Test
    void aChainOfFixingsThatEndsOutsideTheBoundsIsInfeasible() {
        // x fixed at 1; link: x - y = 0 fixes y = 1; split: y + z = 0.5 then needs z = -0.5, below
        // z's bound 0. Each row alone can hold (no per-row check sees it); the chain cannot.
        QpModelBuilder b = new QpModelBuilder();
        int x = b.addVariable("x", peer("x"), 1, 1, 0, 1);
        int y = b.addVariable("y", peer("y"), 0, 2, 0, 1);
        int z = b.addVariable("z", peer("z"), 0, 1, 0, 1);
        b.addEquality("link", new Origin("trade", "x<->y", "reciprocity"), new int[] {x, y}, new double[] {1, -1}, 0);
        Origin split = new Origin("collective", "yz", "balance");
        b.addEquality("split", split, new int[] {y, z}, new double[] {1, 1}, 0.5);
        Presolved presolved = new Presolve().apply(b.build(), TOLERANCE);
        assertTrue(presolved.isInfeasible());
        assertEquals(List.of(split), presolved.conflicts());
        assertEquals("row 'split' fixes 'z' at -0.5, outside its bounds [0.0, 1.0]", presolved.reason());
    }

    @Test
    void singletonRowsThatLeaveNoValueAreInfeasible() {
        // x >= 0.8 and x <= 0.5: jointly infeasible, named by both rows
        Presolved presolved = new Presolve().apply(KnownQps.jointlyInfeasible(), TOLERANCE);
        assertTrue(presolved.isInfeasible());
        assertEquals(List.of(new Origin("peer", "x", "floor"), new Origin("peer", "x", "cap")), presolved.conflicts());
        assertEquals(SolveStatus.INFEASIBLE, presolved.infeasibleSolution(0).status());
    }

    @Test
    void aModelOfOnlyFixedVariablesIsSolvedByThePresolve() {
        // x = 2, y = 3, x + y = 5 holds: objective 2^2 + 3 * 3 = 13; the row left empty has dual 0
        QpModelBuilder b = new QpModelBuilder();
        int x = b.addVariable("x", peer("x"), 2, 2, 0, 1);
        int y = b.addVariable("y", peer("y"), 3, 3, 3, 0);
        b.addEquality("sum", new Origin("collective", "xy", "balance"), new int[] {x, y}, new double[] {1, 1}, 5);
        Presolved presolved = new Presolve().apply(b.build(), TOLERANCE);
        assertTrue(presolved.isSolved());
        QpSolution solution = presolved.solvedByPresolve(0);
        assertEquals(SolveStatus.OPTIMAL, solution.status());
        assertEquals(13.0, solution.objective(), 0.0);
        assertArrayEquals(new double[] {2, 3}, solution.primal(), 0.0);
        assertArrayEquals(new double[] {0}, solution.duals(), 0.0);
    }

    @Test
    void stepsWithTheSameRemovalsShareOneReducedStructure() {
        // the pinned sale at two fixed values, and a step where the wind blows (nothing fixed)
        QpModel calm = pinnedPoolSale();
        double[] lower = calm.lowerBounds();
        double[] upper = calm.upperBounds();
        lower[0] = upper[0] = 1e-9;
        QpModel breeze = calm.withStepData(lower.clone(), upper.clone(), calm.linearCosts(), calm.quadraticCosts(), 0);
        upper[0] = 3;
        QpModel wind = calm.withStepData(lower, upper, calm.linearCosts(), calm.quadraticCosts(), 0);
        Presolve presolve = new Presolve();
        QpModel first = presolve.apply(calm, TOLERANCE).reduced();
        QpModel second = presolve.apply(breeze, TOLERANCE).reduced();
        assertSame(first.structure(), second.structure());
        assertEquals(-1e-9, second.rowLower(0), 0.0); // the pool row less the pinned sale
        assertSame(wind, presolve.apply(wind, TOLERANCE).reduced());
        assertNotSame(first.structure(), wind.structure());
    }

    @Test
    void aMarketWithoutFixedVariablesIsLeftAsItIs() {
        QpModel model = new MarketLikeQp(3).step(0);
        Presolved presolved = new Presolve().apply(model, TOLERANCE);
        assertFalse(presolved.isInfeasible());
        assertSame(model, presolved.reduced());
        assertEquals(0, presolved.removedRows());
    }
}
