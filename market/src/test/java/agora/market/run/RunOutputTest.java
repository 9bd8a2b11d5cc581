package agora.market.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agora.market.MarketTree;
import agora.market.formulation.MarketProblem;
import agora.market.StepOutcome;
import agora.market.results.AccountingFixtures;
import agora.market.results.Fixtures;
import agora.scenario.SolveMode;
import agora.solver.SolveStatus;
import agora.solver.SolverOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunOutputTest {
    @TempDir
    Path tmp;

    /** Steps 0 and 1 of the hand-made pool market (see AccountingTest), step 1 infeasible. */
    private static RunResult communityRun() {
        MarketTree tree = AccountingFixtures.communityTree(0.5, 4);
        List<StepOutcome> outcomes = List.of(AccountingFixtures.communityOutcome(0, 39),
                Fixtures.failed(1, SolveStatus.INFEASIBLE, "balance, of c1", List.of("d", "w")));
        return new RunResult(MarketProblem.of(tree), "scripted", new StepRange(0, 2), outcomes, 0.5);
    }

    private static OutputPlan plan(RunResult run) {
        return OutputPlan.of(List.of(run.tree()), SolverOptions.DEFAULT_TOLERANCE, false);
    }

    private static RunSettings settings() {
        return new RunSettings("hand-made.agora", List.of("community"), SolveMode.CENTRALIZED,
                "ipm", SolverOptions.defaults(), new StepRange(0, 2), Map.of("seed", "7"),
                List.of("run", "hand-made.agora", "--set", "seed=7"), "0.1.0");
    }

    @Test
    void writesTidyCsvsAndASummary() throws IOException {
        Path out = tmp.resolve("out");
        RunResult run = communityRun();
        List<DesignReport> reports = RunOutput.write(out, run.tree().scenario(), settings(),
                List.of(run));

        assertEquals(List.of(
                "step,time,design,peer,p_mw,energy_mwh,cost,payment",
                "0,2013-06-01T06:00:00,community,g,-3,-0.75,-30,30",
                "0,2013-06-01T06:00:00,community,w,5,1.25,12.5,-48.75",
                "0,2013-06-01T06:00:00,community,d,-2,-0.5,-49,19.5"),
                Files.readAllLines(out.resolve("peers.csv")));
        // each trade from its seller to its buyer, energy = |P| × 0.25 h
        assertEquals(List.of(
                "step,time,design,market,kind,seller,buyer,energy_mwh,price_per_mwh",
                "0,2013-06-01T06:00:00,community,market,bilateral,c1,g,0.75,39.5",
                "0,2013-06-01T06:00:00,community,c1,pool,w,market,1.25,39",
                "0,2013-06-01T06:00:00,community,c1,pool,market,d,0.5,39"),
                Files.readAllLines(out.resolve("trades.csv")));
        assertEquals(List.of(
                "step,time,design,collective,price_per_mwh,import_mwh,export_mwh",
                "0,2013-06-01T06:00:00,community,c1,39,0,0.75"),
                Files.readAllLines(out.resolve("collectives.csv")));
        List<String> steps = Files.readAllLines(out.resolve("steps.csv"));
        assertEquals(List.of("step,time,design,status,welfare,import_mwh,export_mwh,import_cost,"
                + "export_revenue,load_mwh,exchange_mwh,fees,imbalance,iterations,solve_seconds,"
                + "message"), steps.subList(0, 1));
        assertEquals(3, steps.size());
        assertEquals("0,2013-06-01T06:00:00,community,OPTIMAL,65.75,0,0.75,0,30,0.5,0,0.75,0,"
                + "12,0.01,optimal", steps.get(1));
        // a failed step: no numbers, its message (with the conflicts) quoted as it holds a comma
        assertEquals("1,2013-06-01T06:15:00,community,INFEASIBLE,,,,,,,,,,0,0.01,"
                + "\"balance, of c1 [conflicts: d; w]\"", steps.get(2));

        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        JsonNode design = summary.get("designs").get("community");
        assertEquals(65.75, design.get("socialWelfare").asDouble(), 1e-12);
        assertEquals(30.0, design.get("exportRevenue").asDouble(), 1e-12);
        assertEquals(0.75, design.get("totalExport").asDouble(), 1e-12);
        assertEquals(1, design.get("failedSteps").asInt());
        assertEquals("INFEASIBLE", design.get("failures").get(0).get("status").asText());
        assertEquals(1, design.get("solve").get("statusCounts").get("INFEASIBLE").asInt());
        assertEquals("0123abcd", summary.get("scenario").get("sourceHash").asText());
        assertEquals("7", summary.get("scenario").get("params").get("seed").asText());
        assertEquals("0.1.0", summary.get("tool").get("version").asText());
        assertTrue(summary.get("conventions").get("energy").asText().startsWith("energy = MW × Δt"));
        assertEquals(1, reports.size());
        assertEquals(1, reports.get(0).failed().size());
        assertEquals(List.of("out"), listing(tmp)); // no temporary directory left behind
    }

    @Test
    void summaryListsEveryFileItWroteWithSizeAndHash() throws IOException, NoSuchAlgorithmException {
        Path out = tmp.resolve("out");
        RunResult run = communityRun();
        RunOutput.write(out, run.tree().scenario(), settings(), List.of(run));

        JsonNode files = new ObjectMapper().readTree(out.resolve("summary.json").toFile())
                .get("files");
        assertEquals(List.of("peers.csv", "trades.csv", "collectives.csv", "steps.csv",
                "lines.csv", "datapackage.json"), fieldNames(files));
        for (String name : fieldNames(files)) {
            byte[] bytes = Files.readAllBytes(out.resolve(name));
            assertEquals(bytes.length, files.get(name).get("bytes").asLong(), name);
            assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)),
                    files.get(name).get("sha256").asText(), name);
        }
    }

    @Test
    void anEarlierOutputIsReplacedAndEveryOtherFileStays() throws IOException {
        Path out = tmp.resolve("res");
        RunResult run = communityRun();
        RunOutput.write(out, run.tree().scenario(), settings(), List.of(run));
        Files.writeString(out.resolve("s.agora"), "scenario \"mine\"\n");
        Files.writeString(out.resolve("prices.csv"), "t,price\n0,40\n");
        Files.createDirectories(out.resolve("notes")).resolve("todo.txt");
        Files.writeString(out.resolve("notes/todo.txt"), "check d");
        Files.writeString(out.resolve("peers.csv.bak"), "kept");

        RunOutput.write(out, run.tree().scenario(), settings(), List.of(run));

        assertEquals("scenario \"mine\"\n", Files.readString(out.resolve("s.agora")));
        assertEquals("t,price\n0,40\n", Files.readString(out.resolve("prices.csv")));
        assertEquals("check d", Files.readString(out.resolve("notes/todo.txt")));
        assertEquals("kept", Files.readString(out.resolve("peers.csv.bak")));
        assertEquals(List.of("collectives.csv", "datapackage.json", "lines.csv", "notes", "peers.csv",
                "peers.csv.bak", "prices.csv", "s.agora", "steps.csv", "summary.json",
                "trades.csv"), listing(out));
        assertEquals(4, Files.readAllLines(out.resolve("peers.csv")).size());
    }

    @Test
    void aFileChangedSinceAgoraWroteItIsNotReplaced() throws IOException {
        Path out = tmp.resolve("out");
        RunResult run = communityRun();
        RunOutput.write(out, run.tree().scenario(), settings(), List.of(run));
        Files.writeString(out.resolve("peers.csv"), "my annotated copy\n");
        String summary = Files.readString(out.resolve("summary.json"));

        IOException e = assertThrows(IOException.class, () ->
                RunOutput.write(out, run.tree().scenario(), settings(), List.of(run)));

        assertTrue(e.getMessage().contains("peers.csv (changed since Agora wrote it)"),
                e.getMessage());
        assertEquals("my annotated copy\n", Files.readString(out.resolve("peers.csv")));
        assertEquals(summary, Files.readString(out.resolve("summary.json")));
        assertEquals(FILES_SORTED, listing(out)); // no staging folder left behind
    }

    @Test
    void theUsersOwnFileUnderAnOutputNameIsNeverReplaced() throws IOException {
        Path mine = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(mine.resolve("steps.csv"), "my steps");
        Files.writeString(mine.resolve("summary.json"), "{\"thesis\": true}");
        RunResult run = communityRun();

        IOException e = assertThrows(IOException.class, () ->
                RunOutput.write(mine, run.tree().scenario(), settings(), List.of(run)));

        assertTrue(e.getMessage().contains("summary.json (not a summary Agora wrote)"),
                e.getMessage());
        assertTrue(e.getMessage().contains("steps.csv (no earlier summary.json lists it)"),
                e.getMessage());
        assertEquals("my steps", Files.readString(mine.resolve("steps.csv")));
        assertEquals(List.of("steps.csv", "summary.json"), listing(mine));
    }

    @Test
    void aFolderOfTheUsersReceivesTheOutputsBesideItsFiles() throws IOException {
        Path mine = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(mine.resolve("thesis.tex"), "precious");
        RunResult run = communityRun();

        RunOutput.write(mine, run.tree().scenario(), settings(), List.of(run));

        assertEquals("precious", Files.readString(mine.resolve("thesis.tex")));
        assertTrue(Files.exists(mine.resolve("summary.json")));
        assertEquals(List.of("mine"), listing(tmp));
    }

    @Test
    void aSymbolicLinkToAnEarlierOutputIsWrittenThrough() throws IOException {
        Path real = tmp.resolve("run-2024");
        Path link = Files.createSymbolicLink(tmp.resolve("latest"), real.getFileName());
        RunResult run = communityRun();
        RunOutput.write(real, run.tree().scenario(), settings(), List.of(run));
        Files.writeString(real.resolve("notes.txt"), "mine");
        Files.setLastModifiedTime(real.resolve("steps.csv"), FileTime.fromMillis(0));

        RunOutput.write(link, run.tree().scenario(), settings(), List.of(run));

        assertTrue(Files.isSymbolicLink(link));
        assertEquals(real.getFileName(), Files.readSymbolicLink(link));
        assertEquals(List.of("collectives.csv", "datapackage.json", "lines.csv", "notes.txt", "peers.csv",
                "steps.csv", "summary.json", "trades.csv"), listing(real));
        assertTrue(Files.getLastModifiedTime(real.resolve("steps.csv")).toMillis() > 0,
                "steps.csv was written anew");
        assertEquals(List.of("latest", "run-2024"), listing(tmp));
    }

    @Test
    void theOutputFolderFollowsTheUmask() throws IOException {
        Path reference = Files.createDirectory(tmp.resolve("reference"));
        Path referenceFile = Files.createFile(tmp.resolve("reference.txt"));
        Path out = tmp.resolve("out");
        RunResult run = communityRun();

        RunOutput.write(out, run.tree().scenario(), settings(), List.of(run));

        assertEquals(Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(out));
        assertEquals(Files.getPosixFilePermissions(referenceFile),
                Files.getPosixFilePermissions(out.resolve("peers.csv")));
        assertEquals(Files.getPosixFilePermissions(referenceFile),
                Files.getPosixFilePermissions(out.resolve("summary.json")));
    }

    @Test
    void aFailureWhileWritingLeavesNoFolder() throws IOException {
        Path out = tmp.resolve("runs/june/out"); // the run creates runs/ and june/ too
        RunResult run = communityRun();
        RunOutput output = RunOutput.open(out, plan(run));
        output.write("community", run.accounts().get(0));
        assertTrue(Files.exists(out));

        assertTrue(output.abort());

        assertFalse(Files.exists(out));
        assertEquals(List.of(), listing(tmp));
        assertThrows(InterruptedIOException.class,
                () -> output.write("community", run.accounts().get(1)));
    }

    @Test
    void aFailureWhileReplacingKeepsThePreviousOutput() throws IOException {
        Path out = tmp.resolve("out");
        RunResult run = communityRun();
        RunOutput.write(out, run.tree().scenario(), settings(), List.of(run));
        Files.writeString(out.resolve("notes.txt"), "mine");
        String peers = Files.readString(out.resolve("peers.csv"));

        RunOutput output = RunOutput.open(out, plan(run));
        output.write("community", run.accounts().get(0));
        output.write("community", run.accounts().get(0));
        output.abort();

        assertEquals(peers, Files.readString(out.resolve("peers.csv")));
        assertEquals(List.of("collectives.csv", "datapackage.json", "lines.csv", "notes.txt", "peers.csv",
                "steps.csv", "summary.json", "trades.csv"), listing(out));
    }

    @Test
    void aFileTheEarlierRunListedButThisOneDoesNotWriteIsRemoved() throws IOException {
        Path out = tmp.resolve("out");
        List<String> names = List.of("summary.json", "a.csv", "b.csv");
        OutputFolder first = OutputFolder.open(out, names);
        for (String name : List.of("a.csv", "b.csv")) {
            try (var file = first.create(name)) {
                file.write(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        writeManifest(first);
        first.commit();
        Files.writeString(out.resolve("c.txt"), "mine");

        OutputFolder second = OutputFolder.open(out, names);
        try (var file = second.create("a.csv")) {
            file.write('A');
        }
        writeManifest(second);
        second.commit();

        assertEquals(List.of("a.csv", "c.txt", "summary.json"), listing(out));
        assertEquals("A", Files.readString(out.resolve("a.csv")));
    }

    private static void writeManifest(OutputFolder folder) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        var root = mapper.createObjectNode();
        root.putObject("tool").put("name", "agora");
        var files = root.putObject("files");
        folder.written().forEach((name, e) -> files.putObject(name).put("bytes", e.bytes())
                .put("sha256", e.sha256()));
        try (var file = folder.create("summary.json")) {
            mapper.writeValue(file, root);
        }
    }

    @Test
    void anOutputOfAnEarlierVersionIsReplacedAndOtherFilesStay() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("out"));
        Files.writeString(out.resolve("summary.json"), "{\"tool\": {\"name\": \"agora\", "
                + "\"version\": \"0.1.0\"}, \"designs\": {}}");
        for (String name : List.of("peers.csv", "trades.csv", "collectives.csv", "steps.csv")) {
            Files.writeString(out.resolve(name), "old");
        }
        Files.writeString(out.resolve("s.agora"), "mine");
        RunResult run = communityRun();

        RunOutput.write(out, run.tree().scenario(), settings(), List.of(run));

        assertEquals("mine", Files.readString(out.resolve("s.agora")));
        assertEquals(4, Files.readAllLines(out.resolve("peers.csv")).size());
    }

    private static final List<String> FILES_SORTED = List.of("collectives.csv",
            "datapackage.json", "lines.csv", "peers.csv", "steps.csv", "summary.json", "trades.csv");

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> listing(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
