package agora.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agora.compiler.CompileResult;
import agora.compiler.Compiler;
import agora.market.DesignException;
import agora.market.MarketDesigns;
import agora.market.MarketTree;
import agora.market.StepOutcome;
import agora.market.formulation.MarketProblem;
import agora.market.lowering.CentralizedSolver;
import agora.market.lowering.WindowSolver;
import agora.market.results.StepCheck;
import agora.scenario.Scenario;
import agora.solver.SolverBackend;
import agora.solver.SolverBackends;
import agora.solver.SolverOptions;
import agora.topology.Topology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The example scenarios of the repository, compiled by the real front end, lowered with every
 * built-in design they fit, and solved on every built-in backend for their first steps ({@code
 * ojalgo} where its capabilities take the model): all optimal, the same welfare, and the
 * invariants hold.
 */
class ExampleScenariosTest {
    private static final Path EXAMPLES = Path.of("..", "examples");
    private static final int STEPS = 3;

    static Stream<Path> examples() throws IOException {
        if (!Files.isDirectory(EXAMPLES)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.walk(EXAMPLES, 2)) {
            return files.filter(p -> p.toString().endsWith(".agora"))
                    .filter(p -> !p.getFileName().toString().equals("ieee14-case.agora")) // imported part
                    .filter(p -> !p.toString().contains("invalid"))
                    .sorted().toList().stream();
        }
    }

    static Scenario compile(Path file) {
        CompileResult result = Compiler.compile(file, Map.of());
        assertTrue(result.succeeded(), result.renderDiagnostics());
        return result.scenario().orElseThrow();
    }

    /**
     * The first {@code steps} steps: one by one, or, with storage, as one window from the
     * storage's initial state, ending it there (its final rule applies).
     */
    private static List<StepOutcome> solve(CentralizedSolver solver, int steps) {
        MarketProblem problem = solver.problem();
        if (!problem.couplesSteps()) {
            return IntStream.range(0, steps).mapToObj(solver::solve).toList();
        }
        double[] initial = problem.storages().stream().mapToDouble(u -> u.storage().initial()).toArray();
        return new WindowSolver(solver).solve(0, steps, initial, true);
    }

    @ParameterizedTest
    @MethodSource("examples")
    void solvesAlikeOnEveryBackendInEveryDesignThatFits(Path file) throws DesignException {
        Scenario scenario = compile(file);
        Topology topology = Topology.of(scenario);
        for (String design : List.of("full", "community", "hybrid", "nested")) {
            boolean needsGrid = !design.equals("full");
            if (needsGrid && (scenario.gridPeers().size() != 1
                    || topology.parentCollective(scenario.gridPeers().get(0).name()).isPresent())) {
                continue;
            }
            MarketTree tree = MarketDesigns.byName(design).lower(topology);
            CentralizedSolver ipm = new CentralizedSolver(tree, SolverBackends.byName("ipm"),
                    SolverOptions.defaults());
            CentralizedSolver ortools = new CentralizedSolver(tree, SolverBackends.byName("ortools"),
                    SolverOptions.defaults());
            SolverBackend ojAlgoBackend = SolverBackends.byName("ojalgo");
            // a window of storage holds several steps' models: more than ojAlgo takes
            boolean ojAlgoTakesIt = !scenario.hasStorage()
                    && ojAlgoBackend.capabilities().refusal(ipm.lowered().structureModel()).isEmpty();
            CentralizedSolver ojalgo = new CentralizedSolver(tree, ojAlgoBackend, SolverOptions.defaults());
            int steps = Math.min(STEPS, scenario.time().count());
            List<StepOutcome> ipmSteps = solve(ipm, steps);
            List<StepOutcome> ortoolsSteps = solve(ortools, steps);
            for (int step = 0; step < steps; step++) {
                String where = file + " " + design + " step " + step;
                StepOutcome a = ipmSteps.get(step);
                StepOutcome b = ortoolsSteps.get(step);
                assertTrue(a.isOptimal(), where + " ipm: " + a.message());
                assertTrue(b.isOptimal(), where + " ortools: " + b.message());
                assertEquals(a.objective(), b.objective(), 1e-6 * (1 + Math.abs(a.objective())), where);
                assertFalse(Double.isNaN(a.objective()));
                List<StepOutcome> outcomes = new java.util.ArrayList<>(List.of(a, b));
                if (ojAlgoTakesIt) {
                    StepOutcome c = ojalgo.solve(step);
                    assertTrue(c.isOptimal(), where + " ojalgo: " + c.message());
                    assertEquals(a.objective(), c.objective(), 1e-6 * (1 + Math.abs(a.objective())), where + " ojalgo");
                    outcomes.add(c);
                }
                for (StepOutcome o : outcomes) {
                    List<String> violations = MarketInvariants.balanceViolations(tree, o, 1e-3);
                    assertTrue(violations.isEmpty(), where + "\n" + String.join("\n", violations));
                    Optional<String> failed = StepCheck.of(MarketProblem.of(tree), SolverOptions.DEFAULT_TOLERANCE)
                            .failure(o);
                    assertTrue(failed.isEmpty(), () -> where + ": " + failed.orElseThrow());
                }
            }
        }
    }
}
