package agora.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agora.market.MarketTree;
import agora.market.StepOutcome;
import agora.market.admm.AdmmSolver;
import agora.market.designs.ScenarioFixture;
import agora.market.formulation.MarketProblem;
import agora.market.lowering.CentralizedSolver;
import agora.market.run.MarketRun;
import agora.market.run.ProgressListener;
import agora.market.run.RunResult;
import agora.market.run.StepRange;
import agora.scenario.Clearing;
import agora.scenario.Storage;
import agora.solver.SolverBackends;
import agora.solver.SolverOptions;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Storage on every backend: steps coupled by a battery solved together in windows. Known answers
 * by hand, energy conservation of every step, windows that agree with the whole horizon.
 */
class StorageTest {
    /** What the backends reach on these small QPs (ojAlgo's ADMM is the loosest). */
    private static final double TOLERANCE = 1e-6;
    private static final double MW = 1e-4;
    private static final double CONSERVED = 1e-9;

    /** 0.9 each way: round trip 0.81. 1 MW each way, 2 MWh, from empty back to at least empty. */
    private static Storage battery(double cyclePrice, double selfDischarge) {
        return new Storage(2.0, 1.0, 1.0, 0.9, 0.9, 0.0, 0.0, selfDischarge, cyclePrice);
    }

    private static RunResult run(String backend, ScenarioFixture fixture, String design, double window,
                                 double commit) {
        MarketTree tree = KnownAnswers.lower(fixture, design);
        SolverOptions options = new SolverOptions(TOLERANCE, SolverOptions.DEFAULT_TIME_LIMIT, 1,
                SolverOptions.DEFAULT_ADMM_RHO, SolverOptions.DEFAULT_ADMM_MAX_ITERATIONS, window, commit);
        CentralizedSolver solver = new CentralizedSolver(MarketProblem.of(tree), SolverBackends.byName(backend), options);
        RunResult result = new MarketRun(solver, 1, ProgressListener.NONE)
                .run(new StepRange(0, tree.scenario().time().count()));
        for (StepOutcome o : result.outcomes()) {
            assertTrue(o.isOptimal(), "step " + o.step() + ": " + o.message());
        }
        return result;
    }

    private static ScenarioFixture twoPrices(double cheap, double dear) {
        return ScenarioFixture.named("arbitrage").steps(2, java.time.Duration.ofHours(1))
                .grid("g", new double[] {cheap, dear}, new double[] {cheap, dear})
                .storage("bat", battery(0.0, 0.0));
    }

    /**
     * Prices 10 then 50 $/MWh. Charging 1 MW (its power limit) stores 0.9 MWh; all of it comes
     * back as 0.9 × 0.9 = 0.81 MWh, and the state of charge ends at 0. Welfare 0.81 × 50 - 10 =
     * 30.5 $; each step's price is the grid's.
     */
    @ParameterizedTest
    @ValueSource(strings = {"ipm", "ojalgo", "ortools"})
    void chargesInTheCheapStepAndDischargesInTheDearOne(String backend) {
        RunResult run = run(backend, twoPrices(10, 50), "full", 0, 0);
        StepOutcome cheap = run.outcomes().get(0);
        StepOutcome dear = run.outcomes().get(1);
        assertEquals(1.0, cheap.storageCharge(0), MW);
        assertEquals(0.0, cheap.storageDischarge(0), MW);
        assertEquals(0.9, cheap.storageState(0), MW);
        assertEquals(0.81, dear.storageDischarge(0), MW);
        assertEquals(0.0, dear.storageState(0), MW);
        assertEquals(-1.0, cheap.injection()[1], MW);
        assertEquals(0.81, dear.injection()[1], MW);
        assertEquals(10.0, cheap.linkPrice()[0], 1e-3);
        assertEquals(50.0, dear.linkPrice()[0], 1e-3);
        assertEquals(30.5, run.totals().welfare(), 1e-3);
    }

    /** Prices 10 then 12: 0.81 × 12 = 9.72 < 10, the spread does not pay the losses. */
    @ParameterizedTest
    @ValueSource(strings = {"ipm", "ojalgo", "ortools"})
    void staysIdleWhenTheSpreadDoesNotPayItsLosses(String backend) {
        RunResult run = run(backend, twoPrices(10, 12), "full", 0, 0);
        for (StepOutcome o : run.outcomes()) {
            assertEquals(0.0, o.storageCharge(0), MW);
            assertEquals(0.0, o.storageDischarge(0), MW);
            assertEquals(0.0, o.storageState(0), MW);
        }
        assertEquals(0.0, run.totals().welfare(), 1e-3);
    }

    /**
     * Hours of prices rising and falling every {@code steps / 2}, a consumer and a battery in a
     * community: a day on ipm and ortools, 8 hours on ojalgo, which takes models of at most 150
     * variables.
     */
    private static ScenarioFixture day(String backend) {
        int steps = hours(backend);
        double[] price = new double[steps];
        for (int t = 0; t < steps; t++) {
            price[t] = 50 + 30 * Math.sin(4 * Math.PI * t / steps);
        }
        return ScenarioFixture.named("day").steps(steps, java.time.Duration.ofHours(1))
                .grid("g", price, price.clone())
                .consumer("home", -2, -0.5, 1.0, 90)
                .storage("bat", battery(2.0, 0.01))
                .collective("street", Clearing.POOL)
                .member("street", "home", "bat");
    }

    /**
     * Every step of every design: the state of charge follows the charge, discharge,
     * efficiencies and self-discharge from the initial state, to 1e-9 MWh, across window
     * boundaries; the battery's injection is its discharge minus its charge; the final rule
     * holds.
     */
    @ParameterizedTest
    @ValueSource(strings = {"ipm", "ojalgo", "ortools"})
    void conservesEnergyInEveryStepOfEveryDesign(String backend) {
        int h = hours(backend);
        for (String design : List.of("full", "community", "hybrid")) {
            for (double[] window : new double[][] {{0, 0}, {h / 3.0, h / 6.0}, {h / 4.0, h / 4.0}}) {
                RunResult run = run(backend, day(backend), design, window[0], window[1]);
                Storage st = battery(2.0, 0.01);
                int bat = 2;
                double state = st.initial();
                double cycled = 0;
                for (StepOutcome o : run.outcomes()) {
                    state = 0.99 * state + 0.9 * o.storageCharge(0) - o.storageDischarge(0) / 0.9;
                    assertEquals(state, o.storageState(0), CONSERVED, design + " step " + o.step());
                    assertEquals(o.storageDischarge(0) - o.storageCharge(0), o.injection()[bat], 1e-5);
                    assertTrue(o.storageState(0) > -MW && o.storageState(0) < st.capacity() + MW);
                    cycled += o.storageDischarge(0);
                }
                assertTrue(state >= -MW, design + ": ends at " + state);
                assertTrue(cycled > 1.0, design + ": the battery cycles " + cycled + " MWh");
            }
        }
    }

    /**
     * A battery two levels down (a pool inside a bilateral collective, the nested design) and one
     * trading bilaterally at the root: both cycle, energy is conserved, and the run's welfare is
     * at least that of the same market with both idle (they could always stay idle).
     */
    @ParameterizedTest
    @ValueSource(strings = {"ipm", "ortools"})
    void storageAtEveryLevelOfANestedMarket(String backend) {
        int steps = 24;
        double[] price = new double[steps];
        for (int t = 0; t < steps; t++) {
            price[t] = 50 + 30 * Math.sin(4 * Math.PI * t / steps);
        }
        ScenarioFixture nested = ScenarioFixture.named("nested").steps(steps, java.time.Duration.ofHours(1))
                .grid("g", price, price.clone())
                .consumer("home", -2, -0.5, 1.0, 90)
                .consumer("shop", -1, -0.2, 1.0, 80)
                .storage("bat", battery(2.0, 0.01))
                .storage("big", new Storage(4.0, 2.0, 2.0, 0.95, 0.95, 2.0, Double.NaN, 0.0, 1.0))
                .collective("town", Clearing.BILATERAL)
                .collective("street", Clearing.POOL, "town")
                .member("street", "home", "bat")
                .member("town", "shop");
        RunResult run = run(backend, nested, "nested", 12, 6);
        double[] state = {0.0, 2.0};
        double[][] eta = {{0.9, 0.9, 0.99}, {0.95, 0.95, 1.0}};
        double[] cycled = new double[2];
        for (StepOutcome o : run.outcomes()) {
            for (int u = 0; u < 2; u++) {
                state[u] = eta[u][2] * state[u] + eta[u][0] * o.storageCharge(u) - o.storageDischarge(u) / eta[u][1];
                assertEquals(state[u], o.storageState(u), CONSERVED, "unit " + u + " step " + o.step());
                cycled[u] += o.storageDischarge(u);
            }
        }
        assertEquals(2.0, state[1], 1e-5, "the big battery ends where it started");
        assertTrue(cycled[0] > 1 && cycled[1] > 1, java.util.Arrays.toString(cycled));
    }

    /** A rolling solve whose window is the horizon is the whole-horizon solve. */
    @ParameterizedTest
    @ValueSource(strings = {"ipm", "ojalgo", "ortools"})
    void aWindowAsLongAsTheHorizonIsTheWholeHorizon(String backend) {
        int h = hours(backend);
        RunResult whole = run(backend, day(backend), "community", 0, 0);
        RunResult rolling = run(backend, day(backend), "community", h, h);
        assertEquals(whole.totals().welfare(), rolling.totals().welfare(), 1e-6);
        for (int t = 0; t < h; t++) {
            assertEquals(whole.outcomes().get(t).storageState(0), rolling.outcomes().get(t).storageState(0), 1e-9);
        }
        RunResult halves = run(backend, day(backend), "community", h / 2.0, h / 4.0);
        double slack = 1e-6 * Math.abs(whole.totals().welfare());
        assertTrue(halves.totals().welfare() <= whole.totals().welfare() + slack,
                "a shorter look-ahead cannot do better: " + halves.totals().welfare() + " vs " + whole.totals().welfare());
    }

    private static int hours(String backend) {
        return backend.equals("ojalgo") ? 8 : 24;
    }

    @ParameterizedTest
    @ValueSource(strings = {"full"})
    void theDecomposedSolverRefusesStorage(String design) {
        MarketTree tree = KnownAnswers.lower(twoPrices(10, 50), design);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AdmmSolver(MarketProblem.of(tree), SolverOptions.defaults()));
        assertTrue(e.getMessage().contains("storage peer 'bat'"), e.getMessage());
    }
}
