package agora.solver.ortools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agora.solver.KktCheck;
import agora.solver.KktResiduals;
import agora.solver.QpModel;
import agora.solver.QpSolution;
import agora.solver.SolveStatus;
import agora.solver.SolverOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Regression: the street community of {@code examples/community.agora} (kW-sized peers, see
 * {@link CommunityPoolQp}) once ended MPSOLVER_ABNORMAL or ran into the time limit on PDLP.
 *
 * <p>Derivation shared by both hours. Stationarity (grad f = A^T y + z) along the path of the
 * imported energy gives the prices: p_g is free with no cost, so y_balance g = 0; s_gs > 0 gives
 * pi+ + fee = y_reciprocity; u_sg > 0 gives fee = -y_reciprocity + y_street; x free gives
 * y_pool = y_street; P_h < 0 gives -fee = -y_h + y_pool and u_ws > 0 gives fee = y_ws - y_pool.
 * So every member pays y = pi+ + 3 fee (grid's, street's and its own fee), as long as the street
 * imports. Households value energy at 150 + 20 p >= 149.9 $/MWh, above any price here: they take
 * their largest demand. The workshop's marginal cost is 90 + 4000 p.
 */
class CommunityPoolTest {
    /** A tighter limit than the default 60 s, so that the old failure mode fails fast. */
    private static final SolverOptions OPTIONS = new SolverOptions(SolverOptions.DEFAULT_TOLERANCE,
            Duration.ofSeconds(10), 1, SolverOptions.DEFAULT_ADMM_RHO, SolverOptions.DEFAULT_ADMM_MAX_ITERATIONS);
    private static final double PRICE_ACCURACY = 1e-5;
    private static final double POWER_ACCURACY = 1e-8;

    private static QpSolution solve(QpModel model) {
        QpSolution solution = new OrToolsBackend().solve(model, OPTIONS);
        assertEquals(SolveStatus.OPTIMAL, solution.status(), solution.message());
        KktResiduals residuals = KktCheck.check(model, solution);
        assertTrue(residuals.satisfied(1e-6), residuals::toString);
        return solution;
    }

    private static double householdCosts() {
        double cost = 0;
        for (double demand : CommunityPoolQp.HOUSEHOLD_MAX) {
            cost += CommunityPoolQp.HOUSEHOLD_A * demand * demand - CommunityPoolQp.HOUSEHOLD_B * demand;
        }
        return cost; // 10 * 5.73e-6 - 150 * 0.0041 = -0.6149427
    }

    private static double householdDemand() {
        return CommunityPoolQp.HOUSEHOLD_MAX[0] + CommunityPoolQp.HOUSEHOLD_MAX[1] + CommunityPoolQp.HOUSEHOLD_MAX[2];
    }

    private static void assertMemberPrices(QpSolution solution, double importPrice) {
        double fee = CommunityPoolQp.FEE;
        assertEquals(0.0, solution.duals()[CommunityPoolQp.BALANCE_GRID], PRICE_ACCURACY);
        assertEquals(importPrice + fee, solution.duals()[CommunityPoolQp.RECIPROCITY], PRICE_ACCURACY);
        assertEquals(importPrice + 2 * fee, solution.duals()[CommunityPoolQp.BALANCE_STREET], PRICE_ACCURACY);
        assertEquals(importPrice + 2 * fee, solution.duals()[CommunityPoolQp.POOL], PRICE_ACCURACY);
        for (int h = 0; h < 3; h++) {
            assertEquals(importPrice + 3 * fee, solution.duals()[CommunityPoolQp.BALANCE_FIRST_HOUSEHOLD + h],
                    PRICE_ACCURACY, "household " + (h + 1));
        }
        assertEquals(importPrice + 3 * fee, solution.duals()[CommunityPoolQp.BALANCE_WORKSHOP], PRICE_ACCURACY);
    }

    /**
     * Night (step 1 of the example failed so): no PV, import at 56 $/MWh. The workshop's marginal
     * cost at its largest demand, 90 - 4000 * 0.008 = 58, is above the price 56.003, so it too
     * takes its largest demand. The street imports D = 0.0041 + 0.008 = 0.0121 MW, every MWh of
     * it paying 56 + 3 * 0.001. Objective: -0.6149427 (households) + 2000 * 0.008^2 - 90 * 0.008
     * (= -0.592, workshop) + 56.003 * 0.0121 (= 0.6776363) = -0.5293064.
     */
    @Test
    void nightWithoutPvImportsEverything() {
        double importPrice = 56;
        QpModel model = CommunityPoolQp.hour(0, importPrice, 36);
        QpSolution solution = solve(model);
        double workshop = CommunityPoolQp.WORKSHOP_MIN;
        double imported = householdDemand() - workshop;
        double expected = householdCosts()
                + CommunityPoolQp.WORKSHOP_A * workshop * workshop + CommunityPoolQp.WORKSHOP_B * workshop
                + (importPrice + 3 * CommunityPoolQp.FEE) * imported;
        assertEquals(-0.5293064, expected, 1e-7); // the arithmetic of the comment
        assertEquals(expected, solution.objective(), 1e-6 * (1 + Math.abs(expected)));
        assertEquals(workshop, solution.primal()[CommunityPoolQp.P_WORKSHOP], POWER_ACCURACY);
        assertMemberPrices(solution, importPrice);
    }

    /**
     * Midday (steps 11-14 failed so): PV produces 0.0032 MW, import costs 80 $/MWh. The workshop
     * balances 90 + 4000 p = 80.003, p = -9.997 / 4000 = -0.00249925 MW, inside its bounds; the
     * street still imports I = 0.0041 + 0.00249925 - 0.0032 = 0.00339925 MW. Members pay their own
     * fee on their trades with the pool, 0.0041 + 0.0032 + 0.00249925 MW (the PV sells), the
     * street and the grid on I. Objective: -0.6149427 + (2000 p^2 + 90 p = -0.2124400)
     * + 80.001 I + 0.001 I + 0.001 * 0.00979925 = -0.5554261.
     */
    @Test
    void middayPvAndAnInteriorWorkshop() {
        double importPrice = 80;
        double roof = 0.0032;
        QpModel model = CommunityPoolQp.hour(roof, importPrice, 60);
        QpSolution solution = solve(model);
        double fee = CommunityPoolQp.FEE;
        double workshop = (importPrice + 3 * fee - CommunityPoolQp.WORKSHOP_B) / (2 * CommunityPoolQp.WORKSHOP_A);
        double imported = householdDemand() - workshop - roof;
        double expected = householdCosts()
                + CommunityPoolQp.WORKSHOP_A * workshop * workshop + CommunityPoolQp.WORKSHOP_B * workshop
                + (importPrice + 2 * fee) * imported + fee * (householdDemand() + roof - workshop);
        assertEquals(-0.00249925, workshop, 1e-12);
        assertEquals(-0.5554261, expected, 1e-7); // the arithmetic of the comment
        assertEquals(expected, solution.objective(), 1e-6 * (1 + Math.abs(expected)));
        assertEquals(workshop, solution.primal()[CommunityPoolQp.P_WORKSHOP], POWER_ACCURACY);
        assertMemberPrices(solution, importPrice);
    }
}
