package agora.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agora.diagnostics.DiagnosticCode;
import agora.scenario.Peer;
import agora.scenario.Preference;
import agora.scenario.QuadraticCost;
import agora.scenario.Scenario;
import agora.scenario.SolveMode;
import agora.scenario.Tariffs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What compiled scenarios mean: units, kinds, conditionals, imports, settings. */
class SemanticsTest {
    private static final String HEADER = "scenario \"t\"\ntime from 2024-01-01 00:00 step 30 min count 4\n";
    private static final double EPS = 1e-12;

    @TempDir
    Path dir;

    private Scenario compile(String body) {
        return compile(body, Map.of());
    }

    private Scenario compile(String body, Map<String, String> overrides) {
        CompileResult r = Compiler.compileText("t.agora", HEADER + body, overrides, dir);
        assertTrue(r.succeeded(), r::renderDiagnostics);
        return r.scenario().orElseThrow();
    }

    @Test
    void unitsAreConvertedToCanonicalOnes() {
        Peer g = compile("producer g { bounds = 500 kW .. 0.002 GW\n"
                + "cost = 0.0073 $/kW²h * p² + 0.13 $/kWh * p + 2 $/h }").peer("g").orElseThrow();
        assertEquals(0.5, g.pmin().at(0), EPS);                 // 500 kW = 0.5 MW
        assertEquals(2, g.pmax().at(0), EPS);                   // 0.002 GW = 2 MW
        assertEquals(7300, g.cost().a(), 1e-9);                 // 0.0073 $/kW²h = 0.0073e6 $/MW²h
        assertEquals(130, g.cost().b(), 1e-9);                  // 0.13 $/kWh = 130 $/MWh
        assertEquals(2, g.cost().c(), EPS);
    }

    @Test
    void bothSpellingsOfTheQuadraticUnitAndRearrangedCosts() {
        Scenario s = compile("producer a { output = 1 MW; cost = 7.3 $/MW^2h * p^2 + 130 $/MWh * p }\n"
                + "producer b { output = 1 MW; cost = p * (p * 7.3 $/MW²h) - (-130 $/MWh) * p - 1 $/h }");
        assertEquals(7.3, s.peer("a").orElseThrow().cost().a(), EPS);
        assertEquals(7.3, s.peer("b").orElseThrow().cost().a(), 1e-12);
        assertEquals(130, s.peer("b").orElseThrow().cost().b(), 1e-12);
        assertEquals(-1, s.peer("b").orElseThrow().cost().c(), EPS);
    }

    @Test
    void scenarioCurrencyReplacesTheDollar() {
        Scenario s = compile("currency \"€\"\ngrid g { import price = 60 €/MWh; export price = 4 €/kWh / 100 }");
        assertEquals("€", s.currency());
        assertEquals(60, s.peer("g").orElseThrow().importPrice().at(0), EPS);
        assertEquals(40, s.peer("g").orElseThrow().exportPrice().at(0), 1e-9); // 4 €/kWh / 100 = 40 €/MWh
    }

    @Test
    void theStandardLibraryWorksInTheScenariosCurrency() {
        // std.peers writes its default prices in $: they mean the scenario's currency
        Scenario s = compile("currency \"€\"\nimport std.peers\n"
                + "household h { peak = 3 kW; seed = 1 }\ngas g { b = 30 €/MWh }\n"
                + "grid_connection net { seed = 2 }");
        assertEquals("€", s.currency());
        assertEquals(30, s.peer("g").orElseThrow().cost().b(), EPS);
        assertEquals(8, s.peer("g").orElseThrow().cost().a(), EPS); // the kind's default 8 $/MW²h
        // the user's own file still takes only the scenario's symbol
        CompileResult dollars = Compiler.compileText("t.agora", HEADER
                + "currency \"€\"\nimport std.peers\ngas g { b = 30 $/MWh }", Map.of(), dir);
        assertFalse(dollars.succeeded());
        assertTrue(dollars.renderDiagnostics().contains("unknown unit '$/MWh'"), dollars::renderDiagnostics);
    }

    @Test
    void kindsLayerAndTheirExpressionsSeeThePeersValues() {
        Scenario s = compile("""
                kind household : consumer {
                    load_max = 2 MW
                    share = 0.5
                    bounds = -load_max .. -share * load_max
                    cost = 10 $/MW²h * p² + 100 $/MWh * p
                }
                kind big_household : household { load_max = 6 MW }
                household h1 { }
                household h2 { load_max = 3.5 MW }
                big_household h3 { share = 0.25 }
                big_household h4 { pmax = -1 MW }
                """);
        assertEquals(-2, s.peer("h1").orElseThrow().pmin().at(0), EPS);
        assertEquals(-1, s.peer("h1").orElseThrow().pmax().at(0), EPS);
        assertEquals(-3.5, s.peer("h2").orElseThrow().pmin().at(0), EPS);
        assertEquals(-1.75, s.peer("h2").orElseThrow().pmax().at(0), EPS);
        // h3: load_max from big_household (6), share from the peer (0.25)
        assertEquals(-6, s.peer("h3").orElseThrow().pmin().at(0), EPS);
        assertEquals(-1.5, s.peer("h3").orElseThrow().pmax().at(0), EPS);
        // h4: the peer's pmax overrides the upper bound of the kind's 'bounds' only
        assertEquals(-6, s.peer("h4").orElseThrow().pmin().at(0), EPS);
        assertEquals(-1, s.peer("h4").orElseThrow().pmax().at(0), EPS);
        assertEquals("big_household", s.peer("h4").orElseThrow().template());
        assertEquals(10, s.peer("h4").orElseThrow().cost().a(), EPS);
    }

    @Test
    void outputMakesAMustTakeProducer() {
        Peer w = compile("producer w { output = 0.5 * solar(capacity: 10 MW, seed: 3) }").peer("w").orElseThrow();
        assertEquals(w.pmin(), w.pmax());
        assertEquals(4, w.pmin().length());
    }

    @Test
    void theUntakenBranchOfAConditionalIsNotEvaluated() {
        // data_dir is "": the csv(...) branch would fail on a missing file if it were read
        Scenario s = compile("""
                param data_dir = ""
                profile price = data_dir != "" ? csv(data_dir + "/price.csv", column: 2) * 1 $/MWh
                                               : 55 $/MWh
                profile other = data_dir ? 1 MW : 2 MW
                producer g { output = other }
                grid n { import price = price + 10 $/MWh; export price = price - 10 $/MWh }
                """);
        assertEquals(65, s.peer("n").orElseThrow().importPrice().at(2), EPS);
        assertEquals(2, s.peer("g").orElseThrow().pmax().at(0), EPS);
    }

    @Test
    void parametersAreOverriddenFromTheCommandLine() throws IOException {
        Files.writeString(dir.resolve("price.csv"), "time,p\n0,50\n1,51\n2,52\n3,53\n");
        Scenario s = compile("""
                param data_dir = ""
                param cap = 30 MW
                profile price = data_dir != "" ? csv(data_dir + "/price.csv", column: 2) * 1 $/MWh
                                               : 55 $/MWh
                producer g { bounds = 0 MW .. cap }
                grid n { import price = price + 10 $/MWh; export price = price - 10 $/MWh }
                """, Map.of("data_dir", dir.toString(), "cap", "500 kW"));
        assertEquals(0.5, s.peer("g").orElseThrow().pmax().at(0), EPS);
        assertEquals(63, s.peer("n").orElseThrow().importPrice().at(3), EPS);
        assertEquals(Map.of("data_dir", dir.toString(), "cap", "500 kW"), s.params());
        assertEquals(List.of("data_dir", "cap"), List.copyOf(s.params().keySet()));
    }

    @Test
    void relativeCsvPathsResolveAgainstTheFileThatContainsTheCall() throws IOException {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Files.writeString(lib.resolve("load.csv"), "t,load\n0,1\n0.5,2\n1,3\n1.5,4\n");
        Files.writeString(lib.resolve("loads.agora"), "profile load = csv(\"load.csv\", column: \"load\", scale: 1 MW)\n");
        Scenario s = compile("import \"lib/loads.agora\"\nconsumer d { bounds = -load .. 0 MW }");
        assertEquals(-4, s.peer("d").orElseThrow().pmin().at(3), EPS);
        assertEquals(List.of("t.agora", Path.of("lib/loads.agora").toString()), s.files());
    }

    @Test
    void csvFilesWithDatesAreReadFromTheRowOfTheHorizonsStart() throws IOException {
        Files.writeString(dir.resolve("price.csv"), "time,price\n"
                + "01/01/2024 00:00,10\n01/01/2024 00:30,11\n01/01/2024 01:00,12\n"
                + "01/01/2024 01:30,13\n01/01/2024 02:00,14\n01/01/2024 02:30,15\n");
        // HEADER: 2024-01-01 00:00, 4 steps of 30 min; this horizon starts an hour later
        String body = "grid g { import price = csv(\"price.csv\", column: \"price\", scale: 1 $/MWh)\n"
                + "export price = 1 $/MWh }";
        CompileResult later = Compiler.compileText("t.agora", "scenario \"t\"\n"
                + "time from 2024-01-01 01:00 step 30 min count 3\n" + body, Map.of(), dir);
        assertTrue(later.succeeded(), later::renderDiagnostics);
        Peer g = later.scenario().orElseThrow().peer("g").orElseThrow();
        assertEquals(List.of(12.0, 13.0, 14.0), List.of(g.importPrice().at(0), g.importPrice().at(1),
                g.importPrice().at(2)));
    }

    @Test
    void csvDatesThatMissTheHorizonAreErrors() throws IOException {
        Files.writeString(dir.resolve("hourly.csv"), "time,price\n2024-01-01 00:00,10\n"
                + "2024-01-01 01:00,11\n2024-01-01 02:00,12\n2024-01-01 03:00,13\n");
        Files.writeString(dir.resolve("gap.csv"), "time,price\n2024-01-01 00:00,10\n"
                + "2024-01-01 00:30,11\n2024-01-01 01:30,12\n2024-01-01 02:00,13\n2024-01-01 02:30,14\n");
        Files.writeString(dir.resolve("late.csv"), "time,price\n2024-01-01 00:30,10\n"
                + "2024-01-01 01:00,11\n2024-01-01 01:30,12\n2024-01-01 02:00,13\n2024-01-01 02:30,14\n");
        assertEquals("'hourly.csv' has a row every 1 h (lines 2 and 3), the horizon a step every 30 min",
                timesError("hourly.csv"));
        assertEquals("line 5 of 'gap.csv' has 2024-01-01 02:00 where the step of 2024-01-01 01:30 belongs:"
                + " its rows are not one every 30 min (a missing or repeated row, daylight saving?)",
                timesError("gap.csv"));
        assertEquals("'late.csv' has no row for the horizon's start 2024-01-01 00:00: its rows begin at "
                + "2024-01-01 00:30, one every 30 min", timesError("late.csv"));
        Files.writeString(dir.resolve("early.csv"), "time,price\n2023-12-31 23:00,10\n2023-12-31 23:30,11\n");
        assertEquals("'early.csv' ends before the horizon's start 2024-01-01 00:00: its rows run from "
                + "2023-12-31 23:00, 2 of them one every 30 min", timesError("early.csv"));
    }

    /** The E0407 message of a grid priced from {@code file} over HEADER's horizon. */
    private String timesError(String file) {
        CompileResult r = Compiler.compileText("t.agora", HEADER + "grid g { import price = csv(\""
                + file + "\", column: 2, scale: 1 $/MWh)\nexport price = 1 $/MWh }", Map.of(), dir);
        assertFalse(r.succeeded());
        return r.diagnostics().all().stream().filter(d -> d.code() == DiagnosticCode.CSV_TIMES_MISMATCH)
                .findFirst().orElseThrow(() -> new AssertionError(r.renderDiagnostics())).message();
    }

    @Test
    void anUnreadableFileSaysWhy() throws IOException {
        Path binary = dir.resolve("binary.agora");
        Files.write(binary, new byte[] {(byte) 0xC3, (byte) 0x28, 'x'}); // not UTF-8
        assertEquals(binary.toAbsolutePath() + " is not UTF-8 text; save it as UTF-8",
                Compiler.compile(binary, Map.of()).diagnostics().all().get(0).hint());
        Files.writeString(dir.resolve("main.agora"), HEADER + "import \"binary.agora\"\nimport \"gone.agora\"\n");
        List<String> hints = Compiler.compile(dir.resolve("main.agora"), Map.of()).diagnostics().all()
                .stream().map(d -> d.hint()).toList();
        assertEquals(List.of(binary.toAbsolutePath() + " is not UTF-8 text; save it as UTF-8",
                "looked for " + dir.resolve("gone.agora").toAbsolutePath()), hints);
    }

    @Test
    void aModuleImportedTwiceIsReadOnce() throws IOException {
        Files.writeString(dir.resolve("a.agora"), "import \"c.agora\"\n");
        Files.writeString(dir.resolve("b.agora"), "import \"c.agora\"\n");
        Files.writeString(dir.resolve("c.agora"), "producer g { output = 1 MW }\n");
        Scenario s = compile("import \"a.agora\"\nimport \"b.agora\"\n");
        assertEquals(1, s.peers().size());
        assertEquals(List.of("t.agora", "a.agora", "c.agora", "b.agora"), s.files());
    }

    @Test
    void membersListedElsewhereAndPreferences() {
        Scenario s = compile("""
                network { bus 1 }
                producer w at bus 1 { output = 1 MW; energy wind, green }
                consumer d at bus 1 { bounds = -2 MW .. 0 MW; prefers partner w by 3 $/MWh; prefers distance by 0.5 $/MWh }
                community c1 clears pool { member w, d; prefers energy green by 2 $/MWh }
                collective outer clears bilateral { member c1; prefers collective c1 by 1 $/MWh }
                """);
        assertEquals(List.of("w", "d"), s.collective("c1").orElseThrow().memberPeers());
        assertEquals("outer", s.collective("c1").orElseThrow().parent());
        assertEquals(List.of("c1"), s.collective("outer").orElseThrow().memberCollectives());
        List<Preference> prefs = s.peer("d").orElseThrow().preferences();
        assertEquals(Preference.Target.PARTNER, prefs.get(0).target());
        assertEquals("w", prefs.get(0).value());
        assertEquals(3, prefs.get(0).costPerMWh(), EPS);
        assertEquals(Preference.Target.DISTANCE, prefs.get(1).target());
        assertEquals("", prefs.get(1).value());
        Preference green = s.collective("c1").orElseThrow().preferences().get(0);
        assertEquals(Preference.Target.ENERGY, green.target());
        assertEquals("green", green.value());
    }

    @Test
    void tariffsAndMarketSettings() {
        Scenario s = compile("""
                network { bus 1 .. 2; line l from 1 to 2 { r = 0.03, x = 0.04 } }
                community a clears pool { producer g at bus 1 { output = 1 MW } }
                community b clears pool { consumer d at bus 2 { bounds = -1 MW .. 0 MW } }
                tariff {
                    fee every trade = 1 $/kWh / 1000
                    fee a <-> b = 2 $/MWh
                    network charge = 0.5 $/MWh per impedance
                }
                market {
                    design community
                    solve admm
                    rho 2.5
                    iterations 300
                    tolerance 1e-5
                    time limit 90 s
                    threads 3
                }
                """);
        Tariffs t = s.tariffs();
        assertEquals(1, t.tradeFee(), 1e-12);   // 1 $/kWh / 1000 = 1 $/MWh
        assertEquals(2, t.collectiveFees().get(0).feePerMWh(), EPS);
        assertTrue(t.collectiveFees().get(0).connects("b", "a"));
        assertEquals(0.5, t.networkCharge(), EPS);
        assertEquals(Tariffs.DistanceMetric.IMPEDANCE, t.distance());
        assertEquals(0.03, s.network().lines().get(0).resistance(), EPS);
        assertEquals(0.04, s.network().lines().get(0).reactance(), EPS);
        assertEquals("community", s.market().design());
        assertEquals(SolveMode.ADMM, s.market().solve());
        assertEquals(2.5, s.market().options().admmRho(), EPS);
        assertEquals(300, s.market().options().admmMaxIterations());
        assertEquals(1e-5, s.market().options().tolerance(), EPS);
        assertEquals(Duration.ofSeconds(90), s.market().options().timeLimit());
        assertEquals(3, s.market().options().threads());
    }

    @Test
    void coefficientsThatAreNoiseAreZeroBeforeAnyBackendSeesThem() {
        // 1.95e-311 $/MWh (a fuzzed cost) made OR-Tools warn that "performance may suffer";
        // 0.3 - 3 × 0.1 $/MWh is -5.6e-17 by round-off
        Scenario s = compile("""
                grid_connection g { import price = 50 $/MWh; export price = 1.95e-311 $/MWh }
                producer p { bounds = 0 MW .. 2 MW; cost = 1.95e-311 $/MWh * p + 2e-14 $/MW²h * p² + 1e-300 $/h }
                consumer d { bounds = -1 MW .. 0 MW; cost = (0.3 $/MWh - 3 * 0.1 $/MWh) * p }
                tariff { fee every trade = 1e-13 $/MWh }
                """.replace("grid_connection g {", "grid g {"));
        assertEquals(new QuadraticCost(0, 0, 0), s.peer("p").orElseThrow().cost());
        assertEquals(new QuadraticCost(0, 0, 0), s.peer("d").orElseThrow().cost());
        assertEquals(0.0, s.peer("g").orElseThrow().exportPrice().at(0));
        assertEquals(0.0, s.tariffs().tradeFee());
        // what is not noise stays as written
        Scenario kept = compile("producer p { bounds = 0 MW .. 2 MW; cost = 1e-12 $/MWh * p + 0.001 $/kW²h * p² }");
        assertEquals(new QuadraticCost(1000, 1e-12, 0), kept.peer("p").orElseThrow().cost());
    }

    @Test
    void marketDefaultsWhenThereIsNoMarketBlock() {
        Scenario s = compile("producer g { output = 1 MW }");
        assertEquals("full", s.market().design());
        assertEquals(SolveMode.CENTRALIZED, s.market().solve());
        assertEquals("ipm", s.market().backend());
        assertEquals(agora.solver.SolverOptions.defaults(), s.market().options());
        assertEquals(Tariffs.NONE, s.tariffs());
    }

    @Test
    void timeAxis() {
        Scenario s = compile("producer g { output = 1 MW }");
        assertEquals(Duration.ofMinutes(30), s.time().step());
        assertEquals(4, s.time().count());
        assertEquals("t", s.name());
        assertEquals(new agora.diagnostics.SourceSpan("t.agora", 1, 1, 12), s.span());
    }

    @Test
    void sourceHashChangesWithTheText() {
        String a = compile("producer g { output = 1 MW }").sourceHash();
        String b = compile("producer g { output = 2 MW }").sourceHash();
        assertEquals(a, compile("producer g { output = 1 MW }").sourceHash());
        assertTrue(!a.equals(b));
    }

    @Test
    void networkChargeNeedsEveryPeersBus() {
        CompileResult r = Compiler.compileText("t.agora", HEADER + "producer g { output = 1 MW }\n"
                + "tariff { network charge = 1 $/MWh per hop }", Map.of(), dir);
        assertEquals(List.of("t.agora:3:1: error[E0508]: peer 'g' has no bus, but network charges and "
                + "distance preferences need one"),
                r.diagnostics().sorted().stream().map(agora.diagnostics.Diagnostic::headline).toList());
    }

    @Test
    void unexpectedFailuresBecomeDiagnostics() {
        CompileResult r = Compiler.compile(dir.resolve("does-not-exist.agora"), Map.of());
        assertEquals(List.of("E0205"), r.diagnostics().all().stream().map(d -> d.code().code()).toList());
    }

    @Test
    void longSumsAndProductsCompileWithoutDeepRecursion() {
        // 4000 terms of 0.0005 MW: pmax = 2 MW; 3000 cost terms of 0.5 $/MWh * p: b = 1500 $/MWh;
        // a product of 3000 ones times 1 MW: pmin = 1 MW (all nest thousands deep to the left)
        String pmax = String.join(" + ", java.util.Collections.nCopies(4000, "0.0005 MW"));
        String cost = String.join(" + ", java.util.Collections.nCopies(3000, "0.5 $/MWh * p"));
        String pmin = String.join(" * ", java.util.Collections.nCopies(3000, "1")) + " * 1 MW";
        Peer p = compile("producer p { bounds = " + pmin + " .. " + pmax + "; cost = " + cost + " }")
                .peer("p").orElseThrow();
        assertEquals(2, p.pmax().at(0), 1e-9);
        assertEquals(1, p.pmin().at(0), EPS);
        assertEquals(1500, p.cost().b(), 1e-9);
        assertTrue(p.pmax().description().startsWith("(".repeat(3998) + "0.0005 MW + 0.0005 MW) + 0.0005 MW)"),
                p.pmax().description().substring(0, 80));
    }
}
