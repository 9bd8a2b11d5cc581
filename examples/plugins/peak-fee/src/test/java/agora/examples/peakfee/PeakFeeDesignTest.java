package agora.examples.peakfee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agora.compiler.CompileResult;
import agora.compiler.Compiler;
import agora.market.DesignException;
import agora.market.MarketDesigns;
import agora.market.StepOutcome;
import agora.market.admm.AdmmSolver;
import agora.market.formulation.MarketProblem;
import agora.market.lowering.CentralizedSolver;
import agora.market.results.Accounting;
import agora.market.results.StepResult;
import agora.scenario.Scenario;
import agora.solver.SolverBackend;
import agora.solver.SolverBackends;
import agora.solver.SolverOptions;
import agora.topology.Topology;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The example plug-in against a hand-worked answer (peak-fee.agora, one hour): the heat pump
 * values energy at {@code 90 - 10 c} $/MWh for c MW, the lighting takes 3 MW whatever the price,
 * the roof PV gives 1 MW for free; the grid sells at 50 $/MWh, and import above 2 MW pays
 * 30 $/MWh more.
 * <ul>
 *   <li>Without the fee the community price is 50: the heat pump takes 4 MW, import 6 MW.</li>
 *   <li>With it, import is at least 3 - 1 = 2 MW before the heat pump takes anything, so the
 *       marginal import pays 80: {@code 90 - 10 c = 80}, c = 1 MW, import 3 MW, 1 MW above the
 *       limit. Welfare: heat pump 90 - 5 = 85 $, import 3 × 50 = 150 $, fee 1 × 30 = 30 $:
 *       85 - 150 - 30 = -95 $ (the lighting's cost is 0).</li>
 *   <li>Members pay the community price: 80 + 240 - 80 = 240 $; the manager buys 3 MW at 50 and
 *       sells them at 80 and pays the 30 $ fee, a rent of 60 $: the budget balances with it
 *       (240 - 60 = 150 + 30).</li>
 * </ul>
 */
class PeakFeeDesignTest {
    private static final double TOLERANCE = 1e-5;

    static Scenario scenario(String limit) throws Exception {
        Path file = Path.of("peak-fee.agora");
        String text = Files.readString(file).replace("param peak_limit = 2 MW", "param peak_limit = " + limit);
        CompileResult result = Compiler.compileText("peak-fee.agora", text, Map.of(), Path.of("."));
        assertTrue(result.succeeded(), result.renderDiagnostics());
        return result.scenario().orElseThrow();
    }

    static MarketProblem problem(Scenario scenario) throws DesignException {
        return MarketProblem.formulate(new PeakFeeDesign(), Topology.of(scenario));
    }

    @Test
    void theFeeRaisesTheCommunityPriceToGridPlusFeeOnEveryBackend() throws Exception {
        MarketProblem problem = problem(scenario("2 MW"));
        assertEquals(1, problem.terms().variables().size());
        assertEquals(1, problem.terms().constraints().size());
        List<SolverBackend> backends = SolverBackends.all();
        assertTrue(backends.size() >= 2, "every registered backend: " + SolverBackends.names());
        for (SolverBackend backend : backends) {
            StepOutcome o = new CentralizedSolver(problem, backend, SolverOptions.defaults()).solve(0);
            String where = backend.name();
            assertTrue(o.isOptimal(), where + ": " + o.message());
            int street = 1;
            assertEquals(80.0, o.marketPrice()[street], TOLERANCE, where);
            assertEquals(-3.0, o.collectiveNet()[street], TOLERANCE, where);
            assertEquals(1.0, o.designValues()[0], TOLERANCE, where);
            StepResult r = Accounting.of(problem).step(o);
            assertEquals(-95.0, r.welfare(), TOLERANCE, where);
            assertEquals(150.0, r.importCost(), TOLERANCE, where);
            assertEquals(30.0, r.fees(), TOLERANCE, where);
            assertEquals(0.0, r.imbalance(), TOLERANCE, where);
            assertEquals(240.0, r.peers().stream().filter(p -> !p.peer().equals("g"))
                    .mapToDouble(p -> p.payment()).sum(), TOLERANCE, where);
        }
    }

    @Test
    void aLimitAboveTheImportLeavesTheCommunityDesignsAnswer() throws Exception {
        // 90 - 10 c = 50: c = 4 MW, import 6 MW; welfare 90·4 - 5·16 - 6·50 = -20 $
        MarketProblem problem = problem(scenario("10 MW"));
        SolverBackend backend = SolverBackends.all().get(0);
        StepOutcome o = new CentralizedSolver(problem, backend, SolverOptions.defaults()).solve(0);
        assertEquals(50.0, o.marketPrice()[1], TOLERANCE);
        assertEquals(0.0, o.designValues()[0], TOLERANCE);
        assertEquals(-20.0, Accounting.of(problem).step(o).welfare(), TOLERANCE);
    }

    @Test
    void theDecomposedSolverRefusesTheAddedTerms() throws Exception {
        MarketProblem problem = problem(scenario("2 MW"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AdmmSolver(problem, SolverOptions.defaults()));
        assertTrue(e.getMessage().contains("solve it centralized"), e.getMessage());
    }

    @Test
    void aMissingOrMistypedParameterIsADesignError() throws Exception {
        Scenario scenario = scenario("2 $/MWh");
        DesignException e = assertThrows(DesignException.class, () -> problem(scenario));
        assertTrue(e.getMessage().contains("'peak_limit'") && e.getMessage().contains("2 MW"),
                e.getMessage());
    }

    @Test
    void itIsFoundLikeEveryBuiltInDesign() {
        assertEquals(PeakFeeDesign.class, MarketDesigns.byName("peakfee").getClass());
        assertFalse(MarketDesigns.names().isEmpty());
    }
}
