package agora.solver.ortools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agora.solver.KktCheck;
import agora.solver.Origin;
import agora.solver.Presolve;
import agora.solver.Presolved;
import agora.solver.QpModel;
import agora.solver.QpModelBuilder;
import agora.solver.QpSolution;
import agora.solver.SolveStatus;
import agora.solver.SolverOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** OR-Tools on the shared presolve ({@link Presolve}): what it removes and what comes back. */
class PresolvedSolveTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void aFixedPvPlantTakesItsTradeAndBalanceRowWithIt() {
        // night: p_roof fixed at 0, so balance[roof] (p_roof - P_roof = 0) is left with P_roof alone
        // and fixes it at 0; 2 of 17 variables and 1 of 9 rows go, the pool row stays
        QpModel model = CommunityPoolQp.hour(0, 56, 36);
        Presolved presolved = new Presolve().apply(model, 1e-7);
        assertEquals(15, presolved.reduced().variableCount());
        assertEquals(8, presolved.reduced().constraintCount());
        assertEquals(1, presolved.removedRows());
        assertFalse(presolved.reduced().structure().variableNames().contains(model.variableName(4))); // p_roof
        assertFalse(presolved.reduced().structure().variableNames().contains(model.variableName(14))); // P_roof
    }

    @Test
    void theDualOfARemovedRowComesFromStationarityOfTheVariableItFixed() {
        // P_roof (cost fee) sits in balance[roof] (-1) and the pool (+1): fee = -y_roof + y_pool, so
        // y_roof = y_pool - fee = 56.002 - 0.001 = 56.001 (pool price: see CommunityPoolTest)
        QpModel model = CommunityPoolQp.hour(0, 56, 36);
        QpSolution solution = new OrToolsBackend().solve(model, SolverOptions.defaults());
        assertEquals(SolveStatus.OPTIMAL, solution.status(), solution.message());
        assertEquals(56.001, solution.duals()[6], 1e-5);
        assertTrue(KktCheck.check(model, solution).satisfied(1e-6), () -> KktCheck.check(model, solution).toString());
    }

    @Test
    void aTinyPvInjectionIsRoutedExactly() {
        // PV at dusk, 4.7e-5 MW: presolve fixes its trade at 4.7e-5 (PDHG alone moves the balance
        // dual by step x 4.7e-5 per iteration and stalled for millions of iterations on such steps)
        double dusk = 4.7e-5;
        QpModel model = CommunityPoolQp.hour(dusk, 56, 36);
        QpSolution solution = new OrToolsBackend().solve(model, SolverOptions.defaults());
        assertEquals(SolveStatus.OPTIMAL, solution.status(), solution.message());
        assertEquals(dusk, solution.primal()[14], 1e-15); // P_roof
        assertTrue(KktCheck.check(model, solution).satisfied(1e-6), () -> KktCheck.check(model, solution).toString());
    }

    @Test
    void aChainOfFixingsThatEndsOutsideTheBoundsIsInfeasible() {
        // x fixed at 1; link: x - y = 0 fixes y = 1; split: y + z = 0.5 then needs z = -0.5, below
        // z's bound 0. Each row alone can hold (no per-row check sees it); the chain cannot.
        QpModelBuilder b = new QpModelBuilder();
        int x = b.addVariable("x", new Origin("peer", "x", "injection"), 1, 1, 0, 1);
        int y = b.addVariable("y", new Origin("peer", "y", "injection"), 0, 2, 0, 1);
        int z = b.addVariable("z", new Origin("peer", "z", "injection"), 0, 1, 0, 1);
        b.addEquality("link", new Origin("trade", "x<->y", "reciprocity"), new int[] {x, y}, new double[] {1, -1}, 0);
        Origin split = new Origin("collective", "yz", "balance");
        b.addEquality("split", split, new int[] {y, z}, new double[] {1, 1}, 0.5);
        QpModel model = b.build();
        QpSolution solution = new OrToolsBackend().solve(model, SolverOptions.defaults());
        assertEquals(SolveStatus.INFEASIBLE, solution.status(), solution.message());
        assertEquals(List.of(split), solution.conflicts());
    }

    @Test
    void aModelOfOnlyFixedVariablesNeedsNoPdlp() {
        // x fixed at 2, y fixed at 3, row x + y = 5 holds: objective 2^2 + 3 * 3 = 13 (cost x^2 + 3 y);
        // the row left empty has dual 0
        QpModelBuilder b = new QpModelBuilder();
        int x = b.addVariable("x", new Origin("peer", "x", "injection"), 2, 2, 0, 1);
        int y = b.addVariable("y", new Origin("peer", "y", "injection"), 3, 3, 3, 0);
        b.addEquality("sum", new Origin("collective", "xy", "balance"), new int[] {x, y}, new double[] {1, 1}, 5);
        QpSolution solution = new OrToolsBackend().solve(b.build(), SolverOptions.defaults());
        assertEquals(SolveStatus.OPTIMAL, solution.status(), solution.message());
        assertEquals(13.0, solution.objective(), 1e-12);
        assertArrayEquals(new double[] {2, 3}, solution.primal(), 0.0);
        assertArrayEquals(new double[] {0}, solution.duals(), 0.0);
        assertEquals(0, solution.iterations());
    }

    @Test
    void aRowLeftWithOneVariableBecomesItsBoundAndGetsItsDualBack() {
        // x fixed at 1 leaves cap: y <= 3; y's cost y^2 - 10y wants 5, so y = 3 on the row's bound
        // and the row's dual is d(objective)/d(bound) = 2 * 3 - 10 = -4
        QpModelBuilder b = new QpModelBuilder();
        int x = b.addVariable("x", new Origin("peer", "x", "injection"), 1, 1, 0, 1);
        int y = b.addVariable("y", new Origin("peer", "y", "injection"), 0, INF, -10, 1);
        b.addConstraint("cap", new Origin("peer", "y", "cap"), new int[] {x, y}, new double[] {1, 1}, -INF, 4);
        QpModel model = b.build();
        Presolved presolved = new Presolve().apply(model, 1e-7);
        assertEquals(1, presolved.removedRows());
        assertEquals(3.0, presolved.reduced().upper(0)); // 4 - x
        QpSolution solution = new OrToolsBackend().solve(model, SolverOptions.defaults());
        assertEquals(SolveStatus.OPTIMAL, solution.status(), solution.message());
        assertEquals(3.0, solution.primal()[y], 1e-9);
        assertEquals(-4.0, solution.duals()[0], 1e-6);
        assertTrue(KktCheck.check(model, solution).satisfied(1e-6), () -> KktCheck.check(model, solution).toString());
    }
}
