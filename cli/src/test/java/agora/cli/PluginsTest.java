package agora.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agora.compiler.MarketCompiler;
import agora.diagnostics.Diagnostic;
import agora.market.MarketDesign;
import agora.plugin.testing.PluginJars;
import agora.scenario.Scenario;
import agora.solver.SolverBackend;
import agora.topology.Topology;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plug-ins that are not on the command line's class path: a jar compiled here, holding a design
 * ({@code tiny}: the community design's tree, built by calling {@code CommunityDesign}) and a
 * backend ({@code relay}: hands every model to the default backend), loaded with
 * {@code --plugins DIR} or {@code AGORA_PLUGINS}.
 */
class PluginsTest {
    private static final String DESIGN = """
            package tiny;

            import agora.market.DesignException;
            import agora.market.MarketDesign;
            import agora.market.MarketTree;
            import agora.market.designs.CommunityDesign;
            import agora.topology.Topology;

            public final class TinyDesign implements MarketDesign {
                @Override
                public String name() {
                    return "tiny";
                }

                @Override
                public String description() {
                    return "the community design under a name of its own";
                }

                @Override
                public MarketTree lower(Topology topology) throws DesignException {
                    return new CommunityDesign().lower(topology);
                }
            }
            """;
    private static final String BACKEND = """
            package tiny;

            import agora.solver.Capabilities;
            import agora.solver.QpModel;
            import agora.solver.QpSolution;
            import agora.solver.SolverBackend;
            import agora.solver.SolverBackends;
            import agora.solver.SolverOptions;

            public final class RelayBackend implements SolverBackend {
                private final SolverBackend inner = SolverBackends.byName("%s");

                @Override
                public String name() {
                    return "relay";
                }

                @Override
                public Capabilities capabilities() {
                    return inner.capabilities();
                }

                @Override
                public QpSolution solve(QpModel model, SolverOptions options) {
                    return inner.solve(model, options);
                }
            }
            """.formatted(MarketCompiler.DEFAULT_BACKEND);

    @TempDir
    static Path shared;
    static Path plugins;

    @TempDir
    Path tmp;

    @BeforeAll
    static void buildThePluginJar() throws IOException {
        plugins = Files.createDirectories(shared.resolve("plugins"));
        Map<String, byte[]> classes = PluginJars.compile(shared.resolve("javac"),
                Map.of("tiny.TinyDesign", DESIGN, "tiny.RelayBackend", BACKEND),
                MarketDesign.class, Topology.class, Scenario.class, SolverBackend.class,
                Diagnostic.class);
        PluginJars.write(plugins.resolve("tiny.jar"), classes,
                PluginJars.services(MarketDesign.class, "tiny.TinyDesign"),
                PluginJars.services(SolverBackend.class, "tiny.RelayBackend"));
    }

    private CliHarness cli(String design) throws IOException {
        return new CliHarness(tmp, TestScenarios.compiled(TestScenarios.twoCommunities(design)));
    }

    @Test
    void aPluginDesignIsLabelledWithItsOwnNameBesideTheDesignItIsBuiltWith() throws IOException {
        CliHarness cli = cli("community");
        Path out = tmp.resolve("results");
        assertEquals(ExitCodes.OK, cli.run("run", "FILE", "--plugins", plugins.toString(),
                "--design", "community,tiny", "--tolerance", "1e-6", "--out", out.toString()), cli.err);
        JsonNode designs = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).get("designs");
        assertEquals(List.of("community", "tiny"), fieldNames(designs));
        // the same tree, so the same welfare (CommandsTest works out 345 $ for community)
        for (String d : List.of("community", "tiny")) {
            assertEquals(345, designs.get(d).get("socialWelfare").asDouble(), 0.5, d);
        }
        assertEquals(List.of("community", "tiny"), tableRows(cli.out));
        assertEquals(4, Files.readAllLines(out.resolve("steps.csv")).stream()
                .filter(l -> l.split(",")[2].equals("tiny")).count());
    }

    @Test
    void allIsThePapersDesignsThenTheScenariosOwnInRunTradesAndBench() throws IOException {
        CliHarness cli = cli("tiny");
        String dir = plugins.toString();
        assertEquals(ExitCodes.OK, cli.run("run", "FILE", "--plugins", dir, "--design", "all",
                "--tolerance", "1e-6"), cli.err);
        assertEquals(List.of("full", "community", "hybrid", "tiny"), tableRows(cli.out));

        assertEquals(ExitCodes.OK, cli.run("trades", "FILE", "--plugins", dir, "--peer", "d2",
                "--from", "2013-06-01T06:15", "--to", "2013-06-01T06:15", "--tolerance", "1e-6"), cli.err);
        assertEquals(List.of("full", "community", "hybrid", "tiny"), cli.out.lines()
                .filter(l -> l.endsWith("/MWh)")).map(l -> l.substring(0, l.indexOf(':'))).toList());

        assertEquals(ExitCodes.OK, cli.run("bench", "FILE", "--plugins", dir, "--designs", "all",
                "--modes", "admm", "--steps", "1", "--tolerance", "1e-6"), cli.err);
        assertEquals(List.of("full", "community", "hybrid", "tiny"), cli.out.lines()
                .filter(l -> l.contains(" admm ")).map(l -> l.substring(0, l.indexOf(' '))).toList());
    }

    @Test
    void aPluginBackendSolvesCentralizedSteps() throws IOException {
        CliHarness cli = cli("community");
        assertEquals(ExitCodes.OK, cli.run("run", "FILE", "--plugins", plugins.toString(),
                "--solve", "centralized", "--backend", "relay"), cli.err);
        assertTrue(cli.out.contains("community: 4 steps in "), cli.out);
        assertTrue(cli.out.contains(" with centralized/relay; "), cli.out);
    }

    @Test
    void checkAndCompileListThePluginDesignFromTheEnvironment() throws IOException {
        CliHarness cli = cli("tiny");
        cli.environment = Map.of(PluginArgs.ENVIRONMENT, plugins.toString());
        assertEquals(ExitCodes.OK, cli.run("check", "FILE"), cli.err);
        assertTrue(cli.out.contains("  tiny       2 trading pairs, 2 pools (3 members) "
                + "(the scenario's design)"), cli.out);
        assertEquals(ExitCodes.OK, cli.run("compile", "FILE", "--emit", "dot"), cli.err);
        assertTrue(cli.out.contains("label=\"two communities — design tiny\";"), cli.out);
    }

    @Test
    void theOptionWinsOverTheEnvironment() throws IOException {
        CliHarness cli = cli("tiny");
        cli.environment = Map.of(PluginArgs.ENVIRONMENT, tmp.resolve("nowhere").toString());
        assertEquals(ExitCodes.USAGE, cli.run("check", "FILE"));
        assertEquals("agora check: AGORA_PLUGINS=" + tmp.resolve("nowhere") + ": no such folder\n",
                cli.err);
        assertEquals(ExitCodes.OK, cli.run("check", "FILE", "--plugins", plugins.toString()), cli.err);
    }

    @Test
    void withoutThePluginsItsDesignIsUnknownAndWithThemItIsListed() throws IOException {
        CliHarness cli = cli("community");
        assertEquals(ExitCodes.USAGE, cli.run("run", "FILE", "--design", "tiny"));
        assertFalse(cli.err.contains("tiny,") || cli.err.endsWith("tiny\n"), cli.err);
        assertEquals(ExitCodes.USAGE, cli.run("run", "FILE", "--plugins", plugins.toString(),
                "--design", "tinny"));
        assertTrue(cli.err.startsWith("agora run: unknown market design 'tinny'; did you mean 'tiny'?"),
                cli.err);
        assertEquals(ExitCodes.USAGE, cli.run("run", "FILE", "--plugins", plugins.toString(),
                "--design", "zzz"));
        assertTrue(cli.err.contains("community, full, hybrid, nested, tiny"), cli.err);
    }

    @Test
    void aFolderThatIsMissingOrHoldsNoJarIsAUsageError() throws IOException {
        CliHarness cli = cli("community");
        Path missing = tmp.resolve("missing");
        assertEquals(ExitCodes.USAGE, cli.run("run", "FILE", "--plugins", missing.toString()));
        assertEquals("agora run: --plugins " + missing + ": no such folder\n", cli.err);
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Files.writeString(empty.resolve("README.txt"), "no jar here");
        assertEquals(ExitCodes.USAGE, cli.run("trades", "FILE", "--plugins", empty.toString(),
                "--peer", "d2", "--from", "2013-06-01T06:15", "--to", "2013-06-01T06:15"));
        assertEquals("agora trades: --plugins " + empty + ": the folder holds no .jar file\n", cli.err);
    }

    @Test
    void aJarThatCannotBeLoadedIsNamedWithoutAStackTrace() throws IOException {
        CliHarness cli = cli("community");
        Path dir = Files.createDirectories(tmp.resolve("broken"));
        Files.copy(plugins.resolve("tiny.jar"), dir.resolve("a-good.jar"));
        Path broken = PluginJars.write(dir.resolve("b-broken.jar"),
                PluginJars.services(MarketDesign.class, "tiny.Missing"));
        assertEquals(ExitCodes.USAGE, cli.run("check", "FILE", "--plugins", dir.toString()));
        assertEquals("agora check: " + broken + ": cannot load the market design tiny.Missing: its "
                + "class is not in the jar (Provider tiny.Missing not found)\n", cli.err);

        Path notAJar = Files.createDirectories(tmp.resolve("garbage"));
        Files.writeString(notAJar.resolve("x.jar"), "not a zip file");
        assertEquals(ExitCodes.USAGE, cli.run("check", "FILE", "--plugins", notAJar.toString()));
        assertTrue(cli.err.startsWith("agora check: " + notAJar.resolve("x.jar") + ": not a readable jar ("),
                cli.err);
        assertFalse(cli.err.contains("\tat "), cli.err);
    }

    @Test
    void aPluginThatReusesABuiltInNameIsRefused() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("clash"));
        Map<String, byte[]> classes = PluginJars.compile(tmp.resolve("javac"), Map.of(
                "clash.Community", DESIGN.replace("package tiny;", "package clash;")
                        .replace("class TinyDesign", "class Community")
                        .replace("return \"tiny\";", "return \"community\";")),
                MarketDesign.class, Topology.class, Scenario.class, Diagnostic.class);
        Path jar = PluginJars.write(dir.resolve("clash.jar"), classes,
                PluginJars.services(MarketDesign.class, "clash.Community"));
        CliHarness cli = cli("community");
        assertEquals(ExitCodes.USAGE, cli.run("run", "FILE", "--plugins", dir.toString()));
        assertTrue(cli.err.startsWith("agora run: two market designs are named 'community': "
                + "agora.market.designs.CommunityDesign ("), cli.err);
        assertTrue(cli.err.contains(" and clash.Community (" + jar + ")"), cli.err);
    }

    /** The design column of the results table. */
    private static List<String> tableRows(String out) {
        List<String> lines = out.lines().toList();
        int header = 0;
        while (!lines.get(header).startsWith("Design")) {
            header++;
        }
        List<String> rows = new ArrayList<>();
        for (int i = header + 1; i < lines.size() && !lines.get(i).startsWith("energy = "); i++) {
            if (!lines.get(i).startsWith("-")) {
                rows.add(lines.get(i).split(" ")[0]);
            }
        }
        return rows;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
