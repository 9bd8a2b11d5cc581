package agora.cli;

import agora.compiler.CompileResult;
import agora.compiler.Compiler;
import agora.compiler.MarketNames;
import agora.market.MarketDesign;
import agora.market.run.DesignReport;
import agora.market.run.Manifest;
import agora.market.run.OutputFolder;
import agora.market.run.OutputTables;
import agora.market.run.RunOutput;
import agora.market.run.RunSettings;
import agora.market.run.StepRange;
import agora.market.run.StepRows;
import agora.market.run.SummaryJson;
import agora.scenario.Scenario;
import agora.scenario.SolveMode;
import agora.solver.SolverBackend;
import agora.solver.SolverOptions;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code agora sweep}: the Cartesian product of parameter values (and seed runs) of one scenario,
 * each variant solved under one or more designs, as tasks of (variant, design, block of steps) on
 * Apache Spark, embedded by default. Every variant is compiled and every design formulated before
 * any task starts, so a wrong value stops the sweep at once, with all such errors together.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Solve many variants of a scenario (parameter values, seed runs) under "
                + "one or more designs on Apache Spark: embedded by default, or on a cluster "
                + "with --master. The scenario and its data files must be at the same path on "
                + "every executor (each executor checks that it compiles what the driver did).",
                "Exit status: 0 every step solved, 1 errors or failed steps, 2 usage, 3 internal."})
final class SweepCommand implements Callable<Integer> {
    /** Default steps per task: two weeks of half hours. */
    static final int DEFAULT_BLOCK_STEPS = 672;
    /** Variants whose compile errors are printed one by one (the rest are counted). */
    static final int LISTED_VARIANT_ERRORS = 10;
    static final int MAX_VARIANTS = 1_000_000;
    static final String SWEEP_FILE = "sweep.csv";
    static final String SEEDS_FILE = "seeds.csv";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final CliContext ctx;
    /** Test hook: the task with this id fails on its first attempt (-1: none). */
    int failFirstAttemptOfTask = -1;

    @Mixin
    ScenarioArgs scenario = new ScenarioArgs();
    @Mixin
    SolveArgs solve = new SolveArgs();
    @Mixin
    RangeArgs range = new RangeArgs();
    @Mixin
    PluginArgs plugins = new PluginArgs();

    @Option(names = "--vary", paramLabel = "NAME=VALUES",
            description = "a scenario parameter and its values (repeatable; the variants are "
                    + "every combination): a list, fee_scale=0,0.5,1,2, or a range with both ends, "
                    + "'fee=0..4 step 0.5 $/MWh'; each value is checked like --set")
    List<String> varies = new ArrayList<>();

    @Option(names = "--seeds", paramLabel = "FROM..TO",
            description = "also vary the random numbers of every seeded profile generator "
                    + "together: run k adds (k-1)*2^32 to each seed (run 1 is the file as "
                    + "written); seeds.csv gets the mean, 5th and 95th percentiles over the runs")
    String seeds;

    @Option(names = "--design", paramLabel = "NAME",
            description = "market design, a comma-separated list, or all (the paper's three and "
                    + "the scenario's own); default: the scenario's")
    String design;

    @Option(names = "--out", paramLabel = "DIR",
            description = "write sweep.csv (one row per variant and design), seeds.csv (with "
                    + "--seeds), variant-N.json (each variant's summary) and summary.json here")
    Path out;

    @Option(names = "--per-step",
            description = "also write steps.csv: every step of every design of every variant, "
                    + "with the columns of agora run's steps.csv after the variant's values, and "
                    + "datapackage.json describing it (needs --out)")
    boolean perStep;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master: local[N] or local[*] (embedded, the default: "
                    + SparkSweep.EMBEDDED + "), or spark://HOST:PORT of a standalone cluster; "
                    + "under spark-submit, the master spark-submit was given")
    String master;

    @Option(names = "--block-steps", paramLabel = "N", defaultValue = "" + DEFAULT_BLOCK_STEPS,
            description = "steps per task (default: ${DEFAULT-VALUE})")
    int blockSteps;

    @Spec
    CommandSpec spec;

    SweepCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    /**
     * What the driver keeps of a checked variant (not its profiles: a sweep may have thousands).
     *
     * @param storage the variant has storage: its steps are coupled, so it is one block
     */
    private record Checked(Variant variant, String name, String currency, double stepHours,
                           List<String> designs, String fingerprint, StepRange range, boolean storage) {
    }

    @Override
    public Integer call() {
        if (solve.threads != null) {
            throw new UsageError("--threads does not apply to a sweep: each task solves its steps "
                    + "one after the other, and Spark runs as many tasks at once as there are "
                    + "cores (local[N] for N of them)");
        }
        if (perStep && out == null) {
            throw new UsageError("--per-step writes steps.csv into the sweep's output: give --out DIR");
        }
        if (blockSteps < 1) {
            throw new UsageError("--block-steps must be at least 1, got " + blockSteps);
        }
        List<Vary> vary = parseVaries();
        SeedRange seedRange = seeds == null ? null : SeedRange.parse(seeds);
        long count = vary.stream().mapToLong(v -> v.values().size()).reduce(1, Math::multiplyExact)
                * (seedRange == null ? 1 : seedRange.count());
        if (count > MAX_VARIANTS) {
            throw new UsageError("the sweep has " + count + " variants, more than " + MAX_VARIANTS);
        }
        if (!Files.isRegularFile(scenario.file)) {
            ctx.err().println(scenario.file + ": error: " + (Files.isDirectory(scenario.file)
                    ? "a folder, not a scenario file" : "no such file"));
            return ExitCodes.FAILED;
        }
        List<Variant> variants = Variant.product(vary, seedRange);
        Registries registries = plugins.registries(ctx);
        List<PluginJar> pluginJars = PluginJar.of(plugins.jarFiles(ctx));
        SweepJob draft = new SweepJob(scenario.file.toAbsolutePath().normalize().toString(),
                scenario.compilerParams(), variants, SolveFlags.of(solve), List.of(), pluginJars,
                perStep, -1);
        List<Checked> checked = check(draft, registries);
        if (checked == null) {
            return ExitCodes.FAILED;
        }
        StepRange steps = checked.get(0).range();
        SweepJob job = new SweepJob(draft.file(), draft.params(), variants, draft.solve(),
                checked.stream().map(Checked::fingerprint).toList(), pluginJars, perStep,
                failFirstAttemptOfTask);
        List<SweepTask> tasks = tasks(checked, steps);
        List<String> outputs = outputs(variants, seedRange != null, perStep);
        OutputFolder folder = openOutput(outputs);
        StepSpool spool = perStep ? StepSpool.in(folder.folder()) : null;
        // Ctrl-C while Spark works: the partial output goes, the folder is left as it was
        OutputFolder staged = folder;
        Thread cleanUp = new Thread(() -> {
            if (spool != null) {
                spool.close();
            }
            if (staged != null) {
                staged.abort();
            }
        }, "agora-sweep-output");
        Runtime.getRuntime().addShutdownHook(cleanUp);
        try {
            ctx.err().println("agora sweep: " + Describe.count(variants.size(), "variant") + ", "
                    + Describe.count(tasks.size(), "task") + " of up to " + blockSteps + " steps on "
                    + SparkSweep.master(master()));
            ctx.err().flush();
            long start = System.nanoTime();
            List<BlockResult> blocks = SparkSweep.run(job, tasks, master(), jars(), ctx.err(),
                    spool == null ? UnaryOperator.identity() : spool::put);
            double wall = (System.nanoTime() - start) / 1e9;
            List<SweepResults.VariantResult> results = SweepResults.of(variants, tasks, blocks, steps);
            print(checked, results);
            int retried = (int) blocks.stream().filter(b -> b.attempt() > 0).count();
            ctx.err().printf("agora sweep: %s in %.1f s (%.2f s of solving per task on "
                    + "average)%s%n", Describe.count(tasks.size(), "task"), wall,
                    blocks.stream().mapToDouble(BlockResult::seconds).average().orElse(0),
                    retried == 0 ? "" : "; " + Describe.count(retried, "task") + " succeeded on a retry");
            ctx.err().flush();
            if (folder != null) {
                write(folder, job, checked, results, tasks, spool, vary, seedRange, steps, retried, wall);
                folder = null;
            }
            boolean failed = results.stream().flatMap(r -> r.reports().stream())
                    .anyMatch(r -> r.totals().failedSteps() > 0);
            return failed ? ExitCodes.FAILED : ExitCodes.OK;
        } finally {
            if (spool != null) {
                spool.close();
            }
            if (folder != null) {
                folder.abort();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(cleanUp);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs (or ran) anyway
            }
        }
    }

    private List<Vary> parseVaries() {
        List<Vary> out = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (String text : varies) {
            Vary v = Vary.parse(text);
            if (!names.add(v.name())) {
                throw new UsageError("--vary gives '" + v.name() + "' twice");
            }
            if (scenario.params.containsKey(v.name())) {
                throw new UsageError("'" + v.name() + "' is both set (--set) and varied (--vary)");
            }
            out.add(v);
        }
        return out;
    }

    /**
     * Compiles every variant and formulates each of its designs; prints every variant's errors
     * (naming its values) and returns null when there were any.
     */
    private List<Checked> check(SweepJob job, Registries registries) {
        MarketNames names = Choices.names(registries, design == null,
                solve.backend == null && solve.solve == null);
        List<Checked> out = new ArrayList<>();
        int failed = 0;
        for (Variant v : job.variants()) {
            // the path executors use, so that positions (and the fingerprint) read the same
            CompileResult result = Compiler.compile(Path.of(job.file()), job.compilerParams(v), names,
                    SweepJob.seedRun(v));
            try {
                if (!result.succeeded()) {
                    throw new UserError(result.renderDiagnostics().stripTrailing());
                }
                out.add(check(v, new Loaded(scenario.file, result, result.scenario().orElseThrow()),
                        registries));
            } catch (UserError e) {
                if (++failed <= LISTED_VARIANT_ERRORS) {
                    ctx.err().println("variant " + v.index() + " (" + v.label() + "):");
                    ctx.err().println(e.getMessage());
                }
            }
        }
        if (failed > LISTED_VARIANT_ERRORS) {
            ctx.err().println("... and " + (failed - LISTED_VARIANT_ERRORS) + " more variants with errors");
        }
        if (failed > 0) {
            ctx.err().println("agora sweep: " + failed + " of " + job.variants().size()
                    + " variants have errors; nothing was solved");
            ctx.err().flush();
            return null;
        }
        StepRange first = out.get(0).range();
        for (Checked c : out) {
            if (!c.range().equals(first)) {
                throw new UserError("variant " + c.variant().index() + " (" + c.variant().label()
                        + ") has steps " + c.range().from() + ".." + c.range().to()
                        + ", not those of the first variant (" + first.from() + ".." + first.to()
                        + "): a sweep keeps the horizon");
            }
        }
        return out;
    }

    /** One variant, compiled: its designs formulated and solvers built (as run does), then dropped. */
    private Checked check(Variant v, Loaded l, Registries registries) {
        Scenario s = l.scenario();
        List<MarketDesign> designs = Choices.designs(design, l, registries);
        SolveMode mode = solve.mode(s.market().solve());
        SolverBackend backend = mode == SolveMode.CENTRALIZED || solve.backend != null
                ? Choices.backend(solve.backend, l, registries) : null;
        SolverOptions options = solve.options(s.market().options());
        Prepared.all(designs, l, mode, backend, options);
        return new Checked(v, s.name(), s.currency(), s.time().stepHours(),
                designs.stream().map(MarketDesign::name).toList(), ScenarioFingerprint.of(s),
                range.range(s.time()), s.hasStorage());
    }

    /** {@code --master}, else spark-submit's master, else the embedded default. */
    private String master() {
        return master != null ? master : SparkSweep.submittedMaster().orElse(SparkSweep.EMBEDDED);
    }

    /**
     * Variant by variant, design by design, block by block: neighbours share a compiled variant.
     * A variant with storage is one block: a block would start again from the storage's initial
     * state of charge.
     */
    private List<SweepTask> tasks(List<Checked> checked, StepRange steps) {
        List<SweepTask> out = new ArrayList<>();
        for (Checked c : checked) {
            int block = c.storage() ? Math.max(1, steps.size()) : blockSteps;
            for (String d : c.designs()) {
                for (int from = steps.from(); from < steps.to(); from += block) {
                    out.add(new SweepTask(out.size(), c.variant().index(), d, from,
                            Math.min(steps.to(), from + block)));
                }
            }
        }
        return out;
    }

    static String variantFile(Variant v) {
        return "variant-" + v.index() + ".json";
    }

    private static List<String> outputs(List<Variant> variants, boolean seeds, boolean perStep) {
        List<String> names = new ArrayList<>(List.of(SWEEP_FILE));
        if (seeds) {
            names.add(SEEDS_FILE);
        }
        if (perStep) {
            names.addAll(List.of(SweepTable.STEPS_FILE, RunOutput.DATA_PACKAGE));
        }
        variants.forEach(v -> names.add(variantFile(v)));
        names.add(OutputFolder.MANIFEST);
        return names;
    }

    /** The output, opened before solving so that a folder that cannot take it stops the sweep. */
    private OutputFolder openOutput(List<String> names) {
        if (out == null) {
            return null;
        }
        try {
            return OutputFolder.open(out, names);
        } catch (IOException e) {
            throw new UserError("cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    /**
     * The jar executors load Agora from on a cluster: the one this class came from when it holds
     * the whole command line (agora-sweep.jar), else the module's {@code agora-sweep.jar} next to
     * where it came from (tests run from compiled classes or from the module's own small jar).
     */
    private List<String> jars() {
        if (SparkSweep.master(master()).startsWith("local[") || SparkSweep.underSparkSubmit()) {
            return List.of(); // embedded; or spark-submit ships its application jar itself
        }
        try {
            Path own = Path.of(SweepCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path jar = Files.isRegularFile(own) && holdsCommandLine(own) ? own : own.resolveSibling("agora-sweep.jar");
            if (Files.isRegularFile(jar)) {
                return List.of(jar.toString());
            }
            throw new UserError("agora sweep: cannot find agora-sweep.jar to send to the executors "
                    + "(looked for " + jar + "); build it with: mvn -pl sweep -am package");
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the class's own location is not a path", e);
        }
    }

    /** True when the jar has Agora's command line as well as the sweep (the shaded jar). */
    private static boolean holdsCommandLine(Path jar) {
        try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
            return file.getEntry("agora/cli/Main.class") != null
                    && file.getEntry("agora/cli/SweepCommand.class") != null;
        } catch (IOException e) {
            return false;
        }
    }

    private void print(List<Checked> checked, List<SweepResults.VariantResult> results) {
        for (int i = 0; i < results.size(); i++) {
            SweepResults.VariantResult r = results.get(i);
            Checked c = checked.get(i);
            ctx.out().println("variant " + r.variant().index() + " of " + results.size() + ": "
                    + r.variant().label() + " (" + c.name() + ")");
            ctx.out().print(ResultsTable.render(r.reports(), c.currency(), c.stepHours()));
            ctx.out().print(ResultsTable.solveLines(r.reports(), c.currency()));
            for (DesignReport d : r.reports()) {
                if (d.totals().failedSteps() > 0) {
                    ctx.err().println("variant " + r.variant().index() + ", " + d.design() + ": "
                            + Describe.count(d.totals().failedSteps(), "step") + " did not solve"
                            + (d.failed().isEmpty() ? "" : ", the first at step " + d.failed().get(0).step()
                            + ": " + d.failed().get(0).status() + ": " + d.failed().get(0).message()));
                }
            }
            ctx.out().println();
        }
        ctx.out().flush();
        ctx.err().flush();
    }

    private void write(OutputFolder folder, SweepJob job, List<Checked> checked,
                       List<SweepResults.VariantResult> results, List<SweepTask> tasks,
                       StepSpool spool, List<Vary> vary, SeedRange seedRange, StepRange steps,
                       int retried, double wall) {
        int taskCount = tasks.size();
        List<String> varied = vary.stream().map(Vary::name).toList();
        try {
            writeText(folder, SWEEP_FILE, SweepTable.sweepCsv(varied, seedRange != null, results));
            if (seedRange != null) {
                writeText(folder, SEEDS_FILE, SweepTable.seedsCsv(varied, results));
            }
            if (perStep) {
                writeSteps(folder, job, SweepTable.stepsTable(varied, seedRange != null), tasks, spool);
            }
            for (SweepResults.VariantResult r : results) {
                writeText(folder, variantFile(r.variant()), variantSummary(job, r, steps));
            }
            ObjectNode root = JSON.createObjectNode();
            root.putObject("tool").put("name", "agora").put("version", ctx.version());
            root.put("command", "sweep");
            root.put("scenario", scenario.file.toString());
            root.put("master", SparkSweep.master(master()));
            ArrayNode arguments = root.putArray("arguments");
            spec.commandLine().getParseResult().originalArgs().forEach(arguments::add);
            ObjectNode variedNode = root.putObject("varied");
            vary.forEach(v -> v.values().forEach(variedNode.putArray(v.name())::add));
            if (seedRange != null) {
                root.putObject("seeds").put("from", seedRange.from()).put("to", seedRange.to());
            }
            root.putObject("steps").put("from", steps.from()).put("to", steps.to())
                    .put("block", blockSteps);
            root.put("variants", checked.size()).put("tasks", taskCount)
                    .put("tasks_retried", retried).put("wall_seconds", wall);
            ObjectNode files = root.putObject("files");
            for (Map.Entry<String, Manifest.Entry> e : folder.written().entrySet()) {
                files.putObject(e.getKey()).put("bytes", e.getValue().bytes())
                        .put("sha256", e.getValue().sha256());
            }
            writeText(folder, OutputFolder.MANIFEST, JSON.writeValueAsString(root) + "\n");
            folder.commit();
        } catch (IOException e) {
            folder.abort();
            throw new UserError("cannot write " + out + ": " + e.getMessage() + "; the results "
                    + "above were not saved: " + out + " is as it was", e);
        }
        ctx.out().println("wrote " + out.resolve(OutputFolder.MANIFEST) + ", " + SWEEP_FILE
                + (seedRange != null ? ", " + SEEDS_FILE : "")
                + (perStep ? ", " + SweepTable.STEPS_FILE + ", " + RunOutput.DATA_PACKAGE : "")
                + " and variant-1.json"
                + (results.size() > 1 ? " .. variant-" + results.size() + ".json" : ""));
        ctx.out().flush();
    }

    /**
     * {@code steps.csv} from the blocks' rows, in task order (variant, design, step), and
     * {@code datapackage.json} describing it. {@link SweepResults#of} has checked that every task
     * came back exactly once, so every step is here exactly once.
     */
    private void writeSteps(OutputFolder folder, SweepJob job, OutputTables.Table table,
                            List<SweepTask> tasks, StepSpool spool) throws IOException {
        try (OutputStream o = folder.create(table.file())) {
            o.write(StepRows.headerLine(table));
            spool.copyTo(o, tasks);
        }
        Variant first = job.variants().get(0);
        Scenario s = Compiler.compile(Path.of(job.file()), job.compilerParams(first), MarketNames.UNCHECKED,
                SweepJob.seedRun(first)).scenario().orElseThrow();
        try (OutputStream o = folder.create(RunOutput.DATA_PACKAGE)) {
            StepRows.writeDataPackage(o, s, "agora sweep --per-step", List.of(table),
                    solve.options(s.market().options()).tolerance());
        }
    }

    /**
     * A variant's own summary, as {@code agora run --out} writes it for the same parameters, with
     * the variant's values: compiled again here so that the driver never holds every variant.
     */
    private String variantSummary(SweepJob job, SweepResults.VariantResult r, StepRange steps)
            throws IOException {
        Variant v = r.variant();
        Scenario s = Compiler.compile(Path.of(job.file()), job.compilerParams(v), MarketNames.UNCHECKED,
                SweepJob.seedRun(v)).scenario().orElseThrow();
        SolveMode mode = solve.mode(s.market().solve());
        String backend = solve.backend != null ? solve.backend : s.market().backend();
        RunSettings settings = new RunSettings(scenario.file.toString(),
                r.reports().stream().map(DesignReport::design).toList(), mode, backend,
                solve.options(s.market().options()), steps, s.params(),
                spec.commandLine().getParseResult().originalArgs(), ctx.version());
        ObjectNode root = SummaryJson.of(s, settings, r.reports(), Map.of());
        root.remove("files");
        ObjectNode variant = root.putObject("variant").put("index", v.index());
        v.values().forEach(variant::put);
        if (v.seedRun() > 0) {
            variant.put("seed", v.seedRun());
        }
        return JSON.writeValueAsString(root) + "\n";
    }

    private static void writeText(OutputFolder folder, String name, String text) throws IOException {
        try (OutputStream o = folder.create(name)) {
            o.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
