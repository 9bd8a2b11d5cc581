package agora.cli;

import agora.market.MarketDesign;
import agora.market.StepOutcome;
import agora.market.run.DesignReport;
import agora.market.run.MarketRun;
import agora.market.run.ProgressListener;
import agora.market.run.RunOutput;
import agora.market.run.RunResult;
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
            description = "write summary.json and tidy CSVs (peers, trades, collectives, steps) here")
    Path out;

    @Spec
    CommandSpec spec;

    RunCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Registries registries = plugins.registries(ctx);
        Optional<Loaded> loaded = Loaded.load(ctx, scenario, Choices.names(registries,
                design == null, solve.backend == null && solve.solve == null));
        if (loaded.isEmpty()) {
            return ExitCodes.FAILED;
        }
        Loaded l = loaded.get();
        Scenario s = l.scenario();
        List<MarketDesign> designs = Choices.designs(design, l, registries);
        SolveMode mode = solve.mode(s.market().solve());
        SolverBackend backend = mode == SolveMode.CENTRALIZED || solve.backend != null
                ? Choices.backend(solve.backend, l, registries) : null;
        SolverOptions options = solve.options(s.market().options());
        StepRange steps = range.range(s.time());

        List<Prepared> prepared = Prepared.all(designs, l, mode, backend, options);
        ProgressListener progress = ctx.interactive() ? new TerminalProgress(ctx.err())
                : ProgressListener.NONE;
        List<RunResult> runs = new ArrayList<>();
        for (Prepared p : prepared) {
            runs.add(new MarketRun(p.solver(), options.effectiveThreads(), progress)
                    .run(steps));
        }
        RunSettings settings = new RunSettings(l.file().toString(),
                designs.stream().map(MarketDesign::name).toList(), mode,
                backend == null ? s.market().backend() : backend.name(), options, steps,
                s.params(), spec.commandLine().getParseResult().originalArgs(), ctx.version());
        List<DesignReport> reports = report(s, settings, runs);
        print(s, reports);
        boolean failed = reports.stream().anyMatch(r -> !r.failed().isEmpty());
        return failed ? ExitCodes.FAILED : ExitCodes.OK;
    }

    private List<DesignReport> report(Scenario s, RunSettings settings, List<RunResult> runs) {
        if (out == null) {
            return runs.stream().map(DesignReport::of).toList();
        }
        try {
            return RunOutput.write(out, s, settings, runs);
        } catch (IOException e) {
            throw new UserError("cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    private void print(Scenario s, List<DesignReport> reports) {
        ctx.out().println(s.name());
        ctx.out().print(ResultsTable.render(reports, s.currency(), s.time().stepHours()));
        ctx.out().print(ResultsTable.solveLines(reports, s.currency()));
        for (DesignReport r : reports) {
            printFailures(s, r);
        }
        if (out != null) {
            ctx.out().println("wrote " + out.resolve("summary.json") + " and peers.csv, trades.csv, "
                    + "collectives.csv, steps.csv");
        }
        ctx.out().flush();
    }

    private void printFailures(Scenario s, DesignReport r) {
        List<StepOutcome> failed = r.failed();
        if (failed.isEmpty()) {
            return;
        }
        ctx.err().println(r.design() + ": " + Describe.count(failed.size(), "step")
                + " did not solve:");
        for (StepOutcome o : failed.subList(0, Math.min(LISTED_FAILURES, failed.size()))) {
            ctx.err().println("  " + s.time().at(o.step()) + " (step " + o.step() + "): "
                    + o.status() + ": " + o.message()
                    + (o.conflicts().isEmpty() ? "" : " [conflicts: "
                    + String.join(", ", o.conflicts()) + "]"));
        }
        if (failed.size() > LISTED_FAILURES) {
            ctx.err().println("  ... " + (failed.size() - LISTED_FAILURES) + " more"
                    + (out == null ? "" : " (see steps.csv)"));
        }
        ctx.err().flush();
    }
}
