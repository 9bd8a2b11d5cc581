package agora.solver.ortools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import agora.solver.KktCheck;
import agora.solver.QpModel;
import agora.solver.QpSolution;
import agora.solver.SolveStatus;
import agora.solver.SolverOptions;
import agora.solver.testing.KnownQps;
import agora.solver.testing.MarketLikeQp;
import org.junit.jupiter.api.Test;

/** How PDLP runs are scaled, retried, checked and reported. */
class PdlpSolverTest {

    @Test
    void aStalledFirstAttemptIsRetriedWithConstantStepsAndStillSolves() {
        // a first attempt allowed one iteration stops at its iteration limit, as a stalled run would
        OrToolsBackend backend = new OrToolsBackend(Engine.AUTO, new PdlpParameters(1));
        QpSolution solution = backend.solve(KnownQps.twoPeerMarket(), SolverOptions.defaults());
        assertEquals(SolveStatus.OPTIMAL, solution.status(), solution.message());
        assertTrue(solution.message().startsWith("PDLP: ITERATION_LIMIT"), solution.message());
        assertTrue(solution.message().contains("retried with constant step sizes: OPTIMAL"), solution.message());
        assertArrayEquals(KnownQps.TWO_PEER_PRIMAL, solution.primal(), 1e-6);
        assertArrayEquals(KnownQps.TWO_PEER_DUALS, solution.duals(), 1e-6);
    }

    @Test
    void aStalledRunWhosePointMeetsTheKktConditionsIsKept() {
        // PDLP stops on criteria a tenth of the tolerance, so some iteration limit below the count
        // it needs leaves a point that meets the KKT conditions to the tolerance: kept, no retry
        QpModel model = new MarketLikeQp(3).step(0);
        SolverOptions options = SolverOptions.defaults();
        QpSolution converged = new OrToolsBackend().solve(model, options);
        assertEquals(SolveStatus.OPTIMAL, converged.status(), converged.message());
        for (int limit = 64; limit < converged.iterations(); limit += 64) {
            QpSolution stalled = new OrToolsBackend(Engine.AUTO, new PdlpParameters(limit)).solve(model, options);
            if (stalled.message().endsWith("at a point that meets the KKT conditions")) {
                assertEquals(SolveStatus.OPTIMAL, stalled.status(), stalled.message());
                assertEquals(limit, stalled.iterations(), stalled.message());
                assertTrue(KktCheck.check(model, stalled).satisfied(options.tolerance()), stalled.message());
                assertEquals(converged.objective(), stalled.objective(), 1e-6 * (1 + Math.abs(converged.objective())));
                return;
            }
        }
        fail("no iteration limit below " + converged.iterations() + " left a point that meets the KKT conditions");
    }

    @Test
    void optimalAnswersMeetTheKktConditions() {
        // PDLP's gap, with gradients on bounds counted as bound multipliers, is the one KktCheck measures
        SolverOptions options = SolverOptions.defaults();
        MarketLikeQp market = new MarketLikeQp(5);
        for (int step = 0; step < 4; step++) {
            QpModel model = market.step(step);
            QpSolution solution = new OrToolsBackend().solve(model, options);
            assertEquals(SolveStatus.OPTIMAL, solution.status(), solution.message());
            assertTrue(KktCheck.check(model, solution).satisfied(PdlpSolver.OPTIMAL_KKT_TOLERANCES * options.tolerance()),
                    () -> KktCheck.check(model, solution).toString());
        }
    }

    @Test
    void iterationsOfPdlpAreReported() {
        QpSolution solution = new OrToolsBackend().solve(KnownQps.twoPeerMarket(), SolverOptions.defaults());
        assertTrue(solution.iterations() > 0, solution.message());
        assertTrue(solution.message().matches("PDLP: OPTIMAL.* after \\d+ iterations"), solution.message());
    }

    @Test
    void anUnboundedQuadraticModelIsReportedUnbounded() {
        // MPSolver calls PDLP's dual infeasibility certificate NOT_SOLVED; the solve log says what it is
        QpSolution solution = new OrToolsBackend().solve(KnownQps.unbounded(), SolverOptions.defaults());
        assertEquals(SolveStatus.UNBOUNDED, solution.status(), solution.message());
    }

    @Test
    void marketLikeStepsAgreeWhateverTheirUnits() {
        // the same market in kW (powers / 1000, quadratic costs x 1000) and in MW: scaling makes PDLP
        // see the same numbers up to a power of two, so objective (/ 1000) and the prices of trades
        // with volume (others are not unique) agree
        MarketLikeQp market = new MarketLikeQp(3);
        QpModel megawatts = market.step(0);
        QpModel kilowatts = megawatts.withStepData(scaled(megawatts.lowerBounds(), 1e-3),
                scaled(megawatts.upperBounds(), 1e-3), megawatts.linearCosts(),
                scaled(megawatts.quadraticCosts(), 1e3), 0);
        QpSolution large = new OrToolsBackend().solve(megawatts, SolverOptions.defaults());
        QpSolution small = new OrToolsBackend().solve(kilowatts, SolverOptions.defaults());
        assertEquals(SolveStatus.OPTIMAL, large.status(), large.message());
        assertEquals(SolveStatus.OPTIMAL, small.status(), small.message());
        assertEquals(large.objective() * 1e-3, small.objective(), 1e-6 * Math.abs(small.objective()));
        int compared = 0;
        for (int row : market.reciprocityRows()) {
            boolean[] traded = {false};
            megawatts.forEachInRow(row, (column, coefficient) -> traded[0] |= Math.abs(large.primal()[column]) > 1e-3);
            if (traded[0]) {
                assertEquals(large.duals()[row], small.duals()[row], 1e-3, megawatts.constraintName(row));
                compared++;
            }
        }
        assertTrue(compared >= 5, compared + " prices compared");
    }

    @Test
    void balancesHoldToTheToleranceInMegawattsAlsoInLargeSystems() {
        // the market in units 100 times larger (bounds x 100, quadratic costs / 100: same prices):
        // power is 1024 MW, and a residual relative to it (eps x power = 1e-5 MW) would break the
        // market's absolute balance check; rows with right-hand side 0 must hold to 1e-7 MW
        QpModel model = new MarketLikeQp(5).step(1);
        QpModel large = model.withStepData(scaled(model.lowerBounds(), 100), scaled(model.upperBounds(), 100),
                model.linearCosts(), scaled(model.quadraticCosts(), 0.01), 0);
        assertEquals(1024.0, Scaling.of(large).power());
        QpSolution solution = new OrToolsBackend().solve(large, SolverOptions.defaults());
        assertEquals(SolveStatus.OPTIMAL, solution.status(), solution.message());
        double worstRow = 0;
        for (int i = 0; i < large.constraintCount(); i++) {
            worstRow = Math.max(worstRow, Math.abs(large.rowActivity(i, solution.primal())));
        }
        assertTrue(worstRow <= SolverOptions.DEFAULT_TOLERANCE, "largest balance residual " + worstRow + " MW");
    }

    @Test
    void scalingOfTheStreetCommunity() {
        // largest bound: the workshop's 0.008 MW, power 2^-7 = 0.0078125 (the power of two below);
        // largest marginal cost on the bounds: household 2, 150 + 2 * 10 * 0.0016 = 150.032 $/MWh;
        // cost 2^-7 * 150.032 = 1.17 -> 1; a price unit is 1 / 2^-7 = 128 $/MWh
        Scaling scaling = Scaling.of(CommunityPoolQp.hour(0, 56, 36));
        assertEquals(new Scaling(0x1p-7, 1.0), scaling);
        assertEquals(128.0, scaling.price());
        assertEquals(1.0, Scaling.powerOfTwo(0.0));
        assertEquals(1.0, Scaling.powerOfTwo(Double.POSITIVE_INFINITY));
        assertEquals(64.0, Scaling.powerOfTwo(100.0));
    }

    @Test
    void primalCheckRejectsRowViolationsAndNaN() {
        // two-peer market: p1 - P12 = 0, p2 - P21 = 0, P12 + P21 = 0; power 8 (bounds up to 10)
        QpModel model = KnownQps.twoPeerMarket();
        double tolerance = 1e-7;
        assertTrue(PrimalCheck.feasible(model, new double[] {5, -5, 5, -5}, 8, tolerance));
        // P21 off by 1e-5: reciprocity violated by 1e-5 MW = 1.25e-6 scaled units > 1e-7
        assertFalse(PrimalCheck.feasible(model, new double[] {5, -5, 5, -5 + 1e-5}, 8, tolerance));
        assertEquals(1e-5 / 8, PrimalCheck.worstViolation(model, new double[] {5, -5 + 1e-5, 5, -5 + 1e-5}, 8), 1e-15);
        assertFalse(PrimalCheck.feasible(model, new double[] {5, -5, Double.NaN, -5}, 8, tolerance));
        // p1 above its bound 10 by 1
        assertEquals(1.0 / 8, PrimalCheck.worstViolation(model, new double[] {11, -11, 11, -11}, 8), 1e-15);
    }

    private static double[] scaled(double[] values, double factor) {
        double[] out = values.clone();
        for (int j = 0; j < out.length; j++) {
            out[j] *= factor;
        }
        return out;
    }
}
