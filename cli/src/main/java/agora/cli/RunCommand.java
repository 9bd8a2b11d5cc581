package agora.cli;

import agora.market.MarketDesign;
import agora.market.formulation.MarketProblem;
import agora.market.results.SolveSummary;
import agora.market.report.ReportPage;
import agora.market.run.DesignAccounts;
import agora.market.run.DesignReport;
import agora.market.run.FailedStep;
import agora.market.run.InputFile;
import agora.market.run.LineProgress;
import agora.market.run.Manifest;
import agora.market.run.MarketRun;
import agora.market.run.MemoryEstimate;
import agora.market.run.OutputFormat;
import agora.market.run.OutputPlan;
import agora.market.run.ProgressListener;
import agora.market.run.RunOutput;
import agora.market.run.RunSettings;
import agora.market.run.StepRange;
import agora.market.run.TerminalProgress;
import agora.scenario.Scenario;
import agora.scenario.SolveMode;
import agora.solver.SolverBackend;
import agora.solver.SolverOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code agora run}: solves every step (or a range) of one or more designs and reports. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Solve the market of a scenario step by step and report welfare, grid "
                + "import and export, load and trades.",
                "Exit status: 0 every step solved, 1 errors or failed steps, 2 usage, 3 internal."})
final class RunCommand implements Callable<Integer> {
    /** Failed steps listed on the terminal per design (all are in steps.csv). */
    static final int LISTED_FAILURES = 10;
    /**
     * Set (to anything) to solve even when the heap looks too small: the estimate errs on the
     * large side; bench/memory-estimate.sh measures what a run really needs with it.
     */
    static final String NO_HEAP_CHECK = "AGORA_NO_HEAP_CHECK";

    private final CliContext ctx;

    @Mixin
    ScenarioArgs scenario = new ScenarioArgs();
    @Mixin
    SolveArgs solve = new SolveArgs();
    @Mixin
    RangeArgs range = new RangeArgs();
    @Mixin
    PluginArgs plugins = new PluginArgs();

    @Option(names = "--design", paramLabel = "NAME",
            description = "market design (full, community, hybrid, nested, a plug-in), a "
                    + "comma-separated list run in its order, or all for the paper's three and the "
                    + "scenario's own; default: the scenario's")
    String design;

    @Option(names = "--out", paramLabel = "DIR",
            description = "write summary.json, tidy CSVs (peers, trades, collectives, steps) and "
                    + "datapackage.json (their columns, types and units) here")
    Path out;

    @Option(names = "--all-trades",
            description = "write every trade to trades.csv, also those smaller than the solve's "
                    + "tolerance (left out by default)")
    boolean allTrades;

    @Option(names = "--report",
            description = "also write report.html into the --out folder (see 'agora report')")
    boolean report;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv",
            converter = FormatConverter.class,
            description = "the tables' file format in --out: csv (default), parquet (typed, "
                    + "compressed Apache Parquet files, units in each file's metadata) or both")
    OutputFormat format;

    @Option(names = "--compare-without-storage", negatable = true,
            description = "also solve every design with each storage peer idle (fixed at 0 MW) "
                    + "and print the welfare storage adds; on by default for a scenario with "
                    + "storage (--no-compare-without-storage skips it)")
    Boolean compareWithoutStorage;

    @Spec
    CommandSpec spec;

    /** The earlier output this run's replaced, once written. */
    private Optional<Manifest.Origin> replaced = Optional.empty();

    RunCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (report && out == null) {
            throw new UsageError("--report needs --out DIR: the report is written next to the "
                    + "outputs it shows");
        }
        if (report && !format.csv()) {
            throw new UsageError("--report reads the CSV files of the output: use --format csv "
                    + "or --format both with it");
        }
        Registries registries = plugins.registries(ctx);
        Optional<Loaded> loaded = Loaded.load(ctx, scenario, Choices.names(registries,
                design == null, solve.backend == null && solve.solve == null));
        if (loaded.isEmpty()) {
            return ExitCodes.FAILED;
        }
        Loaded l = loaded.get();
        Scenario s = l.scenario();
        noteGeneratedProfiles(l);
        List<MarketDesign> designs = Choices.designs(design, l, registries);
        SolveMode mode = solve.mode(s.market().solve());
        SolverBackend backend = mode == SolveMode.CENTRALIZED || solve.backend != null
                ? Choices.backend(solve.backend, l, registries) : null;
        SolverOptions options = solve.options(s.market().options());
        StepRange steps = range.range(s.time());

        String backendName = backend == null ? s.market().backend() : backend.name();
        List<MarketProblem> problems = Prepared.formulate(designs, l);
        HeapCheck heap = HeapCheck.of(problems.stream().map(MemoryEstimate.MarketSize::of).toList(),
                mode, backendName, options.effectiveThreads(),
                steps.size());
        if (!heap.fits() && System.getenv(NO_HEAP_CHECK) == null) {
            throw new UserError("cannot run " + l.file() + ": the market is too large for this "
                    + "Java heap: " + heap.need() + ". To run it:\n" + heap.remedies());
        }
        List<Prepared> prepared = Prepared.of(problems, mode, backend, options);
        RunSettings settings = new RunSettings(l.file().toString(),
                designs.stream().map(MarketDesign::name).toList(), mode, backendName, options, steps,
                s.params(), spec.commandLine().getParseResult().originalArgs(), ctx.version(),
                allTrades, inputs(l));
        ProgressListener display = ctx.interactive() ? new TerminalProgress(ctx.err())
                : new LineProgress(ctx.err());
        SolvedSteps solved = new SolvedSteps(display, (long) steps.size() * prepared.size());
        OutputPlan plan = OutputPlan.of(problems.stream().map(MarketProblem::tree).toList(),
                options.tolerance(), allTrades).withFormat(format);
        Optional<List<DesignReport>> reports = solve(s, settings, plan, prepared, steps, solved);
        if (reports.isEmpty()) {
            return ExitCodes.FAILED; // stopped by a signal, which said so
        }
        print(s, reports.get());
        if (compareWithoutStorage == null ? s.hasStorage() : compareWithoutStorage) {
            compareWithoutStorage(l, designs, mode, backend, options, steps, reports.get());
        }
        if (report) {
            Path file = ReportCommand.write(out);
            ctx.out().println("wrote " + file);
        } else if (out != null && ReportPage.isReport(out.resolve(ReportPage.FILE))) {
            ctx.out().println("note: " + out.resolve(ReportPage.FILE) + " shows the results "
                    + "before this run; 'agora report " + out + "' updates it");
        }
        ctx.out().flush();
        boolean failed = reports.get().stream().anyMatch(r -> r.totals().failedSteps() > 0);
        return failed ? ExitCodes.FAILED : ExitCodes.OK;
    }

    /**
     * Solves each design in turn, accounting (and writing) each step as it comes; empty when the
     * process is being stopped.
     */
    private Optional<List<DesignReport>> solve(Scenario s, RunSettings settings, OutputPlan plan,
                                               List<Prepared> prepared, StepRange steps,
                                               SolvedSteps solved) {
        try (Interruption interruption = new Interruption(ctx.err(), solved, out)) {
            RunOutput output = openOutput(plan);
            interruption.watch(output);
            List<DesignReport> reports = new ArrayList<>();
            try {
                for (Prepared p : prepared) {
                    DesignAccounts accounts = new DesignAccounts(p.problem(), output);
                    SolveSummary summary = new MarketRun(p.solver(),
                            settings.options().effectiveThreads(), solved).stream(steps, accounts);
                    reports.add(accounts.report(summary));
                }
                if (output != null) {
                    output.finish(s, settings, reports);
                    replaced = output.replaced();
                }
            } catch (IOException e) {
                if (interruption.happened()) {
                    return Optional.empty();
                }
                output.abort();
                throw new UserError("cannot write " + out + ": " + e.getMessage() + "; "
                        + solved.describe() + " had been solved; removed the partial output: "
                        + out + " is as it was", e);
            } finally {
                if (output != null) {
                    output.close();
                }
            }
            return Optional.of(reports);
        }
    }

    /**
     * Says when the run's profiles are made by the seeded generators rather than read from data
     * (the IEEE 14-bus example without --set data_dir=...), and which empty parameters of the
     * scenario may name the data to read instead, so nobody takes its numbers for measured ones.
     */
    private void noteGeneratedProfiles(Loaded l) {
        List<String> generators = l.result().sources().generated();
        if (generators.isEmpty()) {
            return;
        }
        List<String> empty = l.scenario().params().entrySet().stream()
                .filter(p -> p.getValue().isEmpty()).map(Map.Entry::getKey).toList();
        String instead = empty.isEmpty() ? "" : "; to read data instead, give its empty "
                + (empty.size() == 1 ? "parameter " : "parameters ")
                + String.join(" ", empty.stream().map(p -> "--set " + p + "=...").toList());
        ctx.err().println("note: this run's profiles are generated (" + String.join(", ", generators)
                + ", seeded), not measured" + instead);
        ctx.err().flush();
    }

    /**
     * Solves every design again with the storage idle ({@link Scenario#withIdleStorage}) and
     * prints, per design, welfare with storage, without it, and the difference.
     */
    private void compareWithoutStorage(Loaded l, List<MarketDesign> designs, SolveMode mode,
                                       SolverBackend backend, SolverOptions options, StepRange steps,
                                       List<DesignReport> withStorage) {
        Scenario s = l.scenario();
        if (!s.hasStorage()) {
            throw new UserError("--compare-without-storage: " + l.file() + " has no storage peer");
        }
        agora.topology.Topology idle = agora.topology.Topology.of(s.withIdleStorage());
        ctx.out().println("Value of storage (welfare with minus without, storage idle) [" + s.currency() + "]:");
        for (int i = 0; i < designs.size(); i++) {
            MarketProblem problem = Choices.formulate(designs.get(i), idle, l);
            DesignAccounts accounts = new DesignAccounts(problem, null);
            try {
                SolveSummary summary = new MarketRun(Choices.solver(problem, mode, backend, options),
                        options.effectiveThreads(), ProgressListener.NONE).stream(steps, accounts);
                DesignReport without = accounts.report(summary);
                double with = withStorage.get(i).totals().welfare();
                double none = without.totals().welfare();
                ctx.out().println(String.format(java.util.Locale.ROOT,
                        "%s: with storage %s, without %s, storage adds %s%s", without.design(),
                        ResultsTable.significant(with), ResultsTable.significant(none),
                        ResultsTable.significant(with - none),
                        without.totals().failedSteps() > 0 ? " (" + without.totals().failedSteps()
                                + " steps without storage did not solve)" : ""));
            } catch (IOException e) {
                throw new IllegalStateException("accounting without an output does no I/O", e);
            }
        }
    }

    /** Every file the compilation read, measured now, before solving. */
    private static List<InputFile> inputs(Loaded l) {
        List<InputFile> inputs = new ArrayList<>();
        for (Map.Entry<Path, String> f : l.result().sources().filesRead().entrySet()) {
            try {
                inputs.add(InputFile.of(f.getKey(), f.getValue()));
            } catch (IOException e) {
                throw new UserError("cannot read " + f.getKey() + " again to record it: "
                        + e.getMessage(), e);
            }
        }
        return inputs;
    }

    /** The output, opened before solving so that a folder that cannot take it stops the run. */
    private RunOutput openOutput(OutputPlan plan) {
        if (out == null) {
            return null;
        }
        try {
            return RunOutput.open(out, plan);
        } catch (IOException e) {
            throw new UserError("cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    private void print(Scenario s, List<DesignReport> reports) {
        ctx.out().println(s.name());
        ctx.out().print(ResultsTable.render(reports, s.currency(), s.time().stepHours()));
        ctx.out().print(ResultsTable.networkLines(reports, s.currency(), s.time().stepHours()));
        ctx.out().print(ResultsTable.siblingLines(reports));
        ctx.out().print(ResultsTable.storageLines(reports));
        ctx.out().print(ResultsTable.solveLines(reports, s.currency()));
        for (DesignReport r : reports) {
            printFailures(s, r);
        }
        if (out != null) {
            List<String> tables = new ArrayList<>();
            List<String> names = new ArrayList<>(List.of("peers", "trades", "collectives", "steps", "lines"));
            if (s.hasStorage()) {
                names.add("storage");
            }
            for (String table : names) {
                if (format.csv()) {
                    tables.add(table + ".csv");
                }
                if (format.parquet()) {
                    tables.add(table + ".parquet");
                }
            }
            ctx.out().println("wrote " + out.resolve("summary.json") + " and datapackage.json, "
                    + String.join(", ", tables));
            replaced.ifPresent(earlier -> ctx.out().println("replaced the earlier results in "
                    + out + ": those of " + earlier.describe()));
        }
        ctx.out().flush();
    }

    private void printFailures(Scenario s, DesignReport r) {
        List<FailedStep> failed = r.failed();
        int count = r.totals().failedSteps();
        if (count == 0) {
            return;
        }
        ctx.err().println(r.design() + ": " + Describe.count(count, "step")
                + " did not solve:");
        for (FailedStep o : failed.subList(0, Math.min(LISTED_FAILURES, failed.size()))) {
            ctx.err().println("  " + s.time().at(o.step()) + " (step " + o.step() + "): "
                    + o.status() + ": " + o.message()
                    + (o.conflicts().isEmpty() ? "" : " [conflicts: "
                    + String.join(", ", o.conflicts()) + "]"));
        }
        if (count > LISTED_FAILURES) {
            ctx.err().println("  ... " + (count - LISTED_FAILURES) + " more"
                    + (out == null ? "" : " (see steps.csv)"));
        }
        ctx.err().flush();
    }

    /** {@code csv}, {@code parquet} or {@code both}, in any case. */
    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            for (OutputFormat f : OutputFormat.values()) {
                if (f.keyword().equalsIgnoreCase(value)) {
                    return f;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("'" + value
                    + "' is not a format: csv, parquet or both");
        }
    }
}
