package agora.solver.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import agora.solver.KktCheck;
import agora.solver.KktResiduals;
import agora.solver.ModelValidator;
import agora.solver.QpModel;
import agora.solver.QpSolution;
import agora.solver.SolveStatus;
import agora.solver.SolverBackend;
import agora.solver.SolverOptions;
import org.junit.jupiter.api.Test;

/**
 * The known-answer tests every {@link SolverBackend} passes, on the models it takes (its
 * {@link agora.solver.Capabilities}). A backend module, built in or plugged in, extends this class
 * from the SPI's test-jar ({@code agora-solver-spi}, type {@code test-jar}) and supplies the
 * backend and the accuracy it reaches (an exact active-set or simplex method reaches 1e-9, a
 * first-order method such as PDLP about 1e-6).
 */
public abstract class AbstractSolverBackendTest {

    protected abstract SolverBackend backend();

    /** Absolute tolerance on primal values and duals of the hand-solved models. */
    protected abstract double accuracy();

    /** Tolerance for {@link KktResiduals#satisfied}. */
    protected abstract double kktTolerance();

    /**
     * Solves a valid model; a model the backend declares it cannot take ({@link
     * agora.solver.Capabilities#refusal}) skips the test, as the backend would refuse it.
     */
    protected QpSolution solve(QpModel model) {
        assertEquals(java.util.List.of(), ModelValidator.validate(model));
        java.util.Optional<String> refusal = backend().capabilities().refusal(model);
        assumeTrue(refusal.isEmpty(), () -> backend().name() + " does not take this model: " + refusal.orElse(""));
        return backend().solve(model, SolverOptions.defaults());
    }

    protected void assertKkt(QpModel model, QpSolution solution) {
        KktResiduals residuals = KktCheck.check(model, solution);
        assertTrue(residuals.satisfied(kktTolerance()), () -> backend().name() + ": " + residuals);
    }

    @Test
    void twoPeerMarketHasTheClosedFormPriceAndQuantities() {
        QpModel model = KnownQps.twoPeerMarket();
        QpSolution solution = solve(model);
        assertEquals(SolveStatus.OPTIMAL, solution.status(), solution.message());
        assertArrayEquals(KnownQps.TWO_PEER_PRIMAL, solution.primal(), accuracy());
        assertEquals(KnownQps.TWO_PEER_OBJECTIVE, solution.objective(), accuracy());
        assertEquals(KnownQps.TWO_PEER_PRICE, solution.duals()[2], accuracy(), "reciprocity dual");
        assertArrayEquals(KnownQps.TWO_PEER_DUALS, solution.duals(), accuracy());
        assertKkt(model, solution);
    }

    @Test
    void lpWithBindingBoundRangedRowAndFreeVariable() {
        QpModel model = KnownQps.lpWithBindingBound();
        QpSolution solution = solve(model);
        assertEquals(SolveStatus.OPTIMAL, solution.status(), solution.message());
        assertArrayEquals(KnownQps.LP_PRIMAL, solution.primal(), accuracy());
        assertEquals(KnownQps.LP_OBJECTIVE, solution.objective(), accuracy());
        assertArrayEquals(KnownQps.LP_DUALS, solution.duals(), accuracy());
        assertKkt(model, solution);
    }

    @Test
    void infeasibleModelIsReportedWithTheConflictingRow() {
        QpSolution solution = solve(KnownQps.infeasible());
        assertEquals(SolveStatus.INFEASIBLE, solution.status(), solution.message());
        assertTrue(solution.conflicts().contains(KnownQps.INFEASIBLE_ROW), solution.conflicts()::toString);
    }

    @Test
    void jointlyInfeasibleModelIsInfeasible() {
        QpSolution solution = solve(KnownQps.jointlyInfeasible());
        assertEquals(SolveStatus.INFEASIBLE, solution.status(), solution.message());
    }

    @Test
    void unboundedModelIsNotReportedOptimal() {
        QpSolution solution = solve(KnownQps.unbounded());
        assertNotEquals(SolveStatus.OPTIMAL, solution.status(), solution.message());
    }

    @Test
    void randomConvexQpsPassTheKktCheck() {
        for (long seed = 1; seed <= 20; seed++) {
            QpModel model = RandomConvexQp.generate(seed, 30, 20);
            QpSolution solution = solve(model);
            assertEquals(SolveStatus.OPTIMAL, solution.status(), "seed " + seed + ": " + solution.message());
            assertKkt(model, solution);
        }
    }

    @Test
    void marketLikeQpPassesTheKktCheckOverSeveralSteps() {
        MarketLikeQp market = new MarketLikeQp(42);
        for (int t = 0; t < 5; t++) {
            QpModel model = market.step(t);
            QpSolution solution = solve(model);
            assertEquals(SolveStatus.OPTIMAL, solution.status(), "step " + t + ": " + solution.message());
            assertKkt(model, solution);
        }
    }
}
