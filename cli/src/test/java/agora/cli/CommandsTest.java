package agora.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agora.compiler.CompileResult;
import agora.compiler.Compiler;
import agora.scenario.Scenario;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands on the two-community scenario of {@link TestScenarios}. */
class CommandsTest {
    @TempDir
    Path tmp;

    private CliHarness cli(String design) throws IOException {
        return new CliHarness(tmp, TestScenarios.compiled(TestScenarios.twoCommunities(design)));
    }

    @Test
    void checkSummarisesTheScenario() throws IOException {
        CliHarness cli = cli("hybrid");
        assertEquals(ExitCodes.OK, cli.run("check", "FILE"), cli.err);
        List<String> lines = cli.out.lines().toList();
        assertEquals("scenario \"two communities\" (" + cli.file + ")", lines.get(0));
        assertEquals("4 peers: 2 consumers, 1 producer, 1 grid", lines.get(1));
        assertEquals("2 collectives (2 communities), depth 1", lines.get(2));
        assertEquals("0 buses, 0 lines", lines.get(3));
        assertEquals("tariffs: fee every trade 0.5 $/MWh; fee c1 <-> c2 2 $/MWh", lines.get(4));
        assertEquals("4 steps of 15 min from 2013-06-01T06:00 to 2013-06-01T06:45 (Δt = 0.25 h)",
                lines.get(5));
        assertEquals("market: design hybrid, solve admm", lines.get(6));
        assertEquals("trading pairs per design:", lines.get(7));
        // community: the root links each community to the grid; two pools of 2 and 1 members.
        // full: w1 with d1, d2 and g; g with d1 and d2 (not d1-d2: two consumers).
        // hybrid: g, c1, c2 pairwise.
        assertTrue(lines.contains("  community  2 trading pairs, 2 pools (3 members)"), cli.out);
        assertTrue(lines.contains("  full       5 trading pairs"), cli.out);
        assertTrue(lines.contains("  hybrid     3 trading pairs, 2 pools (3 members) "
                + "(the scenario's design)"), cli.out);
    }

    @Test
    void anUnknownBackendNotCheckedWhileCompilingIsStillShownAtItsName() throws IOException {
        // a loader that does not check the market block's names: Choices reports the backend,
        // rendered like a compiler diagnostic (position, source line, caret, count)
        Path file = Files.writeString(tmp.resolve("b.agora"), "scenario \"b\"\n"
                + "time from 2024-01-01 00:00 step 7 s count 2\nproducer p { output = 1 MW }\n"
                + "market { solve centralized with gurobi }\n");
        CliHarness cli = new CliHarness(tmp, (f, params) -> Compiler.compile(file, params));
        assertEquals(ExitCodes.FAILED, cli.run("check", "FILE"));
        assertTrue(cli.err.startsWith(file + ":4:33: error[E0802]: unknown backend 'gurobi'\n"
                + " 4 | market { solve centralized with gurobi }\n"
                + "   |                                 ^^^^^^\n"
                + "   = hint: registered backends: "), cli.err);
        assertTrue(cli.err.endsWith("\n1 error\n"), cli.err);
    }

    @Test
    void aStepOfSecondsShowsItsLengthInHoursRounded() throws IOException {
        // 7 s = 0.0019444... h: six significant digits, marked as rounded
        Path file = Files.writeString(tmp.resolve("s.agora"), "scenario \"s\"\n"
                + "time from 2024-01-01 00:00 step 7 s count 2\nmarket { solve admm }\n");
        CliHarness cli = new CliHarness(tmp, (f, params) -> Compiler.compile(file, params));
        assertEquals(ExitCodes.OK, cli.run("check", "FILE"), cli.err);
        assertTrue(cli.out.contains("2 steps of 7 s from 2024-01-01T00:00 to 2024-01-01T00:00:07"
                + " (Δt ≈ 0.00194444 h)\n"), cli.out);
    }

    @Test
    void compileErrorsAreRenderedAndExitOne() throws IOException {
        CliHarness cli = new CliHarness(tmp, TestScenarios.failed());
        assertEquals(ExitCodes.FAILED, cli.run("check", "FILE"));
        assertEquals("two.agora:2:4: error[E0201]: undefined peer 'built'\n"
                + " 2 | // built in code for tests\n"
                + "   |    ^^^^^\n"
                + "   = hint: did you mean 'w1'?\n"
                + "1 error\n", cli.err);
        assertEquals("", cli.out);
    }

    @Test
    void theScenariosOwnDesignMustApply() throws IOException {
        Scenario noGrid = withoutGrid("community");
        CompileResult result = new CompileResult(Optional.of(noGrid),
                TestScenarios.compiled(noGrid).diagnostics(),
                TestScenarios.compiled(noGrid).sources());
        CliHarness cli = new CliHarness(tmp, result);
        assertEquals(ExitCodes.FAILED, cli.run("check", "FILE"));
        assertTrue(cli.err.contains("error[E0603]"), cli.err);
        assertFalse(cli.err.contains("Exception"), cli.err);
    }

    @Test
    void checkSaysWhyOtherDesignsDoNotApply() throws IOException {
        CliHarness cli = new CliHarness(tmp, TestScenarios.compiled(withoutGrid("full")));
        assertEquals(ExitCodes.OK, cli.run("check", "FILE"), cli.err);
        assertTrue(cli.out.contains("3 peers: 2 consumers, 1 producer\n"), cli.out);
        // without the grid, w1 trades with d1 and d2 only
        assertTrue(cli.out.contains("  full       2 trading pairs (the scenario's design)\n"),
                cli.out);
        assertTrue(cli.out.contains("  community  does not apply: "), cli.out);
        assertTrue(cli.out.contains("  hybrid     does not apply: "), cli.out);
    }

    @Test
    void benchReportsEachDesignAndSolver() throws IOException {
        CliHarness cli = cli("community");
        assertEquals(ExitCodes.OK, cli.run("bench", "FILE", "--designs", "community,hybrid",
                "--modes", "admm", "--steps", "2", "--tolerance", "1e-6"), cli.err);
        List<String> rows = cli.out.lines().filter(l -> l.contains(" admm ")).toList();
        assertEquals(2, rows.size(), cli.out);
        assertTrue(rows.get(0).startsWith("community "), cli.out);
        assertTrue(rows.get(1).startsWith("hybrid "), cli.out);
        assertTrue(cli.out.contains("peak heap [MiB]"), cli.out);
    }

    private static Scenario withoutGrid(String design) {
        Scenario s = TestScenarios.twoCommunities(design);
        return new Scenario(s.span(), s.name(), s.currency(), s.time(), s.params(),
                s.peers().subList(1, s.peers().size()), s.collectives(), s.tariffs(), s.network(),
                s.market(), s.sourceHash(), s.files());
    }

    @Test
    void compileEmitsJsonWithTopologyAndTradingLinks() throws IOException {
        CliHarness cli = cli("hybrid");
        Path json = tmp.resolve("out/scenario.json");
        assertEquals(ExitCodes.OK, cli.run("compile", "FILE", "--emit", "json", "-o",
                json.toString()), cli.err);
        JsonNode doc = new ObjectMapper().readTree(json.toFile());
        assertEquals("two communities", doc.get("scenario").asText());
        assertEquals("producer", doc.get("peers").get(1).get("kind").asText());
        assertEquals("c1", doc.get("peers").get(1).get("collective").asText());
        assertEquals(5.0, doc.get("peers").get(1).get("pmax").get("value").asDouble());
        assertEquals("-inf", doc.get("peers").get(0).get("pmin").get("value").asText());
        assertEquals(2.0, doc.get("tariffs").get("collectiveFees").get(0).get("feePerMWh").asDouble());
        JsonNode hybridRoot = doc.get("topology").get("designs").get("hybrid").get("markets").get(0);
        assertEquals(3, hybridRoot.get("links").size());
        // c1-c2: γ 0.5 plus the 2 $/MWh fee between the two communities, on each side
        JsonNode c1c2 = hybridRoot.get("links").get(2);
        assertEquals("c1", c1c2.get("a").asText());
        assertEquals("c2", c1c2.get("b").asText());
        assertEquals(2.5, c1c2.get("costA").asDouble());
        assertEquals(2.5, c1c2.get("costB").asDouble());
        assertEquals(6, doc.get("topology").get("collectiveTree").get("edges").size());
    }

    @Test
    void compileEmitsYamlAndDot() throws IOException {
        CliHarness cli = cli("hybrid");
        assertEquals(ExitCodes.OK, cli.run("compile", "FILE", "--emit", "yaml"), cli.err);
        assertTrue(cli.out.startsWith("scenario: two communities\n"), cli.out);
        assertEquals(ExitCodes.OK, cli.run("compile", "FILE", "--emit", "dot"), cli.err);
        assertTrue(cli.out.startsWith("strict digraph G {") || cli.out.startsWith("digraph G {"),
                cli.out);
        // 6 tree arrows (root to c1, c2, g; c1 to w1, d1; c2 to d2), 3 dashed trading lines of the hybrid root market
        assertEquals(3, cli.out.lines().filter(l -> l.contains("style=\"dashed\"")).count(), cli.out);
        assertEquals(9, cli.out.lines().filter(l -> l.contains(" -> ")).count(), cli.out);
        assertTrue(cli.out.contains("label=\"two communities — design hybrid\";"), cli.out);
        assertTrue(cli.out.contains("n4 [ label=\"w1\\nproducer\""), cli.out);
    }

    @Test
    void runAllDesignsPrintsThePaperTableAndWritesOutputs() throws IOException {
        CliHarness cli = cli("community");
        Path out = tmp.resolve("results");
        int code = cli.run("run", "FILE", "--design", "all", "--tolerance", "1e-6", "--out",
                out.toString());
        assertEquals(ExitCodes.OK, code, cli.err);
        // units chosen from the magnitudes: the two communities' hour is dollars and MWh
        assertTrue(cli.out.contains("Total SW [$]"), cli.out);
        assertTrue(cli.out.contains("Exchange between collectives [MWh]"), cli.out);
        assertTrue(cli.out.contains("energy = MW × Δt (Δt = 0.25 h)"), cli.out);

        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        JsonNode designs = summary.get("designs");
        assertEquals(List.of("full", "community", "hybrid"), iterator(designs));
        // Worked out in TestScenarios' terms, per 15-min step (Δt = 0.25 h):
        // full: w1 sells 2 to d1 and 3 to d2, fees 0.5 on both sides of 5 MW:
        //   objective 50 - 196 - 261 + 5 = -402 $/h, welfare 100.5 per step, 402 in 4 steps;
        //   w1 (c1) -> d2 (c2) is exchange between collectives: 3 MW · 1 h = 3 MWh.
        // community (formulation (2)): w1 sells d1's 2 MW through the pool (γ 0.5 on both pool
        //   trades) and exports 3 MW at 40; d2 imports 3 MW at 60; no γ on trades with the grid:
        //   objective -407 + 60 (grid) + 2 (pool fees) = -345 $/h, 345 in 4 steps;
        //   import cost 60·3·1 h = 180 $, export revenue 40·3 = 120 $, import = export = 3 MWh.
        // hybrid (formulation (3)): inside c1, w1 meets d1 through the manager without γ; c1 sells
        //   its 3 MW to c2 (fees 2.5 a side beat the grid's 20 $/MWh spread):
        //   objective -407 + 15 (c1-c2) = -392 $/h, 392 in 4 steps; exchange 3 MWh.
        assertNear(402, designs.get("full").get("socialWelfare").asDouble());
        assertNear(3, designs.get("full").get("exchangeBetweenCollectives").asDouble());
        assertNear(0, designs.get("full").get("totalImport").asDouble());
        assertNear(345, designs.get("community").get("socialWelfare").asDouble());
        assertNear(180, designs.get("community").get("importCost").asDouble());
        assertNear(120, designs.get("community").get("exportRevenue").asDouble());
        assertNear(3, designs.get("community").get("totalImport").asDouble());
        assertNear(3, designs.get("community").get("totalExport").asDouble());
        assertNear(392, designs.get("hybrid").get("socialWelfare").asDouble());
        assertNear(3, designs.get("hybrid").get("exchangeBetweenCollectives").asDouble());
        for (String d : List.of("full", "community", "hybrid")) {
            assertNear(5, designs.get(d).get("totalLoad").asDouble()); // (2 + 3) MW · 1 h
            assertTrue(designs.get(d).get("budgetMaxImbalance").asDouble() < 1e-2, d);
            assertEquals("admm", designs.get(d).get("solve").get("solver").asText());
        }
        assertEquals("7", summary.get("scenario").get("params").get("seed").asText());
        assertEquals("1.0E-6", summary.get("options").get("tolerance").asText());
        // 4 steps × (full 4 peers + community 4 + hybrid 4) + header
        assertEquals(1 + 3 * 4 * 4, Files.readAllLines(out.resolve("peers.csv")).size());
        assertEquals(1 + 3 * 4, Files.readAllLines(out.resolve("steps.csv")).size());
    }

    @Test
    void allAddsTheScenariosOwnDesignWhenItIsNotOneOfThePapers() throws IOException {
        CliHarness cli = cli("nested");
        Path out = tmp.resolve("all");
        assertEquals(ExitCodes.OK, cli.run("run", "FILE", "--design", "all", "--tolerance", "1e-6",
                "--out", out.toString()), cli.err);
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(List.of("full", "community", "hybrid", "nested"), iterator(summary.get("designs")));
    }

    @Test
    void aDesignListRunsInTheOrderGivenAndNamesEachDesignOnce() throws IOException {
        CliHarness cli = cli("community");
        Path out = tmp.resolve("list");
        assertEquals(ExitCodes.OK, cli.run("run", "FILE", "--design", "hybrid, full", "--tolerance",
                "1e-6", "--out", out.toString()), cli.err);
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(List.of("hybrid", "full"), iterator(summary.get("designs")));

        assertEquals(ExitCodes.USAGE, cli.run("run", "FILE", "--design", "full,hybrid,full"));
        assertEquals("agora run: --design 'full,hybrid,full' names 'full' twice\n", cli.err);
        assertEquals(ExitCodes.USAGE, cli.run("trades", "FILE", "--peer", "d2", "--from",
                "2013-06-01T06:15", "--to", "2013-06-01T06:15", "--design", "all,community"));
        assertEquals("agora trades: --design 'all,community' names 'community' twice (all stands "
                + "for full, community, hybrid)\n", cli.err);
        assertEquals(ExitCodes.USAGE, cli.run("bench", "FILE", "--designs", "full,"));
        assertEquals("agora bench: --design 'full,' has an empty name; separate names with single "
                + "commas, for example full,community\n", cli.err);
    }

    /** Issue 15, item 7: an ADMM penalty of 1e308 "converged" in one round at absurd prices. */
    @Test
    void solverOptionsOutsideTheirRangeAreUsageErrorsNamingTheRange() throws IOException {
        CliHarness cli = cli("full");
        assertEquals(ExitCodes.USAGE, cli.run("run", "FILE", "--rho", "1e308"));
        assertEquals("agora run: --rho: 'rho' must lie between 1e-6 and 1000000, found 1.0E308\n",
                cli.err);
        assertEquals(ExitCodes.USAGE, cli.run("run", "FILE", "--tolerance", "0.5"));
        assertTrue(cli.err.contains("'tolerance' must lie between 1e-12 and 0.01"), cli.err);
        assertEquals(ExitCodes.USAGE, cli.run("run", "FILE", "--iterations", "0"));
        assertTrue(cli.err.contains("'iterations' must lie between 1 and 100000000"), cli.err);
    }

    @Test
    void tradesShowOnePeersPartners() throws IOException {
        CliHarness cli = cli("full");
        Path csv = tmp.resolve("trades.csv");
        int code = cli.run("trades", "FILE", "--peer", "d2", "--from", "2013-06-01T06:15",
                "--to", "2013-06-01T06:30", "--design", "all", "--tolerance", "1e-6", "--out",
                csv.toString());
        assertEquals(ExitCodes.OK, code, cli.err);
        assertTrue(cli.out.contains("full: trades of d2"), cli.out);
        assertTrue(cli.out.contains("a pool does not split trades by partner"), cli.out);
        List<String> lines = Files.readAllLines(csv);
        assertEquals("step,time,design,market,kind,seller,buyer,energy_mwh,price_per_mwh",
                lines.get(0));
        // full: d2 buys 3 MW (0.75 MWh in 15 min) from w1, 2 steps (its link with g carries
        // nothing); community: its trade with the outside through c2's manager at the grid's
        // import price 60, without γ (its pool trade carries nothing), 2 steps; hybrid: its trade
        // through the manager only (a pool trade would cost γ for nothing), 2 steps
        assertEquals(1 + 2 + 2 + 2, lines.size(), String.join("\n", lines));
        assertTrue(lines.contains("1,2013-06-01T06:15:00,full,market,bilateral,w1,d2,0.75,46.2681"),
                String.join("\n", lines));
        assertTrue(lines.contains("1,2013-06-01T06:15:00,community,c2,pool,market,d2,0.75,60"),
                String.join("\n", lines));

        // with --all-trades also the trades that carry nothing: d2's link with g, its pool trade
        Path all = tmp.resolve("all-trades.csv");
        assertEquals(ExitCodes.OK, cli.run("trades", "FILE", "--peer", "d2", "--from",
                "2013-06-01T06:15", "--to", "2013-06-01T06:30", "--design", "all", "--tolerance",
                "1e-6", "--all-trades", "--out", all.toString()), cli.err);
        List<String> allLines = Files.readAllLines(all);
        assertEquals(1 + 2 * 2 + 2 * 2 + 2, allLines.size(), String.join("\n", allLines));
        assertTrue(allLines.contains("1,2013-06-01T06:15:00,community,c2,pool,d2,c2,0,65.125"),
                String.join("\n", allLines));
    }

    @Test
    void tradesTakeAPeerNumberAndCompareThePapersDesignsByDefault() throws IOException {
        CliHarness cli = cli("full");
        // peers in declaration order: g, w1, d1, d2; no --design: full, community and hybrid
        int code = cli.run("trades", "FILE", "--peer", "4", "--from", "2013-06-01T06:15",
                "--to", "2013-06-01T06:15", "--tolerance", "1e-6");
        assertEquals(ExitCodes.OK, code, cli.err);
        for (String d : List.of("full", "community", "hybrid")) {
            assertTrue(cli.out.contains(d + ": trades of d2"), cli.out);
        }
    }

    private static void assertNear(double expected, double actual) {
        assertEquals(expected, actual, 1e-3 * Math.max(1, Math.abs(expected)));
    }

    private static List<String> iterator(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
