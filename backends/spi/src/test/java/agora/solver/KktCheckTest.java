package agora.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agora.solver.testing.KnownQps;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Proves the sign conventions of {@link KktCheck} on the hand-solved models of {@link KnownQps}:
 * their closed-form solutions pass with zero residuals, and every way of getting a sign or a
 * value wrong fails the residual it should.
 */
class KktCheckTest {
    private static final double EXACT = 1e-12;

    private static QpSolution solution(double objective, double[] primal, double[] duals) {
        return new QpSolution(SolveStatus.OPTIMAL, objective, primal, duals, "", List.of(), 0, 0);
    }

    private static double[] negated(double[] values) {
        double[] result = values.clone();
        for (int k = 0; k < result.length; k++) {
            result[k] = -result[k];
        }
        return result;
    }

    @Test
    void closedFormTwoPeerMarketSatisfiesKkt() {
        KktResiduals r = KktCheck.check(KnownQps.twoPeerMarket(), solution(KnownQps.TWO_PEER_OBJECTIVE,
                KnownQps.TWO_PEER_PRIMAL, KnownQps.TWO_PEER_DUALS));
        assertTrue(r.satisfied(EXACT), r::toString);
        assertEquals(0.0, r.max());
    }

    @Test
    void negatedDualsOfTheMarketFailStationarityAndTheGap() {
        // With y = -15 the producer's reduced gradient is 15 - (-15) = 30. p1 has two finite
        // bounds, so z = 30 absorbs it (stationarity 0), but z > 0 claims p1 = 0 while p1 = 5:
        // complementarity min(30 / (1 + 15), 5 / (1 + 0)) = 1.875. P12 >= 0 has only a lower
        // bound: r = 0 - (15 - 15) = 0, no residual; the consumer p2 mirrors the producer.
        KktResiduals r = KktCheck.check(KnownQps.twoPeerMarket(), solution(KnownQps.TWO_PEER_OBJECTIVE,
                KnownQps.TWO_PEER_PRIMAL, negated(KnownQps.TWO_PEER_DUALS)));
        assertEquals(0.0, r.stationarity(), 1e-12);
        assertEquals(30.0 / 16.0, r.complementarity(), 1e-12);
        assertTrue(r.dualityGap() > 0.1, r::toString);
        assertFalse(r.satisfied(1e-3));
    }

    @Test
    void closedFormLpSatisfiesKktIncludingTheBoundMultiplier() {
        KktResiduals r = KktCheck.check(KnownQps.lpWithBindingBound(),
                solution(KnownQps.LP_OBJECTIVE, KnownQps.LP_PRIMAL, KnownQps.LP_DUALS));
        assertTrue(r.satisfied(EXACT), r::toString);
    }

    @Test
    void rowDualOfTheWrongSignForItsActiveBoundIsCaught() {
        // The range row is active at its upper bound 3.5: its dual must be <= 0. With +1 instead
        // of -1, x1's reduced gradient is 0 - 1 + (-1) = -2, so z1 = -2 claims x1 sits at its
        // upper bound 3, but x1 = 2.5: complementarity min(2 / 3, 0.5 / (1 + 3)) = 0.125 (dual
        // scale 1 + max(|grad| 2, |y| 1) = 3). x2: r = -2 - 1 = -3 at its upper bound, fine. The
        // row itself is worse: y > 0 claims activity at the lower bound 0, but it is 3.5:
        // min(1 / 3, 3.5 / 1) = 1 / 3.
        KktResiduals r = KktCheck.check(KnownQps.lpWithBindingBound(),
                solution(KnownQps.LP_OBJECTIVE, KnownQps.LP_PRIMAL, new double[] {1, -1}));
        assertEquals(1.0 / 3.0, r.complementarity(), 1e-12);
        assertFalse(r.satisfied(1e-3));
    }

    @Test
    void dualOfAOneSidedRowWithTheWrongSignIsADualSignResidual() {
        // min x, x in [0, 5], row x >= 1 (lower only). The true dual is +1 (raising the floor
        // raises the optimum). A dual of -1 on a row with no upper bound is a sign violation.
        QpModelBuilder b = new QpModelBuilder();
        int x = b.addVariable("x", new Origin("peer", "x", "injection"), 0, 5, 1, 0);
        b.addConstraint("floor", new Origin("peer", "x", "floor"), new int[] {x}, new double[] {1}, 1,
                Double.POSITIVE_INFINITY);
        QpModel model = b.build();
        assertTrue(KktCheck.check(model, solution(1, new double[] {1}, new double[] {1})).satisfied(EXACT));
        KktResiduals wrong = KktCheck.check(model, solution(1, new double[] {1}, new double[] {-1}));
        assertEquals(0.5, wrong.dualSign(), 1e-12); // |-1| / (1 + max(|grad| 1, |y| 1))
    }

    @Test
    void multiplierOnAnInactiveBoundBreaksComplementarity() {
        // Same model, but x = 3 (feasible, row slack 2): the dual 1 claims the floor binds.
        QpModelBuilder b = new QpModelBuilder();
        int x = b.addVariable("x", new Origin("peer", "x", "injection"), 0, 5, 1, 0);
        b.addConstraint("floor", new Origin("peer", "x", "floor"), new int[] {x}, new double[] {1}, 1,
                Double.POSITIVE_INFINITY);
        KktResiduals r = KktCheck.check(b.build(), solution(3, new double[] {3}, new double[] {1}));
        // min(|y| / 2, slack 2 / (1 + 1)) = 0.5
        assertEquals(0.5, r.complementarity(), 1e-12);
        assertTrue(r.worst().startsWith("row complementarity at row 'floor' [peer x (floor)]"), r::worst);
        assertEquals(0.0, r.primal());
    }

    @Test
    void residualsReadAsWordsNotAsAJavaRecord() {
        // the same inactive floor with the dual 1: complementarity 0.5, everything else small
        QpModelBuilder b = new QpModelBuilder();
        int x = b.addVariable("x", new Origin("peer", "x", "injection"), 0, 5, 1, 0);
        b.addConstraint("floor", new Origin("peer", "x", "floor"), new int[] {x}, new double[] {1}, 1,
                Double.POSITIVE_INFINITY);
        KktResiduals r = KktCheck.check(b.build(), solution(3, new double[] {3}, new double[] {1}));

        String shown = r.toString();
        assertFalse(shown.contains("KktResiduals["), shown);
        assertTrue(shown.startsWith("KKT residuals (scaled): primal feasibility (a row or bound violated) 0.0,"
                + " stationarity"), shown);
        assertEquals("complementarity (a price on a row or bound that does not bind) 0.50, 5.0e+06 times the"
                + " tolerance 1.0e-07; duality gap (primal and dual objectives differ) 0.50, 5.0e+06 times the"
                + " tolerance 1.0e-07; the largest: row complementarity at row 'floor' [peer x (floor)]: 0.5",
                r.describe(1e-7));
    }

    @Test
    void primalViolationAndWrongObjectiveAreMeasured() {
        double[] primal = KnownQps.TWO_PEER_PRIMAL.clone();
        primal[0] = 5.5; // balance1 off by 0.5
        KktResiduals r = KktCheck.check(KnownQps.twoPeerMarket(),
                solution(KnownQps.TWO_PEER_OBJECTIVE + 3, primal, KnownQps.TWO_PEER_DUALS));
        assertEquals(0.5, r.primal(), 1e-12);
        assertTrue(r.objective() > 0.01, r::toString);
    }

    @Test
    void failedSolutionsCannotBeChecked() {
        assertThrows(IllegalArgumentException.class, () -> KktCheck.check(KnownQps.twoPeerMarket(),
                QpSolution.failed(SolveStatus.INFEASIBLE, "no", List.of(), 0)));
    }
}
