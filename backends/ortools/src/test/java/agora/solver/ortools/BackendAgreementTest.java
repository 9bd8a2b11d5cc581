package agora.solver.ortools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agora.solver.KktCheck;
import agora.solver.KktResiduals;
import agora.solver.QpModel;
import agora.solver.QpSolution;
import agora.solver.SolveStatus;
import agora.solver.SolverBackend;
import agora.solver.SolverOptions;
import agora.solver.ipm.IpmBackend;
import agora.solver.ojalgo.OjAlgoBackend;
import agora.solver.testing.MarketLikeQp;
import agora.solver.testing.RandomConvexQp;
import org.junit.jupiter.api.Test;

/**
 * OR-Tools (PDLP, first-order), Agora's interior point (ipm) and ojAlgo's convex solver (ADMM,
 * active set): three different algorithms must reach the same optimum, each proven optimal by the
 * KKT check.
 */
class BackendAgreementTest {
    private static final SolverBackend ORTOOLS = new OrToolsBackend();
    private static final SolverBackend IPM = new IpmBackend();
    private static final SolverBackend OJALGO = new OjAlgoBackend();
    private static final double OBJECTIVE_AGREEMENT = 1e-6;
    private static final double PRICE_AGREEMENT = 1e-3;
    /** A trade smaller than this (MW) counts as zero: its price is not unique. */
    private static final double ACTIVE_TRADE = 1e-3;

    private static QpSolution solveOptimal(SolverBackend backend, QpModel model, String what) {
        QpSolution solution = backend.solve(model, SolverOptions.defaults());
        assertEquals(SolveStatus.OPTIMAL, solution.status(), backend.name() + " " + what + ": " + solution.message());
        KktResiduals residuals = KktCheck.check(model, solution);
        assertTrue(residuals.satisfied(1e-5), () -> backend.name() + " " + what + ": " + residuals);
        return solution;
    }

    private static void assertRelativelyEqual(double expected, double actual, String what) {
        assertEquals(expected, actual, OBJECTIVE_AGREEMENT * (1 + Math.abs(expected)), what);
    }

    @Test
    void randomConvexQpsHaveTheSameOptimalObjective() {
        for (long seed = 100; seed < 110; seed++) {
            QpModel model = RandomConvexQp.generate(seed, 40, 25);
            QpSolution reference = solveOptimal(IPM, model, "seed " + seed);
            QpSolution solution = solveOptimal(ORTOOLS, model, "seed " + seed);
            assertRelativelyEqual(reference.objective(), solution.objective(), "seed " + seed);
            QpSolution ojAlgo = solveOptimal(OJALGO, model, "seed " + seed);
            assertRelativelyEqual(reference.objective(), ojAlgo.objective(), "ojalgo, seed " + seed);
        }
    }

    @Test
    void marketLikeQpHasTheSameObjectiveAndPricesOfActiveTrades() {
        MarketLikeQp market = new MarketLikeQp(7);
        int comparedPrices = 0;
        for (int t = 0; t < 3; t++) {
            QpModel model = market.step(t);
            QpSolution reference = solveOptimal(IPM, model, "step " + t);
            QpSolution solution = solveOptimal(ORTOOLS, model, "step " + t);
            assertRelativelyEqual(reference.objective(), solution.objective(), "step " + t);
            for (int row : market.reciprocityRows()) {
                boolean active = java.util.Arrays.stream(activeColumns(model, row))
                        .anyMatch(j -> Math.abs(reference.primal()[j]) > ACTIVE_TRADE);
                if (active) {
                    assertEquals(reference.duals()[row], solution.duals()[row], PRICE_AGREEMENT,
                            "price of " + model.constraintName(row) + " at step " + t);
                    comparedPrices++;
                }
            }
        }
        assertTrue(comparedPrices >= 20, "only " + comparedPrices + " active trades compared");
    }

    private static int[] activeColumns(QpModel model, int row) {
        java.util.List<Integer> columns = new java.util.ArrayList<>();
        model.forEachInRow(row, (column, coefficient) -> columns.add(column));
        return columns.stream().mapToInt(Integer::intValue).toArray();
    }
}
