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
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code agora bench}: solves the whole horizon (or N steps) for each design × backend (and
 * solve mode) and prints throughput, wall time, peak heap and iterations. This is the benchmark;
 * no test times anything.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmark: for each design × backend (× solve mode) solve the horizon (or "
                + "--steps N) and print steps/s, wall time, peak heap and iterations."})
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
        TextTable table = new TextTable(List.of("design", "solver", "steps", "wall [s]",
                "steps/s", "peak heap [MiB]", "iterations median", "p95", "max", "failed"));
        boolean failed = false;
        for (SolveMode mode : solveModes) {
            List<SolverBackend> perMode = mode == SolveMode.ADMM ? Arrays.asList((SolverBackend) null)
                    : chosenBackends;
            for (SolverBackend backend : perMode) {
                for (Prepared p : Prepared.all(chosen, l, mode, backend, options)) {
                    SolveSummary summary = measure(p, options, stepRange, table);
                    failed |= summary.failedSteps() > 0;
                }
            }
        }
        ctx.out().print(table.render());
        ctx.out().println("peak heap: the sum of the heap pools' peaks during the run (an upper bound)");
        ctx.out().flush();
        return failed ? ExitCodes.FAILED : ExitCodes.OK;
    }

    private SolveSummary measure(Prepared p, SolverOptions options, StepRange range,
                                 TextTable table) {
        ProgressListener progress = ctx.interactive() ? new TerminalProgress(ctx.err())
                : ProgressListener.NONE;
        System.gc(); // start each measurement from a collected heap, so peaks compare
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isValid()).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        SolveSummary s;
        try {
            // outcomes are dropped as they come: the bench measures solving, not accounting
            s = new MarketRun(p.solver(), options.effectiveThreads(), progress)
                    .stream(range, outcome -> { });
        } catch (IOException e) {
            throw new IllegalStateException("a sink that keeps nothing does no I/O", e);
        }
        long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        table.row(List.of(p.tree().design(), s.solver(), Integer.toString(s.steps()),
                String.format(Locale.ROOT, "%.2f", s.wallSeconds()),
                String.format(Locale.ROOT, "%.1f", s.stepsPerSecond()),
                String.format(Locale.ROOT, "%.0f", peak / MIB),
                Long.toString(s.iterationsMedian()), Long.toString(s.iterationsP95()),
                Long.toString(s.iterationsMax()), Integer.toString(s.failedSteps())));
        return s;
    }
}
