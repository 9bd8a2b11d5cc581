package agora.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files the commands write never replace a file of the user's: {@code run --out} into the
 * scenario's own folder, {@code trades --out} and {@code compile -o} onto a file that is not an
 * earlier output of theirs.
 */
class OutputSafetyTest {
    /** The market of the paper's Fig. 2, two steps. */
    static final String SCENARIO = """
            scenario "four peers"
            time from 2019-01-01 12:00 step 1 h count 2
            producer p1 { bounds = 0 MW .. 40 MW; cost = 0.05 $/MW²h * p² + 20 $/MWh * p }
            producer p2 { bounds = 0 MW .. 30 MW; cost = 0.10 $/MW²h * p² + 25 $/MWh * p }
            consumer p3 { bounds = -30 MW .. 0 MW; cost = 0.20 $/MW²h * p² + 60 $/MWh * p }
            consumer p4 { bounds = -25 MW .. 0 MW; cost = 0.30 $/MW²h * p² + 50 $/MWh * p }
            market { design full
                     solve centralized with ipm }
            """;

    @TempDir
    Path tmp;
    private String out;
    private String err;

    private int agora(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        CliContext ctx = new CliContext(ScenarioLoader.COMPILER, new PrintWriter(o, true),
                new PrintWriter(e, true), false, "test");
        int code = Main.execute(ctx, args);
        out = o.toString();
        err = e.toString();
        return code;
    }

    @Test
    void runIntoTheScenariosOwnFolderKeepsEveryFileAgoraDidNotWrite() throws IOException {
        Path res = Files.createDirectories(tmp.resolve("res"));
        Path scenario = Files.writeString(res.resolve("s.agora"), SCENARIO);
        Files.writeString(res.resolve("prices.csv"), "t,price\n0,40\n");
        Files.writeString(res.resolve("notes.txt"), "try hybrid next");
        Map<String, String> mine = contents(res);

        assertEquals(ExitCodes.OK, agora("run", scenario.toString(), "--out", res.toString()), err);
        assertEquals(ExitCodes.OK, agora("run", scenario.toString(), "--out", res.toString()), err);

        Map<String, String> after = contents(res);
        mine.forEach((name, text) -> assertEquals(text, after.get(name), name));
        assertEquals(List.of("collectives.csv", "datapackage.json", "lines.csv", "notes.txt",
                "peers.csv", "prices.csv", "s.agora", "steps.csv", "summary.json", "trades.csv"),
                List.copyOf(after.keySet()));
        assertEquals(1 + 2 * 4, after.get("peers.csv").lines().count());
    }

    @Test
    void runRefusesAFolderWhoseOutputNamesHoldTheUsersFiles() throws IOException {
        Path res = Files.createDirectories(tmp.resolve("res"));
        Path scenario = Files.writeString(res.resolve("s.agora"), SCENARIO);
        Files.writeString(res.resolve("peers.csv"), "name,kind\np1,producer\n");

        assertEquals(ExitCodes.FAILED, agora("run", scenario.toString(), "--out", res.toString()));

        assertEquals("cannot write " + res + ": it holds files Agora would replace but "
                + "did not write: peers.csv (no earlier summary.json lists it); nothing was "
                + "changed. Move them away or choose another --out\n", err);
        assertEquals("", out); // refused before solving anything
        assertEquals(List.of("peers.csv", "s.agora"), List.copyOf(contents(res).keySet()));
        assertEquals("name,kind\np1,producer\n", Files.readString(res.resolve("peers.csv")));
    }

    @Test
    void tradesNeverOverwriteAFileOfTheUsers() throws IOException {
        Path scenario = Files.writeString(tmp.resolve("s.agora"), SCENARIO);

        int code = agora("trades", scenario.toString(), "--peer", "p3", "--from", "2019-01-01T12:00",
                "--to", "2019-01-01T13:00", "--design", "full", "--out", scenario.toString());

        assertEquals(ExitCodes.FAILED, code);
        assertEquals("cannot write " + scenario + ": it exists and is not an earlier output of "
                + "'agora trades' (whose first line is its CSV header), so it was left as it is; "
                + "choose another --out\n", err);
        assertEquals(SCENARIO, Files.readString(scenario));
        assertEquals(List.of("s.agora"), List.copyOf(contents(tmp).keySet()));
    }

    @Test
    void tradesReplaceTheirEarlierOutputThroughASymbolicLink() throws IOException {
        Path scenario = Files.writeString(tmp.resolve("s.agora"), SCENARIO);
        Path real = tmp.resolve("p3-trades.csv");
        Path link = Files.createSymbolicLink(tmp.resolve("latest.csv"), real.getFileName());
        Path reference = Files.createFile(tmp.resolve("reference"));
        String[] trades = {"trades", scenario.toString(), "--peer", "p3", "--from",
            "2019-01-01T12:00", "--to", "2019-01-01T13:00", "--design", "full", "--out"};

        assertEquals(ExitCodes.OK, agora(concat(trades, real.toString())), err);
        assertEquals(ExitCodes.OK, agora(concat(trades, link.toString())), err);

        assertTrue(Files.isSymbolicLink(link));
        assertEquals(1 + 2 * 2, Files.readAllLines(real).size()); // p3 trades with p1 and p2
        assertEquals(Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(real),
                "permissions from the umask");
    }

    @Test
    void compileNeverOverwritesTheScenario() throws IOException {
        Path scenario = Files.writeString(tmp.resolve("s.agora"), SCENARIO);

        assertEquals(ExitCodes.FAILED, agora("compile", scenario.toString(), "-o",
                scenario.toString()));

        assertEquals(SCENARIO, Files.readString(scenario));
        assertTrue(err.contains("it exists and is not an earlier output of 'agora compile'"), err);
        // its own earlier output, in any format, is replaced
        Path json = tmp.resolve("s.json");
        assertEquals(ExitCodes.OK, agora("compile", scenario.toString(), "-o", json.toString()), err);
        assertEquals(ExitCodes.OK, agora("compile", scenario.toString(), "--emit", "dot", "-o",
                json.toString()), err);
        assertTrue(Files.readString(json).startsWith("digraph G {"));
    }

    private static String[] concat(String[] args, String last) {
        return Stream.concat(Stream.of(args), Stream.of(last)).toArray(String[]::new);
    }

    /** Every file of a folder (not its subfolders) by name, sorted. */
    private static Map<String, String> contents(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            Map<String, String> out = new LinkedHashMap<>();
            for (Path f : files.sorted().toList()) {
                out.put(f.getFileName().toString(), Files.isRegularFile(f) ? Files.readString(f) : "");
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
