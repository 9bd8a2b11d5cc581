package agora.cli;

import agora.compiler.CompileResult;
import agora.compiler.Compiler;
import agora.compiler.MarketNames;
import agora.market.MarketDesign;
import agora.market.MarketSolver;
import agora.market.formulation.MarketProblem;
import agora.market.results.SolveSummary;
import agora.market.run.DesignAccounts;
import agora.market.run.DesignReport;
import agora.market.run.MarketRun;
import agora.market.run.ProgressListener;
import agora.market.run.StepRange;
import agora.scenario.Scenario;
import agora.topology.Topology;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs {@code agora sweep} in this JVM, and {@code agora run}'s computation for comparison. */
final class SweepHarness {
    static final Path IEEE14 = repo().resolve("examples/ieee14/ieee14.agora");

    private SweepHarness() {
    }

    record Result(int exit, String out, String err) {
    }

    static Result sweep(String... args) {
        return sweepWithFailingTask(-1, args);
    }

    /** A sweep whose task {@code failingTask} fails on its first attempt (the test hook; -1 none). */
    static Result sweepWithFailingTask(int failingTask, String... args) {
        return sweep(Map.of(), failingTask, args);
    }

    /** A sweep with these environment variables ({@code AGORA_PLUGINS}). */
    static Result sweepWithEnvironment(Map<String, String> environment, String... args) {
        return sweep(environment, -1, args);
    }

    private static Result sweep(Map<String, String> environment, int failingTask, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext ctx = new CliContext(ScenarioLoader.COMPILER, new PrintWriter(out, true),
                new PrintWriter(err, true), false, "test", environment);
        SweepCommand cmd = new SweepCommand(ctx);
        cmd.failFirstAttemptOfTask = failingTask;
        List<String> all = new ArrayList<>(List.of("sweep"));
        all.addAll(List.of(args));
        int exit = Main.execute(ctx, List.of(cmd), all.toArray(String[]::new));
        return new Result(exit, out.toString(), err.toString());
    }

    /** {@code agora ARGS} in this JVM with Agora's own commands (run, report, ...). */
    static Result agora(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext ctx = new CliContext(ScenarioLoader.COMPILER, new PrintWriter(out, true),
                new PrintWriter(err, true), false, "test");
        int exit = Main.execute(ctx, List.of(), args);
        return new Result(exit, out.toString(), err.toString());
    }

    /**
     * What {@code agora run FILE --set ... --design DESIGN --steps N} computes: the same
     * compile, formulation, solver and accounts as {@link RunCommand}, steps solved in one run.
     */
    static DesignReport run(Path file, Map<String, String> params, String design, int steps) {
        CompileResult result = Compiler.compile(file, params, MarketNames.UNCHECKED);
        if (!result.succeeded()) {
            throw new IllegalStateException(result.renderDiagnostics());
        }
        Scenario s = result.scenario().orElseThrow();
        Registries registries = Registries.of(SweepHarness.class.getClassLoader());
        MarketDesign d = registries.designs().find(design).orElseThrow();
        MarketProblem problem;
        try {
            problem = MarketProblem.formulate(d, Topology.of(s));
        } catch (agora.market.DesignException e) {
            throw new IllegalStateException(e);
        }
        MarketSolver solver = Choices.solver(problem, s.market().solve(),
                registries.backends().find(s.market().backend()).orElseThrow(), s.market().options());
        DesignAccounts accounts = new DesignAccounts(problem, null);
        try {
            SolveSummary summary = new MarketRun(solver, 2, ProgressListener.NONE)
                    .stream(new StepRange(0, steps), accounts);
            return accounts.report(summary);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rows of a CSV the sweep wrote (its cells need no unquoting here), by header name. */
    static List<Map<String, String>> csv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String[] header = lines.get(0).split(",", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], cells[i]);
            }
            rows.add(row);
        }
        return rows;
    }

    static Path repo() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("examples/ieee14/ieee14.agora"))) {
                return d;
            }
        }
        throw new IllegalStateException("no examples/ieee14/ieee14.agora at or above the working folder");
    }
}
