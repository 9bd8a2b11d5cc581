package agora.solver.ortools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agora.solver.QpSolution;
import agora.solver.SolveStatus;
import agora.solver.SolverBackends;
import agora.solver.SolverOptions;
import agora.solver.testing.KnownQps;
import org.junit.jupiter.api.Test;

class EngineChoiceTest {

    @Test
    void glopRefusesQuadraticModelsInsteadOfDroppingTheirQuadraticTerms() {
        OrToolsBackend glop = new OrToolsBackend(Engine.GLOP);
        assertFalse(glop.capabilities().quadraticObjective());
        QpSolution solution = glop.solve(KnownQps.twoPeerMarket(), SolverOptions.defaults());
        assertEquals(SolveStatus.ERROR, solution.status());
        assertTrue(solution.message().startsWith("GLOP ignores quadratic objective terms"), solution.message());
    }

    @Test
    void glopSolvesLinearModelsWithExactDuals() {
        // KnownQps.lpWithBindingBound: x = (2.5, 1, 2.5), objective -4.5, duals (-1, -1)
        QpSolution solution = new OrToolsBackend(Engine.GLOP).solve(KnownQps.lpWithBindingBound(),
                SolverOptions.defaults());
        assertEquals(SolveStatus.OPTIMAL, solution.status(), solution.message());
        assertTrue(solution.message().startsWith("GLOP"), solution.message());
        assertArrayEquals(KnownQps.LP_PRIMAL, solution.primal(), 1e-9);
        assertArrayEquals(KnownQps.LP_DUALS, solution.duals(), 1e-9);
    }

    @Test
    void pdlpAlsoSolvesLinearModelsWhenChosen() {
        QpSolution solution = new OrToolsBackend(Engine.PDLP).solve(KnownQps.lpWithBindingBound(),
                SolverOptions.defaults());
        assertEquals(SolveStatus.OPTIMAL, solution.status(), solution.message());
        assertTrue(solution.message().startsWith("PDLP"), solution.message());
        assertArrayEquals(KnownQps.LP_DUALS, solution.duals(), 1e-5);
    }

    @Test
    void autoUsesPdlpForQuadraticModels() {
        QpSolution solution = new OrToolsBackend().solve(KnownQps.twoPeerMarket(), SolverOptions.defaults());
        assertTrue(solution.message().startsWith("PDLP"), solution.message());
    }

    @Test
    void registeredUnderItsName() {
        assertEquals("ortools", SolverBackends.byName("ortools").name());
        assertTrue(SolverBackends.byName("ortools").capabilities().duals());
    }
}
