package agora.solver.ipm;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * A pool member whose injection is fixed at 0 (a wind farm in a calm) pins its pool sale, bounded
 * below by 0, at exactly 0: the feasible set has no interior in that variable and its balance row's
 * dual is only bounded below, so an interior point lets it grow without bound (on measured ieee14
 * data mu stalled for 200 iterations while duals passed 1e8). The shared presolve fixes such variables
 * before iterating and recovers the row's dual afterwards.
 *
 * <pre>
 *   variables: p_w in [0, 0], s_w >= 0 (w's sale to the pool), p_d in [-10, 0] with cost
 *              p_d² + 40 p_d, grid sale s_g >= 0 at 30 $/MWh, grid purchase u_g >= 0 at -20 $/MWh
 *   rows:      balance[w]: p_w - s_w = 0;  pool: s_w + p_d + s_g - u_g = 0
 *   optimum:   the consumer buys x = -p_d from the grid at 30: min x² - 40x + 30x  =>  x = 5,
 *              objective 25 - 50 = -25; pool price (dual of the pool row) 30.
 *   duals:     s_w at its bound needs reduced cost y_w - 30 >= 0, so any y_w >= 30 is optimal;
 *              the recovered dual is the one that makes s_w's reduced cost 0: y_w = 30.
 * </pre>
 */
class PinnedPoolSaleTest {

    @Test
    void fixesThePinnedSaleAndRecoversAFiniteDual() {
        QpModelBuilder b = new QpModelBuilder();
        int pw = b.addVariable("p[w]", new Origin("peer", "w", "injection"), 0, 0, 0, 0);
        int sw = b.addVariable("s[w]", new Origin("peer", "w", "pool sale"), 0,
                Double.POSITIVE_INFINITY, 0, 0);
        int pd = b.addVariable("p[d]", new Origin("peer", "d", "injection"), -10, 0, 40, 1);
        int sg = b.addVariable("s[g]", new Origin("grid", "g", "sale"), 0,
                Double.POSITIVE_INFINITY, 30, 0);
        int ug = b.addVariable("u[g]", new Origin("grid", "g", "purchase"), 0,
                Double.POSITIVE_INFINITY, -20, 0);
        int balance = b.addEquality("balance[w]", new Origin("peer", "w", "balance"),
                new int[] {pw, sw}, new double[] {1, -1}, 0);
        int pool = b.addEquality("pool", new Origin("collective", "c", "balance"),
                new int[] {sw, pd, sg, ug}, new double[] {1, 1, 1, -1}, 0);
        QpModel model = b.build();

        QpSolution solution = new IpmBackend().solve(model, SolverOptions.defaults());

        assertEquals(SolveStatus.OPTIMAL, solution.status(), solution.message());
        KktResiduals residuals = KktCheck.check(model, solution);
        assertTrue(residuals.satisfied(1e-7), residuals.toString());
        assertEquals(-5.0, solution.primal()[pd], 1e-6);
        assertEquals(0.0, solution.primal()[sw], 0.0);
        assertEquals(-25.0, solution.objective(), 1e-6);
        assertEquals(30.0, solution.duals()[pool], 1e-6);
        assertEquals(30.0, solution.duals()[balance], 1e-6);
    }
}
