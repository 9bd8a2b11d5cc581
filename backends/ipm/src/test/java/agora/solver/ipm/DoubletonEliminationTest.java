package agora.solver.ipm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agora.solver.KktCheck;
import agora.solver.KktResiduals;
import agora.solver.Origin;
import agora.solver.QpModel;
import agora.solver.QpModelBuilder;
import agora.solver.QpSolution;
import agora.solver.SolveStatus;
import agora.solver.SolverOptions;
import org.junit.jupiter.api.Test;

/**
 * A bilateral market of three peers, worked out by hand: producer a (p_a in [0, 10], cost
 * p_a² + 20 p_a), consumer b (p_b in [-8, 0], cost 2 p_b² + 60 p_b) and an expensive producer c
 * (p_c in [0, 5], cost 80 p_c). Trades t_nm with reciprocity t_nm + t_mn = 0, a producer's sales
 * >= 0 and a consumer's purchases <= 0, a fee of 0.5 $/MWh on each side; balance p_n = sum_m t_nm.
 *
 * <pre>
 *   a sells x to b:  3x² - 39x  =>  x = 6.5, objective -126.75
 *   duals:           y_a = 2 x + 20 = 33, y_b = -4 x + 60 = 34, reciprocity(a, b) = 0.5 + 33 = 33.5
 *   c does not trade (its 80 $/MWh exceeds b's 34): t_cb = t_bc = 0, both at their bounds
 * </pre>
 */
class DoubletonEliminationTest {
    private static final double FEE = 0.5;

    private static QpModel market() {
        QpModelBuilder b = new QpModelBuilder();
        double inf = Double.POSITIVE_INFINITY;
        int pa = b.addVariable("p[a]", origin("a"), 0, 10, 20, 1);
        int pb = b.addVariable("p[b]", origin("b"), -8, 0, 60, 2);
        int pc = b.addVariable("p[c]", origin("c"), 0, 5, 80, 0);
        int tab = b.addVariable("t[a,b]", origin("a"), 0, inf, FEE, 0);
        int tba = b.addVariable("t[b,a]", origin("b"), -inf, 0, -FEE, 0);
        int tcb = b.addVariable("t[c,b]", origin("c"), 0, inf, FEE, 0);
        int tbc = b.addVariable("t[b,c]", origin("b"), -inf, 0, -FEE, 0);
        b.addEquality("balance[a]", origin("a"), new int[] {pa, tab}, new double[] {1, -1}, 0);
        b.addEquality("balance[b]", origin("b"), new int[] {pb, tba, tbc}, new double[] {1, -1, -1}, 0);
        b.addEquality("balance[c]", origin("c"), new int[] {pc, tcb}, new double[] {1, -1}, 0);
        b.addEquality("reciprocity[a,b]", origin("a"), new int[] {tab, tba}, new double[] {1, 1}, 0);
        b.addEquality("reciprocity[c,b]", origin("c"), new int[] {tcb, tbc}, new double[] {1, 1}, 0);
        return b.build();
    }

    private static Origin origin(String peer) {
        return new Origin("peer", peer, "test");
    }

    @Test
    void eliminatesOneRowOfEachDisjointPair() {
        QpModel model = market();
        DoubletonElimination elimination = DoubletonElimination.of(model.structure());
        assertNotNull(elimination);
        DoubletonElimination.Step step = elimination.reduce(model);
        // balance[a] (p_a, t_ab) comes before reciprocity[a,b] (t_ab, t_ba) and takes t_ab, so
        // the reciprocity row stays; the same for c; balance[b] has three variables
        assertEquals(5, step.reduced().variableCount());
        assertEquals(java.util.List.of("balance[b]", "reciprocity[a,b]", "reciprocity[c,b]"),
                step.reduced().structure().constraintNames());
    }

    @Test
    void solvesTheMarketWithPricesOfTheFullModel() {
        QpModel model = market();
        QpSolution solution = new IpmBackend().solve(model, SolverOptions.defaults());

        assertEquals(SolveStatus.OPTIMAL, solution.status(), solution.message());
        KktResiduals residuals = KktCheck.check(model, solution);
        assertTrue(residuals.satisfied(1e-7), residuals.toString());
        assertEquals(-126.75, solution.objective(), 1e-6);
        assertEquals(6.5, solution.primal()[3], 1e-6);
        assertEquals(-6.5, solution.primal()[4], 1e-6);
        assertEquals(0.0, solution.primal()[5], 1e-6);
        assertEquals(33.0, solution.duals()[0], 1e-6);
        assertEquals(34.0, solution.duals()[1], 1e-6);
        assertEquals(33.5, solution.duals()[3], 1e-6);
    }

    @Test
    void leavesAStepWithoutInteriorUnreduced() {
        QpModel model = market();
        double[] lower = model.lowerBounds();
        double[] upper = model.upperBounds();
        lower[0] = 2.0; // a produces at least 2 ...
        upper[3] = 2.0; // ... and sells at most 2: balance[a]'s merged bounds pin t_ab at 2
        QpModel pinned = model.withStepData(lower, upper, model.linearCosts(), model.quadraticCosts(), 0.0);
        assertNull(DoubletonElimination.of(model.structure()).reduce(pinned));

        QpSolution solution = new IpmBackend().solve(pinned, SolverOptions.defaults());
        assertEquals(SolveStatus.OPTIMAL, solution.status(), solution.message());
        assertEquals(2.0, solution.primal()[3], 1e-6);
        assertEquals(3 * 4 - 39 * 2, solution.objective(), 1e-6);
        assertTrue(KktCheck.check(pinned, solution).satisfied(1e-7));
    }
}
