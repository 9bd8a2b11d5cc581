package agora.cli;

import agora.compiler.CompileResult;
import agora.compiler.Compiler;
import agora.compiler.MarketNames;
import agora.market.DesignException;
import agora.market.MarketDesign;
import agora.market.MarketSolver;
import agora.market.formulation.MarketProblem;
import agora.market.results.SolveSummary;
import agora.market.results.StepResult;
import agora.market.run.DesignAccounts;
import agora.market.run.DesignReport;
import agora.market.run.MarketRun;
import agora.market.run.ProgressListener;
import agora.market.run.StepRange;
import agora.market.run.StepRows;
import agora.scenario.Scenario;
import agora.scenario.SolveMode;
import agora.solver.SolverBackend;
import agora.solver.SolverOptions;
import agora.topology.Topology;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Solves one {@link SweepTask} where it runs (an executor, or the driver's JVM in embedded mode):
 * compiles the variant from the shared path, checks it against the driver's fingerprint, and
 * accounts the block's steps as {@code agora run} does. Steps are solved one at a time: Spark runs
 * as many tasks at once as the executors have cores.
 */
final class VariantRunner {
    /** Variants kept compiled per executor JVM: tasks of one variant run close together. */
    private static final int CACHED_VARIANTS = 4;
    private static final Map<String, Compiled> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Compiled> eldest) {
            return size() > CACHED_VARIANTS;
        }
    };

    private VariantRunner() {
    }

    /** A variant compiled on this JVM, with its designs formulated as they are needed. */
    private record Compiled(Scenario scenario, Topology topology, Registries registries,
                            Map<String, MarketProblem> problems) {
    }

    /**
     * Solves the task's steps.
     *
     * @param attempt Spark's attempt number of the task (0 first)
     * @throws IllegalStateException when the scenario does not compile here or compiles to
     *                               something else than on the driver
     */
    static BlockResult run(SweepJob job, SweepTask task, int attempt, String executor) {
        if (task.id() == job.failFirstAttemptOfTask() && attempt == 0) {
            throw new IllegalStateException("test hook: task " + task.id() + " fails on its first attempt");
        }
        long start = System.nanoTime();
        Variant variant = job.variant(task.variant());
        Compiled compiled = compiled(job, variant, executor);
        Scenario s = compiled.scenario();
        MarketProblem problem = problem(compiled, task.design());
        SolveArgs flags = job.solve().args();
        SolveMode mode = flags.mode(s.market().solve());
        SolverOptions options = flags.options(s.market().options());
        SolverBackend backend = mode == SolveMode.CENTRALIZED || flags.backend != null
                ? backend(compiled.registries(), flags.backend != null ? flags.backend : s.market().backend())
                : null;
        MarketSolver solver = Choices.solver(problem, mode, backend, options);
        DesignAccounts accounts = new DesignAccounts(problem, null);
        SolveSummary.Collector solve = new SolveSummary.Collector(solver.name());
        ByteArrayOutputStream rowBytes = new ByteArrayOutputStream();
        try (StepRows rows = job.perStep() ? stepRows(rowBytes, variant, options.tolerance()) : null) {
            List<String> leading = SweepTable.leadingValues(variant);
            new MarketRun(solver, 1, ProgressListener.NONE).stream(new StepRange(task.from(), task.to()),
                    outcome -> {
                        StepResult r = accounts.add(outcome);
                        solve.add(outcome);
                        if (rows != null) {
                            rows.write(leading, task.design(), r);
                        }
                    });
        } catch (IOException e) {
            throw new IllegalStateException("rows written into memory need no I/O", e);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        DesignReport report = accounts.report(solve.summary(seconds));
        return new BlockResult(task, report.totals(), solve, report.failed(), seconds, executor, attempt,
                job.perStep() ? rowBytes.toByteArray() : null);
    }

    /** The block's rows of the per-step table, compressed (a step's row is about 200 bytes). */
    private static StepRows stepRows(ByteArrayOutputStream into, Variant v, double tolerance)
            throws IOException {
        return new StepRows(new GZIPOutputStream(into), SweepTable.stepsTable(
                List.copyOf(v.values().keySet()), v.seedRun() > 0), tolerance, false);
    }

    private static Compiled compiled(SweepJob job, Variant variant, String executor) {
        String key = job.file() + "\n" + job.fingerprints().get(variant.index() - 1) + "\n"
                + job.plugins();
        synchronized (CACHE) {
            Compiled cached = CACHE.get(key);
            if (cached != null) {
                return cached;
            }
        }
        CompileResult result = Compiler.compile(Path.of(job.file()), job.compilerParams(variant),
                MarketNames.UNCHECKED, SweepJob.seedRun(variant));
        if (!result.succeeded()) {
            throw new IllegalStateException("variant " + variant.label() + " does not compile on "
                    + executor + " although it did on the driver (is " + job.file()
                    + " the same file there?):\n" + result.renderDiagnostics());
        }
        Scenario s = result.scenario().orElseThrow();
        String expected = job.fingerprints().get(variant.index() - 1);
        if (!ScenarioFingerprint.of(s).equals(expected)) {
            throw new IllegalStateException("variant " + variant.label() + " compiles on " + executor
                    + " to another scenario than on the driver: " + job.file()
                    + " or a file it reads differs there; the executors must see the same files at "
                    + "the same paths");
        }
        Compiled c = new Compiled(s, Topology.of(s), PluginJar.registries(job.plugins(), executor),
                new LinkedHashMap<>());
        synchronized (CACHE) {
            CACHE.put(key, c);
        }
        return c;
    }

    private static MarketProblem problem(Compiled c, String designName) {
        synchronized (c.problems()) {
            return c.problems().computeIfAbsent(designName, name -> {
                MarketDesign design = c.registries().designs().find(name).orElseThrow(() ->
                        new IllegalStateException("design '" + name + "' is not registered on this executor"));
                try {
                    return MarketProblem.formulate(design, c.topology());
                } catch (DesignException e) {
                    // the driver formulated every design of every variant before starting
                    throw new IllegalStateException("design '" + name + "' does not apply on this "
                            + "executor although it did on the driver: " + e.getMessage(), e);
                }
            });
        }
    }

    private static SolverBackend backend(Registries registries, String name) {
        return registries.backends().find(name).orElseThrow(() ->
                new IllegalStateException("backend '" + name + "' is not registered on this executor"));
    }
}
