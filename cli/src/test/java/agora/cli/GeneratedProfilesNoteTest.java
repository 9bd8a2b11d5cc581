package agora.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run on generated profiles says so (and how to read data instead), as the IEEE 14-bus example
 * does without {@code --set data_dir=...}; a run on data says nothing.
 */
class GeneratedProfilesNoteTest {
    private static final String SCENARIO = """
            scenario "solar or data"
            time from 2024-06-01 10:00 step 1 h count 2
            param data_dir = ""
            profile sun = data_dir != "" ? csv(data_dir + "/pv.csv", column: 2, skip: 1) * 1 MW
                                         : solar(capacity: 5 MW, seed: 4)
            producer pv { output = sun }
            consumer d { bounds = -3 MW .. 0 MW; cost = 0.1 $/MW²h * p² + 60 $/MWh * p }
            grid g { import price = 50 $/MWh; export price = 20 $/MWh }
            """;

    @TempDir
    Path tmp;
    private String err;

    private int agora(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        CliContext ctx = new CliContext(ScenarioLoader.COMPILER, new PrintWriter(o, true),
                new PrintWriter(e, true), false, "test");
        int code = Main.execute(ctx, args);
        err = e.toString();
        return code;
    }

    @Test
    void generatedProfilesAreNamedWithTheParameterThatReadsData() throws IOException {
        Path scenario = Files.writeString(tmp.resolve("s.agora"), SCENARIO);
        assertEquals(ExitCodes.OK, agora("run", scenario.toString()), err);
        assertEquals("note: this run's profiles are generated (solar, seeded), not measured; to "
                + "read data instead, give its empty parameter --set data_dir=...\n", err);
    }

    @Test
    void aRunOnDataSaysNothing() throws IOException {
        Path scenario = Files.writeString(tmp.resolve("s.agora"), SCENARIO);
        Files.writeString(tmp.resolve("pv.csv"), "t,pv\n0,1.5\n1,2\n");
        assertEquals(ExitCodes.OK, agora("run", scenario.toString(), "--set",
                "data_dir=" + tmp), err);
        assertEquals("", err);
    }
}
