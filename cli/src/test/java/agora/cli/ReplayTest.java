package agora.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code agora replay OUT/summary.json} repeats the run, names the inputs that changed since and
 * says whether the results agree.
 */
class ReplayTest {
    /** The paper's Fig. 2 market, p3's largest load read from a CSV profile. */
    private static final String SCENARIO = """
            scenario "four peers"
            time from 2019-01-01 12:00 step 1 h count 2
            producer p1 { bounds = 0 MW .. 40 MW; cost = 0.05 $/MW²h * p² + 20 $/MWh * p }
            producer p2 { bounds = 0 MW .. 30 MW; cost = 0.10 $/MW²h * p² + 25 $/MWh * p }
            consumer p3 { bounds = csv("load.csv", column: 2, skip: 1) * 1 MW .. 0 MW
                          cost = 0.20 $/MW²h * p² + 60 $/MWh * p }
            consumer p4 { bounds = -25 MW .. 0 MW; cost = 0.30 $/MW²h * p² + 50 $/MWh * p }
            market { design full
                     solve centralized with ipm }
            """;

    @TempDir
    Path tmp;
    private Path scenario;
    private Path out;
    private String stdout;
    private String stderr;

    private int agora(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        CliContext ctx = new CliContext(ScenarioLoader.COMPILER, new PrintWriter(o, true),
                new PrintWriter(e, true), false, "test");
        int code = Main.execute(ctx, args);
        stdout = o.toString();
        stderr = e.toString();
        return code;
    }

    @BeforeEach
    void runOnce() throws IOException {
        scenario = Files.writeString(tmp.resolve("s.agora"), SCENARIO);
        Files.writeString(tmp.resolve("load.csv"), "t,load\n0,-30\n1,-20\n");
        out = tmp.resolve("out");
        assertEquals(ExitCodes.OK, agora("run", scenario.toString(), "--design", "full",
                "--out", out.toString()), stderr);
    }

    @Test
    void aReplayOfUnchangedInputsSaysSoAndAgrees() {
        assertEquals(ExitCodes.OK, agora("replay", out.resolve("summary.json").toString()),
                stdout + stderr);
        assertTrue(stdout.startsWith("inputs: all 2 files unchanged since the run of "), stdout);
        assertTrue(stdout.contains("replaying: agora run " + scenario + " --design full --out "),
                stdout);
        assertTrue(stdout.contains("results: agree with the recorded ones (full: socialWelfare"),
                stdout);
        // the replay's own outputs went to a temporary folder, removed afterwards
        assertEquals(1, tmp.toFile().list((d, n) -> n.equals("out")).length);
    }

    @Test
    void aChangedCsvProfileIsNamedAndTheResultsDiffer() throws IOException {
        Files.writeString(tmp.resolve("load.csv"), "t,load\n0,-10\n1,-5\n");

        assertEquals(ExitCodes.FAILED, agora("replay", out.toString(), "--out",
                tmp.resolve("again").toString()), stdout + stderr);

        String[] lines = stdout.split("\n");
        assertEquals("inputs: 1 of 2 changed since the run of " + out.resolve("summary.json")
                + ":", lines[0]);
        assertTrue(lines[1].startsWith("  " + tmp.resolve("load.csv") + " (csv): changed (19 "
                + "bytes, SHA-256 "), lines[1]);
        assertFalse(stdout.contains(scenario + " (scenario)"), stdout);
        assertTrue(stdout.contains("results: differ from the recorded ones:\n  full "
                + "socialWelfare: "), stdout);
        assertTrue(Files.exists(tmp.resolve("again").resolve("summary.json")));
    }

    @Test
    void aFileThatIsNotAnAgoraSummaryIsRefused() throws IOException {
        Path other = Files.writeString(tmp.resolve("other.json"), "{\"name\": \"x\"}");
        assertEquals(ExitCodes.FAILED, agora("replay", other.toString()));
        assertEquals("cannot replay " + other + ": it is not a summary.json that 'agora run "
                + "--out' wrote\n", stderr);
    }

    @Test
    void aSummaryWithoutTheRunsCommandLineIsRefused() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode summary = (ObjectNode) mapper.readTree(out.resolve("summary.json").toFile());
        ((ObjectNode) summary.get("options")).remove("arguments");
        Path edited = tmp.resolve("edited.json");
        mapper.writeValue(edited.toFile(), summary);
        assertEquals(ExitCodes.FAILED, agora("replay", edited.toString()));
        assertTrue(stderr.startsWith("cannot replay " + edited + ": it does not record the "
                + "command line of an 'agora run'"), stderr);
    }
}
