package agora.cli;

import agora.market.run.InputFile;
import agora.market.run.OutputFolder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code agora replay OUT/summary.json}: repeats a run from its manifest (the same command line:
 * scenario, designs, options, parameters, backend), first checking each input file the run read
 * against the SHA-256 recorded for it, then comparing the new totals with the recorded ones.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Repeat a run from the summary.json it wrote: the same scenario, "
                + "designs, options, parameters and backend. Says which input files (scenario, "
                + "imports, CSV profiles) changed since, or that all are unchanged, and whether "
                + "the results agree with the recorded ones.",
                "Exit status: 0 inputs unchanged and results agree, 1 otherwise, 2 usage."})
final class ReplayCommand implements Callable<Integer> {
    /**
     * Totals agree when they differ by at most this much relative to max(1, |value|): far above
     * the noise of repeating a solve, far below any change of an input that matters.
     */
    static final double AGREEMENT = 1e-6;
    /** {@link #AGREEMENT} as written to the user. */
    private static final String AGREEMENT_TEXT = "1e-6";
    /** The totals of each design that are compared (as named in summary.json). */
    static final List<String> TOTALS = List.of("socialWelfare", "importCost", "exportRevenue",
            "totalLoad", "totalImport", "totalExport", "exchangeBetweenCollectives", "fees",
            "failedSteps");

    private final CliContext ctx;

    @Parameters(index = "0", paramLabel = "SUMMARY",
            description = "the summary.json of the run to repeat, or the folder holding it")
    Path summary;

    @Option(names = "--out", paramLabel = "DIR",
            description = "write the repeated run's outputs here (by default they are compared "
                    + "and removed)")
    Path out;

    ReplayCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws IOException {
        Path file = Files.isDirectory(summary) ? summary.resolve(OutputFolder.MANIFEST) : summary;
        JsonNode recorded = read(file);
        List<String> arguments = arguments(recorded, file);
        checkWorkingDirectory(recorded, file);

        List<String> changed = changedInputs(recorded.path("scenario").path("inputs"));
        int inputs = recorded.path("scenario").path("inputs").size();
        if (changed.isEmpty()) {
            ctx.out().println("inputs: all " + Describe.count(inputs, "file")
                    + " unchanged since the run of " + file);
        } else {
            ctx.out().println("inputs: " + changed.size() + " of " + inputs
                    + " changed since the run of " + file + ":");
            changed.forEach(line -> ctx.out().println("  " + line));
        }
        ctx.out().flush();

        Path temporary = out == null ? Files.createTempDirectory("agora-replay") : null;
        Path target = out != null ? out : temporary.resolve("out");
        try {
            List<String> run = new ArrayList<>(arguments);
            run.add("--out");
            run.add(target.toString());
            ctx.out().println("replaying: agora " + String.join(" ", run));
            ctx.out().flush();
            int code = Main.commandLine(ctx).execute(run.toArray(String[]::new));
            Path replayed = target.resolve(OutputFolder.MANIFEST);
            if (code == ExitCodes.USAGE || code == ExitCodes.INTERNAL || !Files.exists(replayed)) {
                ctx.err().println("agora replay: the run did not finish, so its results cannot "
                        + "be compared");
                ctx.err().flush();
                return code == ExitCodes.OK ? ExitCodes.FAILED : code;
            }
            List<String> differences = differences(recorded.path("designs"),
                    read(replayed).path("designs"));
            if (differences.isEmpty()) {
                ctx.out().println("results: agree with the recorded ones ("
                        + String.join(", ", names(recorded.path("designs"))) + ": "
                        + String.join(", ", TOTALS) + " within " + AGREEMENT_TEXT + " relative)");
            } else {
                ctx.out().println("results: differ from the recorded ones:");
                differences.forEach(line -> ctx.out().println("  " + line));
            }
            if (temporary != null) {
                ctx.out().println("(the repeated run's outputs were only compared and are "
                        + "removed; keep them with --out DIR)");
            }
            ctx.out().flush();
            return changed.isEmpty() && differences.isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
        } finally {
            if (temporary != null) {
                deleteTree(temporary);
            }
        }
    }

    private static JsonNode read(Path file) {
        JsonNode root;
        try {
            // a mapper of its own: made at class load, it would slow every other command's start
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UserError("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !"agora".equals(root.path("tool").path("name").asText(null))) {
            throw new UserError("cannot replay " + file + ": it is not a summary.json that "
                    + "'agora run --out' wrote");
        }
        return root;
    }

    /** The recorded command line without its output options (the replay chooses its own). */
    private static List<String> arguments(JsonNode recorded, Path file) {
        JsonNode args = recorded.path("options").path("arguments");
        if (!args.isArray() || args.isEmpty() || !"run".equals(args.get(0).asText())) {
            throw new UserError("cannot replay " + file + ": it does not record the command "
                    + "line of an 'agora run' (written by an earlier version of Agora?)");
        }
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i).asText();
            if (a.equals("--out")) {
                i++; // and its value
            } else if (!a.startsWith("--out=") && !a.equals("--report")) {
                kept.add(a);
            }
        }
        return kept;
    }

    /**
     * Relative paths of the run (its scenario, {@code --set data_dir=...}, its inputs) start from
     * the folder it was run in: the replay must start there too.
     */
    private static void checkWorkingDirectory(JsonNode recorded, Path file) {
        String then = recorded.path("options").path("workingDirectory").asText("");
        Path here = Path.of("").toAbsolutePath();
        if (!then.isEmpty() && !Path.of(then).equals(here)) {
            throw new UserError("cannot replay " + file + " from " + here + ": the run was made "
                    + "in " + then + ", where its relative paths start; run 'agora replay' "
                    + "there");
        }
    }

    /** Each input that is missing or whose bytes changed, described; empty when none. */
    private static List<String> changedInputs(JsonNode inputs) {
        List<String> changed = new ArrayList<>();
        for (JsonNode input : inputs) {
            String path = input.path("path").asText();
            String kind = input.path("kind").asText();
            Path p = Path.of(path);
            if (!Files.isRegularFile(p)) {
                changed.add(path + " (" + kind + "): missing");
                continue;
            }
            try {
                InputFile now = InputFile.of(p, kind);
                if (!now.sha256().equals(input.path("sha256").asText())) {
                    changed.add(path + " (" + kind + "): changed (" + input.path("bytes").asLong()
                            + " bytes, SHA-256 " + shortHash(input.path("sha256").asText())
                            + " then; " + now.bytes() + " bytes, " + shortHash(now.sha256())
                            + " now)");
                }
            } catch (IOException e) {
                changed.add(path + " (" + kind + "): cannot be read: " + e.getMessage());
            }
        }
        return changed;
    }

    private static String shortHash(String sha256) {
        return sha256.length() > 12 ? sha256.substring(0, 12) + "…" : sha256;
    }

    /** Each design total that differs between the two summaries, described; empty when none. */
    static List<String> differences(JsonNode recorded, JsonNode replayed) {
        List<String> differences = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = recorded.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> design = it.next();
            JsonNode now = replayed.get(design.getKey());
            if (now == null) {
                differences.add(design.getKey() + ": not in the replayed run");
                continue;
            }
            for (String total : TOTALS) {
                JsonNode a = design.getValue().get(total);
                JsonNode b = now.get(total);
                if (!agree(a, b)) {
                    differences.add(design.getKey() + " " + total + ": " + text(a) + " then, "
                            + text(b) + " now");
                }
            }
        }
        for (Iterator<String> it = replayed.fieldNames(); it.hasNext(); ) {
            String design = it.next();
            if (!recorded.has(design)) {
                differences.add(design + ": not in the recorded run");
            }
        }
        return differences;
    }

    private static boolean agree(JsonNode a, JsonNode b) {
        boolean aNumber = a != null && a.isNumber();
        boolean bNumber = b != null && b.isNumber();
        if (!aNumber || !bNumber) {
            return aNumber == bNumber; // both null (no value) agree
        }
        double x = a.asDouble();
        double y = b.asDouble();
        return Math.abs(x - y) <= AGREEMENT * Math.max(1, Math.max(Math.abs(x), Math.abs(y)));
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? "none" : value.asText();
    }

    private static List<String> names(JsonNode designs) {
        List<String> names = new ArrayList<>();
        designs.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
