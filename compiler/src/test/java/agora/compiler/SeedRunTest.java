package agora.compiler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agora.scenario.Peer;
import agora.scenario.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** agora sweep --seeds: every seeded generator moves to another run of its random numbers together. */
class SeedRunTest {
    private static final String SCENARIO = """
            scenario "seeded"
            time from 2019-07-01 00:00 step 1 h count 48
            producer pv { bounds = solar(capacity: 5 MW, seed: 7) .. solar(capacity: 5 MW, seed: 7); cost = 0 $/MWh * p }
            consumer home { bounds = -household_load(peak: 3 MW) .. 0 MW; cost = 0.1 $/MW²h * p² + 60 $/MWh * p }
            consumer flat { bounds = -2 MW .. 0 MW; cost = 0.1 $/MW²h * p² + 60 $/MWh * p }
            market { design full solve centralized with ipm }
            """;

    @TempDir
    Path dir;

    @Test
    void runOneIsTheFileAsWrittenAndRunTwoMovesEveryGenerator() throws Exception {
        Path file = dir.resolve("seeded.agora");
        Files.writeString(file, SCENARIO);
        Scenario written = compile(file, null);
        Scenario one = compile(file, SeedRun.AS_WRITTEN);
        Scenario two = compile(file, new SeedRun(2));
        for (String name : new String[] {"pv", "home"}) {
            assertArrayEquals(peer(written, name).pmin().values(), peer(one, name).pmin().values(), name);
            assertFalse(Arrays.equals(peer(one, name).pmin().values(), peer(two, name).pmin().values()), name);
        }
        // a profile without a generator stays as it is
        assertArrayEquals(peer(one, "flat").pmin().values(), peer(two, "flat").pmin().values());
        // and the run is the same every time
        assertArrayEquals(peer(two, "pv").pmax().values(), peer(compile(file, new SeedRun(2)), "pv").pmax().values());
    }

    @Test
    void runsStartAtOne() {
        assertThrows(IllegalArgumentException.class, () -> new SeedRun(0));
        assertThrows(IllegalArgumentException.class, () -> new SeedRun(SeedRun.MAX_RUN + 1));
        assertTrue(new SeedRun(SeedRun.MAX_RUN).seed(1) < 9.007199254740992E15); // still exact
    }

    private static Scenario compile(Path file, SeedRun run) {
        CompileResult r = run == null ? Compiler.compile(file, Map.of())
                : Compiler.compile(file, Map.of(), MarketNames.UNCHECKED, run);
        if (!r.succeeded()) {
            throw new AssertionError(r.renderDiagnostics());
        }
        return r.scenario().orElseThrow();
    }

    private static Peer peer(Scenario s, String name) {
        return s.peer(name).orElseThrow();
    }
}
