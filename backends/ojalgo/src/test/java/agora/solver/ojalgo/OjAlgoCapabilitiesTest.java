package agora.solver.ojalgo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agora.solver.Capabilities;
import agora.solver.KktCheck;
import agora.solver.Origin;
import agora.solver.QpModel;
import agora.solver.QpModelBuilder;
import agora.solver.QpSolution;
import agora.solver.SolveStatus;
import agora.solver.SolverBackend;
import agora.solver.SolverBackends;
import agora.solver.SolverOptions;
import agora.solver.testing.KnownQps;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OjAlgoCapabilitiesTest {

    /** n peers sharing 1 MW, each at cost x^2: the optimum splits it evenly, price 2/n. */
    private static QpModel sharing(int n) {
        QpModelBuilder b = new QpModelBuilder();
        int[] columns = IntStream.range(0, n)
                .map(k -> b.addVariable("x" + k, new Origin("peer", "p" + k, "injection"), 0, 1, 0, 1))
                .toArray();
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1.0);
        b.addEquality("share", new Origin("collective", "all", "balance"), columns, ones, 1);
        return b.build();
    }

    @Test
    void registeredUnderItsNameWithTheLimitItDeclares() {
        SolverBackend backend = SolverBackends.byName("ojalgo");
        assertEquals(OjAlgoBackend.class, backend.getClass());
        assertEquals(new Capabilities(true, true, false, OjAlgoBackend.MAX_VARIABLES), backend.capabilities());
    }

    @Test
    void fixedVariablesDoNotCountTowardsTheLimit() {
        // 151 peers of which one is fixed at 0: 150 left after presolve, so it is solved
        QpModel model = sharing(OjAlgoBackend.MAX_VARIABLES + 1);
        double[] upper = model.upperBounds();
        upper[0] = 0;
        QpModel oneFixed = model.withStepData(model.lowerBounds(), upper, model.linearCosts(), model.quadraticCosts(), 0);
        QpSolution solution = new OjAlgoBackend().solve(oneFixed, SolverOptions.defaults());
        assertEquals(SolveStatus.OPTIMAL, solution.status(), solution.message());
        assertEquals(2.0 / OjAlgoBackend.MAX_VARIABLES, solution.duals()[0], 1e-7);
    }

    @Test
    void aModelLargerThanItTakesIsRefusedWithTheReason() {
        QpSolution solution = new OjAlgoBackend().solve(sharing(OjAlgoBackend.MAX_VARIABLES + 1), SolverOptions.defaults());
        assertEquals(SolveStatus.ERROR, solution.status());
        assertEquals("backend 'ojalgo' refuses this model: the model has 151 variables, more than the 150 this "
                + "backend takes after presolve; beyond that ojAlgo's ADMM misses the KKT check on some steps and "
                + "its active-set method takes seconds to minutes. Maybe use --backend ipm or ortools.",
                solution.message());
        assertEquals(0, solution.primal().length);
    }

    @Test
    void aModelAtTheLimitIsSolved() {
        int n = OjAlgoBackend.MAX_VARIABLES; // price 2 x (1 / n)
        QpModel model = sharing(n);
        QpSolution solution = new OjAlgoBackend().solve(model, SolverOptions.defaults());
        assertEquals(SolveStatus.OPTIMAL, solution.status(), solution.message());
        assertEquals(2.0 / n, solution.duals()[0], 1e-7);
        assertTrue(KktCheck.check(model, solution).satisfied(1e-7));
    }

    @Test
    void theMessageNamesTheOjAlgoClassThatSolved() {
        QpSolution solution = new OjAlgoBackend().solve(KnownQps.twoPeerMarket(), SolverOptions.defaults());
        assertEquals(SolveStatus.OPTIMAL, solution.status(), solution.message());
        assertEquals("ojAlgo AlternatingDirectionSolver ended OPTIMAL", solution.message());
    }
}
