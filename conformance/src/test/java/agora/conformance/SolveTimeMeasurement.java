package agora.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import agora.market.MarketTree;
import agora.market.StepOutcome;
import agora.market.designs.ScenarioFixture;
import agora.market.lowering.CentralizedSolver;
import agora.market.lowering.LoweredMarket;
import agora.scenario.Clearing;
import agora.scenario.PeerKind;
import agora.scenario.QuadraticCost;
import agora.solver.SolverBackends;
import agora.solver.SolverOptions;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Measures (and prints; asserts nothing about time) lowering and per-step solve times of a
 * 20-peer market with three communities, on each backend. Run on demand:
 * {@code -Dagora.measure=true -Dtest=SolveTimeMeasurement}.
 */
@EnabledIfSystemProperty(named = "agora.measure", matches = "true")
class SolveTimeMeasurement {
    private static final int STEPS = 24;

    static MarketTree twentyPeers(String design) {
        Random random = new Random(20);
        ScenarioFixture f = ScenarioFixture.named("twenty").steps(STEPS, Duration.ofHours(1));
        double[] exportPrice = new double[STEPS];
        double[] importPrice = new double[STEPS];
        for (int t = 0; t < STEPS; t++) {
            exportPrice[t] = 30 + 10 * Math.sin(t / 4.0);
            importPrice[t] = exportPrice[t] + 20;
        }
        f.grid("grid", importPrice, exportPrice);
        for (int c = 1; c <= 3; c++) {
            f.collective("c" + c, Clearing.POOL);
        }
        for (int k = 1; k <= 19; k++) {
            PeerKind kind = PeerKind.values()[k % 3];
            double a = 0.5 + random.nextDouble();
            double b = kind == PeerKind.CONSUMER ? 60 + 20 * random.nextDouble() : 10 + 40 * random.nextDouble();
            double lower = kind == PeerKind.PRODUCER ? 0 : -20;
            double upper = kind == PeerKind.CONSUMER ? 0 : 20;
            f.peer("n" + k, kind, lower, upper, new QuadraticCost(a, b, 0));
            if (k % 4 != 0) {
                f.member("c" + (1 + k % 3), "n" + k);
            }
        }
        f.tradeFee(0.001).fee("c1", "c2", 2).fee("c1", "c3", 1).fee("c2", "c3", 1.5);
        return KnownAnswers.lower(f, design);
    }

    @ParameterizedTest
    @CsvSource({"full,ipm", "full,ortools", "hybrid,ipm", "hybrid,ortools", "hybrid,ojalgo"})
    void measure(String design, String backend) {
        MarketTree tree = twentyPeers(design);
        int repeats = 50;
        for (int r = 0; r < repeats; r++) {
            LoweredMarket.of(tree); // warm up
        }
        long start = System.nanoTime();
        for (int r = 0; r < repeats; r++) {
            LoweredMarket.of(tree);
        }
        double lowering = (System.nanoTime() - start) / 1e6 / repeats;
        CentralizedSolver solver = new CentralizedSolver(tree, SolverBackends.byName(backend),
                SolverOptions.defaults());
        solver.solve(0); // warm up class loading and native libraries
        start = System.nanoTime();
        double secondsInSteps = 0;
        for (int t = 0; t < STEPS; t++) {
            StepOutcome outcome = solver.solve(t);
            assertTrue(outcome.isOptimal(), outcome.message());
            secondsInSteps += outcome.stats().seconds();
        }
        double perStep = (System.nanoTime() - start) / 1e6 / STEPS;
        CentralizedSolver welfareOnly = new CentralizedSolver(tree, SolverBackends.byName(backend),
                SolverOptions.defaults(), false);
        welfareOnly.solve(0);
        start = System.nanoTime();
        for (int t = 0; t < STEPS; t++) {
            welfareOnly.solve(t);
        }
        double perWelfareStep = (System.nanoTime() - start) / 1e6 / STEPS;
        System.out.printf("%-7s %-8s links %4d vars %5d rows %5d: lowering %.3f ms, step %.2f ms "
                        + "(stats %.2f ms; welfare solve alone %.2f ms), allocation %s%n", design,
                backend, tree.links().size(), solver.lowered().structureModel().variableCount(),
                solver.lowered().structureModel().constraintCount(), lowering, perStep,
                1000 * secondsInSteps / STEPS, perWelfareStep, solver.solve(0).stats().allocation());
    }
}
