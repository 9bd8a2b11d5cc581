package agora.cli;

import agora.market.MarketDesign;
import agora.market.results.SolveSummary;
import agora.market.run.MarketRun;
import agora.market.run.ProgressListener;
import agora.market.run.StepRange;
import agora.market.run.TerminalProgress;
import agora.scenario.Scenario;
import agora.scenario.SolveMode;
import agora.solver.SolverBackend;
import agora.solver.SolverOptions;
import agora.market.lowering.CentralizedSolver;
import java.io.IOException;
import java.nio.file.Path;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code agora bench}: solves the whole horizon (or N steps) for each design × backend (and
 * solve mode) and prints throughput, wall time, the process's CPU time, peak heap and iterations.
 * This is the benchmark; no test times anything. With {@code --export-qp DIR} it also writes each
 * design's lowered QP of every measured step, with the objective and seconds of each
 * centralized solve ({@link QpExport}), so that {@code bench/peers/run.sh} can give exactly the
 * same problems to other solvers.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmark: for each design × backend (× solve mode) solve the horizon (or "
                + "--steps N) and print steps/s, wall time, CPU time, peak heap and iterations."})
final class BenchCommand implements Callable<Integer> {
    private static final double MIB = 1024.0 * 1024.0;

    private final CliContext ctx;

    @Mixin
    ScenarioArgs scenario = new ScenarioArgs();
    @Mixin
    SolveArgs solve = new SolveArgs();
    @Mixin
    PluginArgs plugins = new PluginArgs();

    @Option(names = {"--designs", "--design"}, paramLabel = "NAME",
            description = "a design, a comma-separated list, or all (as for run); default: the "
                    + "scenario's")
    String designs;

    @Option(names = "--backends", split = ",", paramLabel = "NAME",
            description = "backends for centralized solves; default: every registered one")
    List<String> backends = new ArrayList<>();

    @Option(names = "--modes", split = ",", paramLabel = "MODE",
            description = "solve modes, centralized and/or admm; default: the scenario's")
    List<String> modes = new ArrayList<>();

    @Option(names = "--steps", paramLabel = "N", description = "only the first N steps")
    Integer steps;

    @Option(names = "--export-qp", paramLabel = "DIR",
            description = "also write each design's lowered QP of the measured steps to DIR/<design> "
                    + "(binary arrays and qp.json with Agora's objectives; format in bench/peers/README.md)")
    Path exportQp;

    BenchCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        // no backend is checked: the bench runs every registered one, or those of --backends
        Registries registries = plugins.registries(ctx);
        Optional<Loaded> loaded = Loaded.load(ctx, scenario,
                Choices.names(registries, designs == null, false));
        if (loaded.isEmpty()) {
            return ExitCodes.FAILED;
        }
        Loaded l = loaded.get();
        Scenario s = l.scenario();
        List<MarketDesign> chosen = Choices.designs(designs, l, registries);
        List<SolveMode> solveModes = modes.isEmpty() ? List.of(solve.mode(s.market().solve()))
                : modes.stream().map(SolveArgs::parseMode).distinct().toList();
        List<SolverBackend> chosenBackends = backends.isEmpty() ? registries.backends().all()
                : backends.stream().map(b -> Choices.backend(b, l, registries)).toList();
        SolverOptions options = solve.options(s.market().options());
        RangeArgs range = new RangeArgs();
        range.steps = steps;
        StepRange stepRange = range.range(s.time());

        ctx.out().println(s.name() + ": " + Describe.count(stepRange.size(), "step") + ", "
                + options.effectiveThreads() + " threads, tolerance " + options.tolerance());
        TextTable table = new TextTable(List.of("design", "solver", "steps", "wall [s]", "cpu [s]",
                "steps/s", "peak heap [MiB]", "iterations median", "p95", "max", "failed"));
        boolean failed = false;
        Map<String, Export> exports = new LinkedHashMap<>();
        for (SolveMode mode : solveModes) {
            List<SolverBackend> perMode = mode == SolveMode.ADMM ? Arrays.asList((SolverBackend) null)
                    : chosenBackends;
            for (SolverBackend backend : perMode) {
                for (Prepared p : Prepared.all(chosen, l, mode, backend, options)) {
                    double[] objective = new double[stepRange.size()];
                    double[] seconds = new double[stepRange.size()];
                    Measured measured = measure(p, options, stepRange, table, objective, seconds);
                    failed |= measured.summary().failedSteps() > 0;
                    if (exportQp != null && p.solver() instanceof CentralizedSolver centralized) {
                        exports.computeIfAbsent(p.tree().design(), d -> new Export(centralized,
                                new ArrayList<>())).solved().add(new QpExport.Solved(p.solver().name(),
                                objective, seconds, measured.summary().wallSeconds(),
                                measured.cpuSeconds(), options.effectiveThreads()));
                    }
                }
            }
        }
        ctx.out().print(table.render());
        ctx.out().println("cpu: the process's CPU time during the run, all threads (JIT and GC included)");
        ctx.out().println("peak heap: the sum of the heap pools' peaks during the run (an upper bound)");
        if (exportQp != null && exports.isEmpty()) {
            ctx.err().println("agora bench: --export-qp writes centralized solves only; none was measured");
            failed = true;
        }
        for (Map.Entry<String, Export> e : exports.entrySet()) {
            CentralizedSolver solver = e.getValue().solver();
            Path written = QpExport.write(exportQp, e.getKey(), stepRange.from(), stepRange.size(),
                    step -> solver.lowered().modelAt(step), e.getValue().solved());
            ctx.out().println("lowered QP of " + e.getKey() + " written to " + written);
        }
        ctx.out().flush();
        return failed ? ExitCodes.FAILED : ExitCodes.OK;
    }

    /** The solver whose lowered models are exported, and what each measured solve found. */
    private record Export(CentralizedSolver solver, List<QpExport.Solved> solved) {
    }

    private record Measured(SolveSummary summary, double cpuSeconds) {
    }

    /** Solves the range, adds a row to the table and keeps each step's objective and seconds. */
    private Measured measure(Prepared p, SolverOptions options, StepRange range, TextTable table,
                             double[] objective, double[] seconds) {
        ProgressListener progress = ctx.interactive() ? new TerminalProgress(ctx.err())
                : ProgressListener.NONE;
        System.gc(); // start each measurement from a collected heap, so peaks compare
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isValid()).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        SolveSummary s;
        long cpuBefore = processCpuNanos();
        try {
            // outcomes are dropped as they come (the bench measures solving, not accounting),
            // keeping only each step's objective and seconds for --export-qp
            s = new MarketRun(p.solver(), options.effectiveThreads(), progress)
                    .stream(range, outcome -> {
                        int k = outcome.step() - range.from();
                        objective[k] = outcome.objective();
                        seconds[k] = outcome.stats().seconds();
                    });
        } catch (IOException e) {
            throw new IllegalStateException("a sink that keeps nothing does no I/O", e);
        }
        double cpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
        long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        table.row(List.of(p.tree().design(), s.solver(), Integer.toString(s.steps()),
                String.format(Locale.ROOT, "%.2f", s.wallSeconds()),
                String.format(Locale.ROOT, "%.2f", cpuSeconds),
                String.format(Locale.ROOT, "%.1f", s.stepsPerSecond()),
                String.format(Locale.ROOT, "%.0f", peak / MIB),
                Long.toString(s.iterationsMedian()), Long.toString(s.iterationsP95()),
                Long.toString(s.iterationsMax()), Integer.toString(s.failedSteps())));
        return new Measured(s, cpuSeconds);
    }

    /** CPU time of the whole process (every thread), or 0 where the JVM does not tell it. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0L;
    }
}
