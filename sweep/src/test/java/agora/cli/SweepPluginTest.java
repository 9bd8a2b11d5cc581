package agora.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agora.diagnostics.Diagnostic;
import agora.market.MarketDesign;
import agora.plugin.testing.PluginJars;
import agora.scenario.Scenario;
import agora.solver.Origin;
import agora.topology.Topology;
import agora.units.Unit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plug-in designs sweep too: the example plug-in of examples/plugins/peak-fee, compiled here from
 * its sources into a jar that is not on the class path, found through {@code --plugins DIR} or
 * {@code AGORA_PLUGINS}, and loaded by every task from the same path after checking its SHA-256.
 */
class SweepPluginTest {
    private static final Path EXAMPLE = SweepHarness.repo().resolve("examples/plugins/peak-fee");
    private static final String SCENARIO = EXAMPLE.resolve("peak-fee.agora").toString();

    @TempDir
    static Path tmp;
    private static Path plugins;

    @BeforeAll
    static void buildThePluginJar() throws IOException {
        Path sources = EXAMPLE.resolve("src/main/java");
        Map<String, String> java = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String name = sources.relativize(f).toString().replace('/', '.').replaceAll("\\.java$", "");
                java.put(name, Files.readString(f));
            }
        }
        Path services = EXAMPLE.resolve("src/main/resources/META-INF/services/agora.market.MarketDesign");
        plugins = Files.createDirectories(tmp.resolve("plugins"));
        PluginJars.write(plugins.resolve("peak-fee.jar"),
                PluginJars.compile(tmp.resolve("build"), java, MarketDesign.class, Scenario.class,
                        Topology.class, Diagnostic.class, Origin.class, Unit.class),
                Map.of("META-INF/services/agora.market.MarketDesign", Files.readAllBytes(services)));
    }

    @Test
    void thePeakFeePlugInSweepsOverItsFeeWithTheHandWorkedWelfare() throws IOException {
        Path out = tmp.resolve("fees");
        SweepHarness.Result r = SweepHarness.sweep(SCENARIO, "--plugins", plugins.toString(),
                "--vary", "peak_fee=0 $/MWh,30 $/MWh", "--design", "peakfee,community",
                "--master", "local[2]", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        List<Map<String, String>> rows = SweepHarness.csv(out.resolve("sweep.csv"));
        assertEquals(List.of("peakfee", "community", "peakfee", "community"),
                rows.stream().map(row -> row.get("design")).toList());
        // PeakFeeDesignTest's hand-worked hour: without the fee the heat pump takes 4 MW at 50 $/MWh,
        // 360 - 80 - 6 x 50 = -20 $; with 30 $/MWh above 2 MW of import it takes 1 MW: -95 $
        assertEquals(-20, Double.parseDouble(rows.get(0).get("welfare")), 1e-4);
        assertEquals(-95, Double.parseDouble(rows.get(2).get("welfare")), 1e-4);
        // the community design has no fee: the same welfare at both values
        assertEquals(-20, Double.parseDouble(rows.get(3).get("welfare")), 1e-4);
    }

    @Test
    void agoraPluginsFindsThemToo() throws IOException {
        Path out = tmp.resolve("environment");
        SweepHarness.Result r = SweepHarness.sweepWithEnvironment(
                Map.of(PluginArgs.ENVIRONMENT, plugins.toString()), SCENARIO,
                "--vary", "peak_fee=30 $/MWh", "--master", "local[1]", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        Map<String, String> row = SweepHarness.csv(out.resolve("sweep.csv")).get(0);
        assertEquals("peakfee", row.get("design"));
        assertEquals(-95, Double.parseDouble(row.get("welfare")), 1e-4);
    }

    @Test
    void withoutThePluginTheDesignIsUnknownBeforeAnyWork() {
        SweepHarness.Result r = SweepHarness.sweep(SCENARIO, "--vary", "peak_fee=0 $/MWh,30 $/MWh",
                "--master", "local[1]");
        assertEquals(ExitCodes.FAILED, r.exit(), r.err());
        assertTrue(r.err().contains("peakfee"), r.err());
        assertTrue(r.err().contains("2 of 2 variants have errors; nothing was solved"), r.err());
    }

    @Test
    void anExecutorRefusesAJarThatIsNotTheDriversOrIsMissing() throws IOException {
        Path jar = plugins.resolve("peak-fee.jar");
        PluginJar driver = PluginJar.of(List.of(jar)).get(0);
        PluginJar other = new PluginJar(driver.path(), "0".repeat(64));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PluginJar.registries(List.of(other), "executor 7 on a host"));
        assertEquals("plug-in jar " + jar + " on executor 7 on a host is not the one the driver loaded "
                + "(another SHA-256); the executors must see the same files at the same paths", e.getMessage());
        PluginJar missing = new PluginJar(tmp.resolve("nowhere.jar").toString(), driver.sha256());
        e = assertThrows(IllegalStateException.class,
                () -> PluginJar.registries(List.of(missing), "executor 7 on a host"));
        assertTrue(e.getMessage().startsWith("plug-in jar " + missing.path() + " is missing on executor 7"),
                e.getMessage());
        assertTrue(PluginJar.registries(List.of(driver), "the driver").designs().find("peakfee").isPresent());
    }
}
