package agora.examples.ieee14;

import agora.compiler.CompileResult;
import agora.compiler.Compiler;
import agora.market.DesignException;
import agora.market.MarketDesigns;
import agora.market.MarketSolver;
import agora.market.MarketTree;
import agora.market.admm.AdmmSolver;
import agora.market.lowering.CentralizedSolver;
import agora.market.results.Accounting;
import agora.market.results.DesignTotals;
import agora.market.results.StepResult;
import agora.market.run.MarketRun;
import agora.market.run.ProgressListener;
import agora.market.run.RunResult;
import agora.market.run.StepRange;
import agora.scenario.Scenario;
import agora.solver.SolverBackend;
import agora.solver.SolverBackends;
import agora.solver.SolverOptions;
import agora.topology.Topology;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The IEEE 14-bus reference case (examples/ieee14) on the measured data set, for the tests and the
 * year runner of this package: finds the repository and the data folder, compiles the scenarios
 * and solves chosen days of them in one design.
 *
 * <p>The measured data are never copied into the repository: they are read from
 * {@code <repo>/../shared/data/ieee14-p2p} when that folder exists.
 */
final class Ieee14Case {
    /** The main scenario: the hybrid design with fees between the communities. */
    static final String WITH_FEES = "ieee14.agora";
    /** The same case without fees between the communities (γ only). */
    static final String NO_FEES = "ieee14-no-fees.agora";
    /** Steps of a day at the case's 30 min step. */
    static final int STEPS_PER_DAY = 48;
    /** The solver name that selects the decomposed solver instead of a backend. */
    static final String ADMM = "admm";

    private Ieee14Case() {
    }

    /** The repository root: the nearest folder at or above the working directory with examples/ieee14. */
    static Path repository() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("examples/ieee14/ieee14.agora"))) {
                return d;
            }
        }
        throw new IllegalStateException("no examples/ieee14/ieee14.agora at or above " + dir);
    }

    /** The measured data folder next to the repository, if it is there. */
    static Optional<Path> dataDir() {
        Path data = repository().resolve("../shared/data/ieee14-p2p").normalize();
        return Files.isRegularFile(data.resolve("info.csv")) ? Optional.of(data) : Optional.empty();
    }

    /** Compiles one of the case's scenario files on the measured data. */
    static Scenario compile(String file, Path dataDir) {
        Path path = repository().resolve("examples/ieee14").resolve(file);
        CompileResult result = Compiler.compile(path, Map.of("data_dir", dataDir.toString()));
        if (!result.succeeded()) {
            throw new IllegalStateException("cannot compile " + path + ":\n" + result.renderDiagnostics());
        }
        return result.scenario().orElseThrow();
    }

    /** Compiles one of the case's scenario files on its generated profiles (no data folder). */
    static Scenario compileGenerated(String file) {
        Path path = repository().resolve("examples/ieee14").resolve(file);
        CompileResult result = Compiler.compile(path, Map.of());
        if (!result.succeeded()) {
            throw new IllegalStateException("cannot compile " + path + ":\n" + result.renderDiagnostics());
        }
        return result.scenario().orElseThrow();
    }

    static MarketTree lower(Scenario scenario, String design) {
        try {
            return MarketDesigns.byName(design).lower(Topology.of(scenario));
        } catch (DesignException e) {
            throw new IllegalStateException("design " + design + " does not apply: " + e.getMessage(), e);
        }
    }

    /** Skips the calling test when no solver of that name is registered (a backend not built). */
    static void assumeSolver(String name) {
        assumeTrue(ADMM.equals(name) || SolverBackends.find(name).isPresent(), "no solver backend '"
                + name + "' is registered (registered: " + SolverBackends.names() + "); skipping");
    }

    /**
     * {@code admm} for the decomposed solver, else a centralized solver on the backend of that name
     * with minimum-norm trades (so the reported trades are unique).
     */
    static MarketSolver solver(MarketTree tree, String name, SolverOptions options) {
        if (ADMM.equals(name)) {
            return new AdmmSolver(tree, options);
        }
        SolverBackend backend = SolverBackends.byName(name);
        return new CentralizedSolver(tree, backend, options);
    }

    /** The step of a time of the horizon. */
    static int stepOf(Scenario scenario, LocalDateTime time) {
        int step = scenario.time().indexOf(time);
        if (step < 0) {
            throw new IllegalArgumentException(time + " is not a step of " + scenario.name());
        }
        return step;
    }

    /** The whole days starting at the given midnights, as step ranges. */
    static List<StepRange> days(Scenario scenario, List<LocalDateTime> midnights) {
        List<StepRange> out = new ArrayList<>();
        for (LocalDateTime day : midnights) {
            int from = stepOf(scenario, day);
            out.add(new StepRange(from, from + STEPS_PER_DAY));
        }
        return out;
    }

    /** Solves the ranges one after the other on {@code threads} threads; accounts in step order. */
    static List<StepResult> solve(MarketTree tree, MarketSolver solver, List<StepRange> ranges,
                                  int threads) {
        List<StepResult> out = new ArrayList<>();
        MarketRun run = new MarketRun(solver, threads, ProgressListener.NONE);
        for (StepRange range : ranges) {
            RunResult result = run.run(range);
            result.accounts().forEach(out::add);
        }
        return out;
    }

    /** A line of the paper's Tables 4 and 5 for totals: M$ and GWh. */
    static String tableRow(String label, DesignTotals t) {
        return String.format(Locale.ROOT,
                "%-16s SW %10.6f M$  import cost %9.6f M$  export revenue %9.6f M$  "
                        + "load %9.4f GWh  import %8.4f GWh  export %9.4f GWh  exchange %8.4f GWh"
                        + "  fees %.6f M$  failed %d",
                label, t.welfare() / 1e6, t.importCost() / 1e6, t.exportRevenue() / 1e6,
                t.load() / 1e3, t.gridImport() / 1e3, t.gridExport() / 1e3, t.exchange() / 1e3,
                t.fees() / 1e6, t.failedSteps());
    }
}
