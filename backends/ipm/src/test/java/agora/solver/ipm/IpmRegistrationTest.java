package agora.solver.ipm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agora.solver.KktCheck;
import agora.solver.QpModel;
import agora.solver.QpSolution;
import agora.solver.SolverBackend;
import agora.solver.SolverBackends;
import agora.solver.SolverOptions;
import agora.solver.testing.MarketLikeQp;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IpmRegistrationTest {

    @Test
    void registeredUnderItsName() {
        SolverBackend backend = SolverBackends.byName("ipm");
        assertEquals("ipm", backend.name());
        assertTrue(backend.capabilities().quadraticObjective() && backend.capabilities().duals());
    }

    @Test
    void parallelSolvesOfOneStructureMatchSequentialOnes() {
        // steps share one structure and its cached KKT pattern; solving them on several threads
        // must give bit-identical answers to solving them one by one
        SolverBackend backend = new IpmBackend();
        MarketLikeQp market = new MarketLikeQp(3);
        List<QpModel> steps = IntStream.range(0, 16).mapToObj(market::step).toList();
        List<QpSolution> sequential = steps.stream().map(m -> backend.solve(m, SolverOptions.defaults())).toList();
        List<QpSolution> parallel = steps.parallelStream().map(m -> backend.solve(m, SolverOptions.defaults())).toList();
        for (int t = 0; t < steps.size(); t++) {
            assertEquals(sequential.get(t).objective(), parallel.get(t).objective(), "step " + t);
            assertTrue(KktCheck.check(steps.get(t), parallel.get(t)).satisfied(1e-6));
        }
    }
}
