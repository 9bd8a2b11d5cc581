package agora.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agora.diagnostics.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per diagnostic the compiler reports, with the exact message: other tools (golden
 * files of invalid examples) depend on these texts, so a change here is a deliberate one.
 */
class DiagnosticsTest {
    /** Two lines every snippet starts with: the snippet's own text begins on line 3. */
    private static final String HEADER = "scenario \"t\"\ntime from 2024-01-01 00:00 step 1 h count 4\n";

    @TempDir
    Path dir;

    private CompileResult compile(String body, Map<String, String> overrides) {
        CompileResult result = Compiler.compileText("t.agora", HEADER + body, overrides, dir);
        assertFalse(result.succeeded(), "compiled without errors:\n" + body);
        return result;
    }

    private List<String> headlines(String body) {
        return compile(body, Map.of()).diagnostics().sorted().stream().map(Diagnostic::headline).toList();
    }

    private String rendered(String body) {
        return compile(body, Map.of()).renderDiagnostics();
    }

    // ------------------------------------------------------------------------ E01 syntax

    @Test
    void e0101SyntaxError() {
        assertEquals(List.of("t.agora:3:11: error[E0101]: unexpected '{', expected a name"),
                headlines("community { }"));
    }

    @Test
    void e0101ExpressionNestedTooDeeplyHasAPosition() {
        // 3000 signs: the 257th, at column 12 + 257, would open the 257th level of nesting
        String body = "profile x = " + "-".repeat(3000) + "1";
        assertEquals(List.of("t.agora:3:269: error[E0101]: expression nested too deeply"), headlines(body));
        assertEquals("an expression may nest at most 256 levels (parentheses, signs, operators, conditionals,"
                + " calls); name inner parts with 'param' or 'profile'",
                compile(body, Map.of()).diagnostics().all().get(0).hint());
    }

    // ------------------------------------------------------------------ E02 names, imports

    @Test
    void aBrokenTimeStatementHidesNoNameErrorsInPeers() throws IOException {
        // hourly dates: on the stand-in horizon they would not fit, and must not be blamed
        Files.writeString(dir.resolve("load.csv"), "time,load\n2024-01-01 00:00,1\n2024-01-01 01:00,2\n");
        CompileResult result = Compiler.compileText("t.agora", "scenario \"t\"\n"
                + "time from 2024-01-01 00:00 step 1 h count 0\n"
                + "foo p1 { output = 1 MW }\n"
                + "producer p2 { output = q }\n"
                + "consumer d1 { bounds = -csv(\"load.csv\", column: \"load\", scale: 1 MW) .. 0 MW }\n"
                + "consumer d2 { bounds = -1 MWh .. 0 MW }\n", Map.of(), dir);
        assertEquals(List.of(
                "t.agora:2:43: error[E0303]: the step count must be a whole number of at least 1, found 0",
                "t.agora:3:1: error[E0201]: unknown kind 'foo'",
                "t.agora:4:24: error[E0201]: undefined name 'q'",
                "t.agora:6:24: error[E0302]: a bound must be a power (MW), found an energy (MWh)"),
                result.diagnostics().sorted().stream().map(Diagnostic::headline).toList());
    }

    @Test
    void e0201UndefinedNameWithHint() {
        assertEquals("""
                t.agora:3:13: error[E0201]: undefined name 'pric'
                 3 | profile x = pric
                   |             ^^^^
                   = hint: did you mean 'price'?
                1 error
                """, rendered("profile x = pric\nprofile price = 3 $/MWh"));
    }

    @Test
    void e0201UnknownKindListsTheKinds() {
        assertEquals("""
                t.agora:3:1: error[E0201]: unknown kind 'housegold'
                 3 | housegold d1 { }
                   | ^^^^^^^^^
                   = hint: kinds: producer, consumer, prosumer, grid, storage
                1 error
                """, rendered("housegold d1 { }"));
    }

    @Test
    void e0201UndefinedMemberAndFeeCollective() {
        assertEquals(List.of(
                "t.agora:3:34: error[E0201]: undefined peer or collective 'gg'",
                "t.agora:4:14: error[E0201]: 'g' is a peer, not a collective"),
                headlines("community a clears pool { member gg }\ntariff { fee g <-> a = 1 $/MWh }\n"
                        + "producer g { output = 1 MW }"));
    }

    @Test
    void e0202DuplicateNames() {
        assertEquals(List.of(
                "t.agora:4:10: error[E0202]: duplicate peer or collective 'g'",
                "t.agora:6:9: error[E0202]: duplicate name 'x'"),
                headlines("producer g { output = 1 MW }\nconsumer g { bounds = -1 MW .. 0 MW }\n"
                        + "param x = 1\nprofile x = 2"));
    }

    @Test
    void e0202BoundSetTwice() {
        assertEquals(List.of("t.agora:3:37: error[E0202]: pmin is set twice: by 'bounds' and by 'pmin'"),
                headlines("producer g { bounds = 0 MW .. 1 MW; pmin = 0 MW }"));
    }

    @Test
    void e0203UnknownModule() {
        assertEquals("""
                t.agora:3:1: error[E0203]: unknown module 'std.ieee41'
                 3 | import std.ieee41
                   | ^^^^^^^^^^^^^^^^^
                   = hint: did you mean 'std.ieee14'?
                1 error
                """, rendered("import std.ieee41"));
    }

    @Test
    void e0204ImportCycle() throws IOException {
        Files.writeString(dir.resolve("a.agora"), "import \"b.agora\"\n");
        Files.writeString(dir.resolve("b.agora"), "import \"a.agora\"\n");
        CompileResult result = Compiler.compileText("main.agora", "import \"a.agora\"\n", Map.of(), dir);
        assertEquals(List.of("b.agora:1:1: error[E0204]: import cycle: a.agora -> b.agora -> a.agora"),
                result.diagnostics().sorted().stream().map(Diagnostic::headline).toList());
    }

    @Test
    void e0205ImportedFileMissing() {
        assertEquals(List.of("t.agora:3:1: error[E0205]: cannot read imported file 'missing.agora'"),
                headlines("import \"missing.agora\""));
    }

    @Test
    void e0206UnknownParameterOnTheCommandLine() {
        assertEquals("""
                --set y: error[E0206]: unknown parameter 'y'
                  = hint: did you mean 'x'?
                1 error
                """, compile("param x = 1", Map.of("y", "2")).renderDiagnostics());
    }

    @Test
    void e0207CyclicDefinitions() {
        assertEquals(List.of("t.agora:4:13: error[E0207]: 'a' is defined in terms of itself: a -> b -> a"),
                headlines("profile a = b\nprofile b = a"));
        assertEquals(List.of("t.agora:3:6: error[E0207]: kind 'a' extends itself: a -> b -> a"),
                headlines("kind a : b { }\nkind b : a { }"));
    }

    @Test
    void e0208MissingTimeAndName() {
        CompileResult result = Compiler.compileText("t.agora", "param x = 1\n", Map.of(), dir);
        assertEquals(List.of(
                "t.agora:1:1: error[E0208]: the scenario has no time axis",
                "t.agora:1:1: error[E0208]: the scenario has no name"),
                result.diagnostics().sorted().stream().map(Diagnostic::headline).toList());
    }

    // --------------------------------------------------------------------- E03 units, values

    @Test
    void e0301UnknownUnit() {
        assertEquals("""
                t.agora:3:15: error[E0301]: unknown unit 'MWhh'
                 3 | profile x = 3 MWhh
                   |               ^^^^
                   = hint: did you mean 'MWh'?
                1 error
                """, rendered("profile x = 3 MWhh"));
    }

    @Test
    void e0302LinearPriceAsQuadraticCoefficient() {
        assertEquals("""
                t.agora:3:44: error[E0302]: the coefficient of p² must be in $/MW²h, found $/MWh
                 3 | producer g { bounds = 0 MW .. 5 MW; cost = 7.3 $/MWh * p² + 130 $/MWh * p }
                   |                                            ^^^^^^^^^^^^^^
                1 error
                """, rendered("producer g { bounds = 0 MW .. 5 MW; cost = 7.3 $/MWh * p² + 130 $/MWh * p }"));
    }

    @Test
    void e0302DimensionsOfSumsAndBounds() {
        assertEquals(List.of(
                "t.agora:3:13: error[E0302]: cannot add a price ($/MWh) to a power (MW)",
                "t.agora:4:23: error[E0302]: a bound must be a power (MW), found a plain number"),
                headlines("profile a = 3 MW + 2 $/MWh\nproducer g { bounds = 0 .. 5 MW }"));
    }

    @Test
    void e0302ParameterOverrideOfTheWrongDimension() {
        assertEquals(List.of("--set x: error[E0302]: parameter 'x' must be a power (MW), found a price ($/MWh) ('2 $/MWh')"),
                compile("param x = 1 MW", Map.of("x", "2 $/MWh")).diagnostics().sorted().stream()
                        .map(Diagnostic::headline).toList());
    }

    @Test
    void e0303InvalidValues() {
        assertEquals(List.of(
                "t.agora:3:36: error[E0303]: cost must be at most quadratic in p, found a term in p^3",
                "t.agora:4:69: error[E0303]: the capacity of a line cannot be negative, found -1 MW"),
                headlines("producer g { output = 1 MW; cost = 1 $/MW²h * p^3 }\n"
                        + "network { bus 1 .. 2; line l from 1 to 2 { r = 0, x = 1, capacity = -1 MW } }"));
    }

    @Test
    void e0303NumbersBeyondTheLargestDoubleAreErrorsWhereTheyArise() {
        // 1e400 reads as infinity, 1e308 GW is 1e311 MW, 1e308 MW * 10 overflows: each would have
        // reached the solver as an infinite bound, cost or price
        assertEquals(List.of(
                "t.agora:3:31: error[E0303]: number too large: the largest Agora can hold is about 1.8e308",
                "t.agora:4:31: error[E0303]: overflow: the result exceeds the largest number Agora can hold,"
                        + " about 1.8e308",
                "t.agora:5:44: error[E0303]: number too large: the largest Agora can hold is about 1.8e308",
                "t.agora:6:25: error[E0303]: number too large: the largest Agora can hold is about 1.8e308",
                "t.agora:7:13: error[E0303]: number too large once converted to MW: the largest Agora can hold"
                        + " is about 1.8e308",
                "t.agora:8:36: error[E0303]: cost of 'q' is too large: its terms add up beyond the largest"
                        + " number Agora can hold, about 1.8e308"),
                headlines("""
                        producer p { bounds = 0 MW .. 1e400 MW }
                        producer r { bounds = 0 MW .. 1e308 MW * 10 }
                        producer s { bounds = 0 MW .. 1 MW; cost = 1e400 $/MWh * p }
                        grid g { import price = 1e400 $/MWh; export price = 1 $/MWh }
                        profile x = 1e308 GW
                        producer q { output = 1 MW; cost = 1e308 $/MWh * p + 1e308 $/MWh * p }"""));
    }

    @Test
    void e0303DivisionByAProfileThatIsZeroAtAStep() {
        // solar output is 0 at midnight: 1 MW / 0 would be infinite at the first step
        assertEquals(List.of("t.agora:3:20: error[E0303]: division by zero at 2024-01-01 00:00 (step 0)"),
                headlines("profile w = 1 MW / solar(capacity: 1 MW, seed: 1)"));
    }

    @Test
    void e0303HorizonBeyondTheYear9999() {
        CompileResult r = Compiler.compileText("t.agora", "scenario \"t\"\n"
                + "time from 2024-01-01 00:00 step 1e15 h count 4\n", Map.of(), dir);
        assertEquals(List.of("t.agora:2:33: error[E0303]: a time step of 1e15 h from 2024-01-01 00:00 ends after"
                + " 9999-12-31 23:59"), r.diagnostics().sorted().stream().map(Diagnostic::headline).toList());
    }

    @Test
    void numbersInMessagesAreWrittenInFullOrInCompactScientificNotation() {
        // 2147483648 was printed "2147480000" (six digits); 1e12 and 1e300 as "1E+12" and "1E+300"
        CompileResult r = Compiler.compileText("t.agora", "scenario \"t\"\n"
                + "time from 2024-01-01 00:00 step 1 h count 2147483648\n"
                + "producer p { bounds = 1e12 MW .. 1e10 MW }\nmarket { threads 1e300 }\n", Map.of(), dir);
        assertEquals(List.of(
                "t.agora:2:43: error[E0303]: the step count must be a whole number of at least 1, found 2147483648",
                "t.agora:4:18: error[E0803]: 'threads' must be a whole number of at least 0, found 1e300"),
                r.diagnostics().sorted().stream().map(Diagnostic::headline).toList());
        assertEquals(List.of("t.agora:3:10: error[E0502]: bounds of 'p' cross: pmin 1000000000000 MW > pmax 10000000000 MW"),
                headlines("producer p { bounds = 1e12 MW .. 1e10 MW }"));
    }

    @Test
    void e0304TypeMismatch() {
        assertEquals(List.of("t.agora:3:13: error[E0304]: cannot apply '*' to a string and a plain number"),
                headlines("profile a = \"x\" * 2"));
    }

    @Test
    void e0305MagnitudeBeyondTheRangeAgoraTakes() throws IOException {
        Files.writeString(dir.resolve("spot.csv"), "price\n50\n50\n2e18\n50\n");
        // a household of 1.8e305 MW ran to welfare -Infinity under ADMM
        assertEquals(List.of(
                "t.agora:4:19: error[E0305]: 'peak' of peer 'h2' is out of range: 1.7976931348623156e305 MW is"
                        + " beyond the largest magnitude Agora takes, 1e15 MW",
                "t.agora:5:31: error[E0305]: a bound is out of range: 2e15 MW is beyond the largest magnitude"
                        + " Agora takes, 1e15 MW",
                "t.agora:6:44: error[E0305]: cost of 'q' is out of range: the coefficient of p is 1e16 $/MWh,"
                        + " beyond the largest magnitude Agora takes, 1e15 $/MWh",
                "t.agora:8:25: error[E0305]: the import price is out of range at 2024-01-01 02:00 (step 2):"
                        + " 2e18 $/MWh is beyond the largest magnitude Agora takes, 1e15 $/MWh"),
                headlines("""
                        kind house: consumer { peak = 1 kW; bounds = -peak .. 0 MW }
                        house h2 { peak = 1.7976931348623157e308 kW }
                        producer p { bounds = 0 MW .. 2e15 MW }
                        producer q { bounds = 0 MW .. 1 MW; cost = 1e16 $/MWh * p }
                        profile spot = csv("spot.csv", column: "price", scale: 1 $/MWh)
                        grid g { import price = spot; export price = 0 $/MWh }
                        """));
    }

    // ----------------------------------------------------------------- E04 profiles, files

    @Test
    void e0401ProfileShorterThanTheHorizon() throws IOException {
        Files.writeString(dir.resolve("short.csv"), "time,price\n0,50\n1,51\n2,52\n");
        assertEquals(List.of("t.agora:3:13: error[E0401]: column \"price\" of 'short.csv' has 3 values, "
                + "fewer than the 4 steps of the horizon"),
                headlines("profile p = csv(\"short.csv\", column: \"price\") * 1 $/MWh"));
    }

    @Test
    void e0402To0404CsvProblemsComeFromTheReader() throws IOException {
        Files.writeString(dir.resolve("p.csv"), "time,price\n0,50\n1,x\n2,52\n3,53\n");
        assertEquals(List.of(
                "t.agora:3:13: error[E0402]: cannot find CSV file 'nofile.csv'",
                "t.agora:4:13: error[E0403]: 'p.csv' has no column \"prize\" in its first line",
                "t.agora:5:13: error[E0404]: cannot read 'x' as a number in column 2 of p.csv at line 3"),
                headlines("profile a = csv(\"nofile.csv\", column: 2)\n"
                        + "profile b = csv(\"p.csv\", column: \"prize\")\n"
                        + "profile c = csv(\"p.csv\", column: 2, skip: 1)"));
    }

    @Test
    void csvValuesAreScaledAndCutToTheHorizon() throws IOException {
        Files.writeString(dir.resolve("p.csv"), "time,price\n0,50\n1,51\n2,52\n3,53\n4,54\n");
        CompileResult r = Compiler.compileText("t.agora", HEADER
                + "grid g { import price = csv(\"p.csv\", column: \"price\", scale: 1 $/kWh)\n"
                + "         export price = 0 $/MWh }", Map.of(), dir);
        // 50 $/kWh = 50 000 $/MWh; the fifth line is beyond the 4-step horizon
        assertEquals(List.of(50_000.0, 51_000.0, 52_000.0, 53_000.0), java.util.Arrays.stream(
                r.scenario().orElseThrow().peer("g").orElseThrow().importPrice().values()).boxed().toList());
    }

    @Test
    void e0405UnknownGeneratorAnd0406BadArguments() {
        assertEquals(List.of(
                "t.agora:3:13: error[E0405]: unknown function 'solr'",
                "t.agora:4:19: error[E0406]: solar has no parameter 'capacty'",
                "t.agora:5:13: error[E0406]: solar needs 'capacity'"),
                headlines("profile a = solr(capacity: 3 MW)\nprofile b = solar(capacty: 3 MW)\n"
                        + "profile c = solar(seed: 3)"));
    }

    // --------------------------------------------------------------------------- E05 peers

    @Test
    void e0501PeerAtUnknownBusAnd0604LineToUnknownBus() {
        assertEquals("""
                t.agora:4:19: error[E0604]: line 'l' ends at bus 4, which is not in the network
                 4 |  line l from 1 to 4 { r = 0, x = 1 } }
                   |                   ^
                   = hint: the network has buses 1..3
                t.agora:5:19: error[E0501]: bus 7 is not in the network
                 5 | producer g at bus 7 { output = 1 MW }
                   |                   ^
                   = hint: the network has buses 1..3
                2 errors
                """, rendered("network { bus 1 .. 3\n line l from 1 to 4 { r = 0, x = 1 } }\n"
                + "producer g at bus 7 { output = 1 MW }"));
    }

    @Test
    void e0502CrossedConstantBounds() {
        assertEquals(List.of("t.agora:3:10: error[E0502]: bounds of 'g' cross: pmin 6 MW > pmax 5 MW"),
                headlines("producer g { bounds = 6 MW .. 5 MW }"));
    }

    @Test
    void e0502CrossedProfileBoundsNameTheFirstStep() throws IOException {
        // steps start 2024-01-01 00:00, 1 h apart: the third value (step 2) crosses
        Files.writeString(dir.resolve("cap.csv"), "t,cap\n0,5\n1,5\n2,1\n3,0.5\n");
        assertEquals(List.of("t.agora:3:10: error[E0502]: bounds of 'g' cross at 2024-01-01 02:00 (step 2): "
                + "pmin 2 MW > pmax 1 MW"),
                headlines("producer g { bounds = 2 MW .. csv(\"cap.csv\", column: \"cap\", scale: 1 MW) }"));
    }

    @Test
    void e0503NonConvexCost() {
        assertEquals(List.of("t.agora:3:44: error[E0503]: cost of 'g' is not convex: the coefficient of p² is -1 $/MW²h"),
                headlines("producer g { bounds = 0 MW .. 5 MW; cost = -1 $/MW²h * p² + 130 $/MWh * p }"));
    }

    @Test
    void e0504ProducerConsumesAnd0505ConsumerProduces() {
        assertEquals(List.of(
                "t.agora:3:10: error[E0504]: producer 'g' may consume: pmin -1 MW < 0",
                "t.agora:4:10: error[E0505]: consumer 'd' may produce: pmax 5 MW > 0"),
                headlines("producer g { bounds = -1 MW .. 5 MW }\nconsumer d { bounds = -1 MW .. 5 MW }"));
    }

    @Test
    void e0506GridWithoutPricesAnd0507CrossedPrices() {
        assertEquals(List.of(
                "t.agora:3:6: error[E0506]: grid peer 'g' needs 'export price = ...'",
                "t.agora:4:6: error[E0507]: import price of 'h' is below its export price: 5 $/MWh < 6 $/MWh"),
                headlines("grid g { import price = 5 $/MWh }\n"
                        + "grid h { import price = 5 $/MWh; export price = 6 $/MWh }"));
    }

    @Test
    void e0507CrossedPriceProfilesNameTheStep() throws IOException {
        Files.writeString(dir.resolve("export.csv"), "t,price\n0,0\n1,5\n2,12\n3,3\n");
        assertEquals(List.of("t.agora:3:6: error[E0507]: import price of 'g' is below its export price at "
                + "2024-01-01 02:00 (step 2): 10 $/MWh < 12 $/MWh"),
                headlines("grid g { import price = 10 $/MWh\n"
                        + "         export price = csv(\"export.csv\", column: \"price\", scale: 1 $/MWh) }"));
    }

    @Test
    void e0508MissingBoundsAndLineReactance() {
        assertEquals(List.of(
                "t.agora:3:10: error[E0508]: peer 'g' has no bounds",
                "t.agora:4:28: error[E0508]: line 'l' needs 'x = ...' (p.u.)"),
                headlines("producer g { }\nnetwork { bus 1 .. 2; line l from 1 to 2 { r = 0 } }"));
    }

    @Test
    void e0509UnknownPropertyWithHint() {
        assertEquals("""
                t.agora:4:8: error[E0509]: peer 'd1' has no property 'laod_max'
                 4 | h d1 { laod_max = 3 MW }
                   |        ^^^^^^^^
                   = hint: did you mean 'load_max'?
                1 error
                """, rendered("kind h : consumer { load_max = 2 MW; bounds = -load_max .. 0 MW }\n"
                + "h d1 { laod_max = 3 MW }"));
    }

    @Test
    void e0509GridTakesNoBoundsAndOnlyGridsHavePrices() {
        assertEquals(List.of(
                "t.agora:3:17: error[E0509]: grid peer 'g' takes no 'pmax': its net position is free",
                "t.agora:4:29: error[E0509]: only a grid peer has an import price; 'p' is a producer"),
                headlines("grid g { pmax = 3 MW; import price = 1 $/MWh; export price = 0 $/MWh }\n"
                        + "producer p { output = 1 MW; import price = 1 $/MWh }"));
    }

    // -------------------------------------------------------------------- E06 collectives

    @Test
    void e0601NestingCycle() {
        assertEquals(List.of("t.agora:4:34: error[E0601]: collectives contain each other: a contains b contains a"),
                headlines("community a clears pool { member b }\ncommunity b clears pool { member a }"));
    }

    @Test
    void e0602EmptyCollective() {
        assertEquals(List.of("t.agora:3:11: error[E0602]: community 'c' has no members"),
                headlines("community c clears pool { }"));
    }

    @Test
    void e0605MemberTwice() {
        assertEquals(List.of("t.agora:5:34: error[E0605]: 'g' is already a member of 'a'"),
                headlines("producer g { output = 1 MW }\ncommunity a clears pool { member g }\n"
                        + "community b clears pool { member g }"));
        assertEquals(List.of("t.agora:3:63: error[E0605]: 'g' is already a member of 'a'"),
                headlines("community a clears pool { producer g { output = 1 MW } member g }"));
    }

    // ----------------------------------------------------------- E07 tariffs, preferences

    @Test
    void e0701NegativePreference() {
        assertEquals(List.of("t.agora:3:53: error[E0701]: a preference cannot be negative, found -2 $/MWh"),
                headlines("producer g { output = 1 MW; prefers energy green by -2 $/MWh }"));
    }

    @Test
    void e0702NegativeFee() {
        assertEquals(List.of(
                "t.agora:5:24: error[E0702]: a fee cannot be negative, found -2 $/MWh",
                "t.agora:5:52: error[E0702]: the fee on every trade cannot be negative, found -0.001 $/MWh"),
                headlines("community a clears pool { producer g { output = 1 MW } }\n"
                        + "community b clears pool { consumer d { bounds = -1 MW .. 0 MW } }\n"
                        + "tariff { fee a <-> b = -2 $/MWh; fee every trade = -0.001 $/MWh }"));
    }

    // --------------------------------------------------------------------------- E08 market

    @Test
    void e0803BadOption() {
        assertEquals(List.of(
                "t.agora:3:20: error[E0803]: 'tolerance' must be positive, found -1",
                "t.agora:4:9: error[E0803]: 'threads' must be a whole number of at least 0, found 1.5",
                "t.agora:5:12: error[E0803]: 'time limit' must be positive, found 0 h",
                "t.agora:7:1: error[E0202]: 'design' is set twice"),
                headlines("market { tolerance -1\nthreads 1.5\ntime limit 0 s\ndesign full\ndesign hybrid }"));
    }

    @Test
    void aMistakeIsReportedOnceEvenWhenItsExpressionFeedsSeveralValues() {
        // 'output' sets pmin and pmax; a kind's property is evaluated for each of its peers
        assertEquals(List.of(
                "t.agora:3:26: error[E0405]: unknown function 'solr'",
                "t.agora:4:24: error[E0304]: cannot apply '*' to a power (MW) and a string",
                "t.agora:5:30: error[E0304]: cannot apply '*' to a power (MW) and a string"),
                headlines("""
                        producer roof { output = solr(capacity: 5 kW, seed: 1) }
                        producer r2 { output = 1 MW * "x" }
                        kind k : producer { output = 1 MW * "y" }
                        k a
                        k b"""));
    }

    @Test
    void aPeersValueOfAKindPropertyMustHaveTheTypeOfTheKindsDefault() {
        // margin feeds 'import price = price + margin' in std/peers.agora: the error belongs to the
        // user's margin, and the two follow-up errors in std/peers.agora are not shown
        assertEquals("""
                t.agora:5:44: error[E0302]: 'margin' of peer 'g' must be a price ($/MWh), as in kind \
                'grid_connection', found a quantity ($/MW)
                 5 | grid_connection g { price = spot; margin = 10 $/MW }
                   |                                            ^^^^^^^
                   = hint: kind 'grid_connection' sets margin = 10 $/MWh (std/peers.agora:81:5)
                t.agora:6:19: error[E0304]: 'capacity' of peer 'r' must be a power (MW), as in kind 'pv', \
                found a string
                 6 | pv r { capacity = "big" }
                   |                   ^^^^^
                   = hint: kind 'pv' sets capacity = 1 MW (std/peers.agora:18:5)
                2 errors
                """, rendered("""
                        import std.peers
                        profile spot = 50 $/MWh
                        grid_connection g { price = spot; margin = 10 $/MW }
                        pv r { capacity = "big" }"""));
    }

    @Test
    void anErrorInAKindsExpressionNamesThePeerValuesItUses() {
        // a profile is the right dimension for pv's capacity, but solar() needs a constant
        List<Diagnostic> d = compile("import std.peers\npv roof { capacity = solar(capacity: 1 MW); seed = 2 }",
                Map.of()).diagnostics().sorted();
        assertEquals(List.of("std/peers.agora:20:30: error[E0303]: 'capacity' must be a constant, found a profile"),
                d.stream().map(Diagnostic::headline).toList());
        assertEquals("evaluated for peer 'roof' (t.agora:4:1), which sets 'capacity'", d.get(0).hint());
    }

    @Test
    void e0302ConditionalBranchesOfDifferentDimensionsOrTypes() {
        // only the taken branch is evaluated (the other might read a missing file), but both
        // must have one type: csv(...) with scale 1 MW is a power, wholesale_price a price
        assertEquals(List.of(
                "t.agora:3:13: error[E0302]: the branches of a conditional must have the same dimension,"
                        + " found a power (MW) and a price ($/MWh)",
                "t.agora:4:13: error[E0304]: the branches of a conditional must have the same type,"
                        + " found a string and a plain number",
                "t.agora:6:13: error[E0302]: the branches of a conditional must have the same dimension,"
                        + " found a power (MW) and a price ($/MWh)"),
                headlines("""
                        profile a = 1 MW > 2 MW ? 3 MW : 4 $/MWh
                        profile b = 1 < 2 ? "x" : 3
                        param d = ""
                        profile e = d ? csv(d + "/x.csv", column: 1, scale: 1 MW) : wholesale_price(mean: 50 $/MWh)
                        profile f = d ? csv(d + "/x.csv", column: 1, scale: 1 $/MWh) : wholesale_price(mean: 50 $/MWh)
                        producer p { output = 1 MW }"""));
    }

    @Test
    void e0606LineToItselfAndADuplicateLineWithOtherErrors() {
        // the second 'l' ends at an unknown bus, and is still reported as a duplicate
        assertEquals(List.of(
                "t.agora:4:18: error[E0606]: line 'l' connects bus 1 to itself",
                "t.agora:5:6: error[E0202]: duplicate line 'l'",
                "t.agora:5:18: error[E0604]: line 'l' ends at bus 9, which is not in the network"),
                headlines("network { bus 1 .. 3\nline l from 1 to 1 { r = 1, x = 1 }\n"
                        + "line l from 1 to 9 { r = 1, x = 1 } }\nproducer p { output = 1 MW }"));
    }

    @Test
    void e0703APeerPreferringItselfAsPartner() {
        assertEquals(List.of("t.agora:3:45: error[E0703]: peer 'p' prefers itself as a partner"),
                headlines("producer p { output = 1 MW; prefers partner p by 1 $/MWh }"));
    }

    @Test
    void e0801And0802UnknownDesignAndBackendAtTheirNamesAmongOtherErrors() {
        MarketNames registered = new MarketNames(java.util.Set.of("full", "community", "hybrid"),
                java.util.Set.of("ojalgo", "ortools"));
        CompileResult r = Compiler.compileText("t.agora", HEADER
                + "producer p { output = 1 MW * \"x\" }\nmarket {\n design hybird\n solve centralized with gurobi\n}\n",
                Map.of(), registered, dir);
        assertEquals("""
                t.agora:3:23: error[E0304]: cannot apply '*' to a power (MW) and a string
                 3 | producer p { output = 1 MW * "x" }
                   |                       ^^^^^^^^^^
                t.agora:5:9: error[E0801]: unknown market design 'hybird'
                 5 |  design hybird
                   |         ^^^^^^
                   = hint: did you mean 'hybrid'? registered designs: community, full, hybrid
                t.agora:6:25: error[E0802]: unknown backend 'gurobi'
                 6 |  solve centralized with gurobi
                   |                         ^^^^^^
                   = hint: registered backends: ojalgo, ortools
                3 errors
                """, r.renderDiagnostics());
        // nothing registered: say where to look; unchecked names are left to the tool
        CompileResult none = Compiler.compileText("t.agora", HEADER + "market { solve centralized with x }",
                Map.of(), new MarketNames(null, java.util.Set.of()), dir);
        assertEquals("no backend is registered (is the backend jar on the class path?)",
                none.diagnostics().all().get(0).hint());
        assertTrue(Compiler.compileText("t.agora", HEADER + "market { design x }", Map.of(), dir).succeeded());
    }

    @Test
    void allErrorsOfARunAreReported() {
        List<String> codes = compile("profile a = pric\nproducer g { bounds = 6 MW .. 5 MW }\n"
                + "community c clears pool { }\ntariff { fee every trade = -1 $/MWh }", Map.of())
                .diagnostics().sorted().stream().map(d -> d.code().code()).toList();
        assertEquals(List.of("E0201", "E0502", "E0602", "E0702"), codes);
    }
}
