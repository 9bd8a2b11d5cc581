package agora.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import agora.compiler.CompileResult;
import agora.compiler.Compiler;
import agora.compiler.MarketNames;
import agora.compiler.SeedRun;
import agora.scenario.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check that an executor compiled what the driver did covers the data files, not only the sources. */
class ScenarioFingerprintTest {
    private static final String SCENARIO = """
            scenario "two peers"
            time from 2019-01-01 00:00 step 1 h count 2
            producer p1 { bounds = 0 MW .. csv("cap.csv", column: "cap", scale: 1 MW); cost = 20 $/MWh * p }
            consumer d1 { bounds = -10 MW .. 0 MW; cost = 0.1 $/MW²h * p² + 60 $/MWh * p }
            market { design full solve centralized with ipm }
            """;

    @TempDir
    Path dir;

    @Test
    void aChangedDataFileChangesTheFingerprintThoughTheSourcesAreTheSame() throws Exception {
        Path file = dir.resolve("two.agora");
        Files.writeString(file, SCENARIO);
        Files.writeString(dir.resolve("cap.csv"), "cap\n5\n6\n");
        Scenario before = compile(file, SeedRun.AS_WRITTEN);
        assertEquals(ScenarioFingerprint.of(before), ScenarioFingerprint.of(compile(file, SeedRun.AS_WRITTEN)));

        Files.writeString(dir.resolve("cap.csv"), "cap\n5\n7\n");
        Scenario after = compile(file, SeedRun.AS_WRITTEN);
        assertEquals(before.sourceHash(), after.sourceHash());
        assertNotEquals(ScenarioFingerprint.of(before), ScenarioFingerprint.of(after));
    }

    @Test
    void anotherSeedRunIsAnotherScenario() {
        Scenario first = compile(SweepHarness.IEEE14, SeedRun.AS_WRITTEN);
        Scenario second = compile(SweepHarness.IEEE14, new SeedRun(2));
        assertEquals(first.sourceHash(), second.sourceHash());
        assertNotEquals(ScenarioFingerprint.of(first), ScenarioFingerprint.of(second));
        assertEquals(ScenarioFingerprint.of(second), ScenarioFingerprint.of(compile(SweepHarness.IEEE14, new SeedRun(2))));
    }

    private static Scenario compile(Path file, SeedRun run) {
        CompileResult r = Compiler.compile(file, Map.of(), MarketNames.UNCHECKED, run);
        if (!r.succeeded()) {
            throw new AssertionError(r.renderDiagnostics());
        }
        return r.scenario().orElseThrow();
    }
}
