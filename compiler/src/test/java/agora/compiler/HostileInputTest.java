package agora.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import agora.diagnostics.Diagnostic;
import agora.files.TextFiles;
import agora.topology.Topology;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs found by fuzzing that hung or crashed the compiler: each must end, at once, with a
 * positioned error (or compile, when it is valid). Each compiles on a thread with half the
 * stack a JVM thread gets by default, so that the depth the compiler needs keeps a margin. The
 * timeout only keeps a regression from hanging the build (the inputs took minutes, or forever,
 * before their fixes); speed itself is measured in bench/.
 */
class HostileInputTest {
    private static final String HEADER = "scenario \"t\"\ntime from 2024-01-01 00:00 step 1 h count 4\n";
    /** Far beyond what any of these inputs needs now; before the fixes they never returned. */
    private static final Duration GUARD = Duration.ofSeconds(60);
    /** Half the default stack of a JVM thread on 64-bit Linux, macOS and Windows (1 MiB). */
    private static final long STACK_BYTES = 512 * 1024;

    @TempDir
    Path dir;

    private CompileResult compile(String text) {
        return onSmallStack(() -> Compiler.compileText("t.agora", text, Map.of(), dir));
    }

    private static <T> T onSmallStack(Supplier<T> task) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                result.set(task.get());
            } catch (Throwable t) {
                thrown.set(t);
            }
        }, "compile-on-a-small-stack", STACK_BYTES);
        thread.setDaemon(true); // a regression that hangs must not keep the test JVM alive
        thread.start();
        try {
            thread.join(GUARD.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        assertFalse(thread.isAlive(), "did not return within " + GUARD.toSeconds() + " s");
        if (thrown.get() != null) {
            throw new AssertionError(thrown.get());
        }
        return result.get();
    }

    private List<String> headlines(String body) {
        CompileResult result = compile(HEADER + body);
        return result.diagnostics().sorted().stream().map(Diagnostic::headline).toList();
    }

    // ------------------------------------------------------------------ repeated exponents

    @Test
    void aRepeatedExponentOfPIsAnErrorOnceTheDegreePassesTheLimit() {
        // p²² is p⁴, p²²² is p⁸; the fourth ² would make p¹⁶: an error there, before multiplying out
        // (each ² doubled the degree, and the work: 24 of them never returned)
        assertEquals(List.of("t.agora:3:55: error[E0303]: cost must be at most quadratic in p, found a term in p^16"),
                headlines("producer g { bounds = 0 MW .. 1 MW; cost = 1 $/MW²h * p" + "²".repeat(24) + " }"));
        assertEquals(List.of("t.agora:3:44: error[E0303]: cost must be at most quadratic in p, found a term in p^4"),
                headlines("producer g { bounds = 0 MW .. 1 MW; cost = 1 $/MW²h * p²² }"));
    }

    @Test
    void aLongProductOfPIsAnErrorOnceTheDegreePassesTheLimit() {
        assertEquals(List.of("t.agora:3:44: error[E0303]: cost must be at most quadratic in p, found a term in p^9"),
                headlines("producer g { bounds = 0 MW .. 1 MW; cost = 1 $/h * " + "p / 1 MW * ".repeat(5000) + "1 }"));
    }

    @Test
    void aHugeExponentOfAConstantTermInPIsComputedAtOnce() {
        // (p - p + 1 MW) is a constant polynomial: raised to 2^31 - 1 it is one number, not 2^31 products
        CompileResult result = compile(HEADER
                + "producer g { bounds = 0 MW .. 1 MW; cost = 1 $/h * ((p - p) / 1 MW + 1)^2147483647 + 2 $/MWh * p }");
        assertTrue(result.succeeded(), result::renderDiagnostics);
        assertEquals(1, result.scenario().orElseThrow().peers().get(0).cost().c());
    }

    @Test
    void aRepeatedExponentOfAUnitStopsAtThe99thPower() {
        // 32 squares of MW would be MW^(2^32): the integer exponent wrapped to 0, and the unit vanished
        assertEquals(List.of("t.agora:3:13: error[E0303]: cannot raise MW⁶⁴ to the power 2: units go up to the"
                        + " power 99 of MW, h and $"),
                headlines("profile x = (1 MW)" + "²".repeat(32) + "\nproducer g { bounds = 0 MW .. x }"));
    }

    // ------------------------------------------------------------------------------ buses

    @Test
    void busNumbersHaveALimitAndNoRangeLoopsPastIt() {
        // bus 2147483647 looped forever: the int counter wrapped before passing the last bus
        assertEquals(List.of(
                        "t.agora:3:11: error[E0303]: bus numbers go from 1 to 999999, found 2147483647",
                        "t.agora:4:11: error[E0303]: bus numbers go from 1 to 999999, found 2147483647",
                        "t.agora:5:11: error[E0303]: a network has at most 100000 buses, this one would have 999999"),
                headlines("network { bus 2147483647 }\n"
                        + "network { bus 2147483000 .. 2147483647 }\n"
                        + "network { bus 1 .. 999999 }"));
    }

    @Test
    void distancesInALargeNetworkAreFoundWithoutVisitingEveryPairOfBuses() {
        // 5,000 buses in a chain: all pairs by Floyd-Warshall took 125 billion steps (2,000 buses
        // took a minute); the two peers' buses need one shortest-path search each
        int n = 5000;
        StringBuilder text = new StringBuilder(HEADER).append("network {\n  bus 1 .. ").append(n).append('\n');
        for (int i = 1; i < n; i++) {
            text.append("  line l").append(i).append(" from ").append(i).append(" to ").append(i + 1)
                    .append(" { r = 0, x = 0.5 }\n");
        }
        text.append("}\nproducer g at bus 1 { bounds = 0 MW .. 1 MW }\n")
                .append("consumer d at bus ").append(n).append(" { bounds = -1 MW .. 0 MW }\n")
                .append("tariff { network charge = 1 $/MWh per reactance }\n");
        CompileResult result = compile(text.toString());
        assertTrue(result.succeeded(), result::renderDiagnostics);
        Topology topology = onSmallStack(() -> Topology.of(result.scenario().orElseThrow()));
        assertEquals(OptionalDouble.of(0.5 * (n - 1)), topology.peerDistance("g", "d"));
        assertEquals(0.5 * 10, topology.distance(20, 10), 1e-9);
    }

    // ------------------------------------------------------------------- files that are no text

    /** The one error of the text, with its hint: "headline | hint". */
    private String error(String body) {
        List<Diagnostic> errors = compile(HEADER + body).diagnostics().sorted();
        assertEquals(1, errors.size(), () -> errors.toString());
        return errors.get(0).headline() + " | " + errors.get(0).hint();
    }

    @Test
    void aDeviceIsNeitherImportedNorReadAsCsvNorCompiled() {
        assumeTrue(Files.exists(Path.of("/dev/zero")), "a system with /dev/zero");
        // /dev/zero was read until memory ran out
        assertEquals("t.agora:3:1: error[E0205]: cannot read imported file '/dev/zero' | /dev/zero is not a regular"
                + " file (a device, a named pipe or a socket)", error("import \"/dev/zero\""));
        assertEquals("t.agora:3:31: error[E0402]: cannot read CSV file '/dev/zero' | /dev/zero is not a regular"
                        + " file (a device, a named pipe or a socket)",
                error("producer g { bounds = 0 MW .. csv(\"/dev/zero\", column: 1, scale: 1 MW) }"));
        CompileResult main = onSmallStack(() -> Compiler.compile(Path.of("/dev/zero"), Map.of()));
        assertEquals(List.of("/dev/zero: error[E0205]: cannot read scenario file '/dev/zero'"),
                main.diagnostics().all().stream().map(Diagnostic::headline).toList());
    }

    @Test
    void aNamedPipeIsNotOpened() throws Exception {
        // opening a pipe blocks until someone writes to it: it must be refused without opening
        Path fifo = dir.resolve("pipe.agora");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo");
        assertEquals("t.agora:3:1: error[E0205]: cannot read imported file 'pipe.agora' | " + fifo
                + " is not a regular file (a device, a named pipe or a socket)", error("import \"pipe.agora\""));
    }

    @Test
    void aFolderIsNotAFile() throws Exception {
        Files.createDirectory(dir.resolve("data.csv"));
        assertEquals("t.agora:3:1: error[E0205]: cannot read imported file 'data.csv' | " + dir.resolve("data.csv")
                + " is a folder, not a file", error("import \"data.csv\""));
        assertEquals("t.agora:3:31: error[E0402]: cannot read CSV file 'data.csv' | " + dir.resolve("data.csv")
                        + " is a folder, not a file",
                error("producer g { bounds = 0 MW .. csv(\"data.csv\", column: 1, scale: 1 MW) }"));
    }

    @Test
    void aFileBeyondItsSizeLimitIsNotRead() throws Exception {
        // sparse files: their size is known without writing them
        try (RandomAccessFile big = new RandomAccessFile(dir.resolve("big.agora").toFile(), "rw")) {
            big.setLength(TextFiles.Kind.SCENARIO.maxBytes() + 1);
        }
        try (RandomAccessFile big = new RandomAccessFile(dir.resolve("big.csv").toFile(), "rw")) {
            big.setLength(TextFiles.Kind.CSV.maxBytes() + 1);
        }
        assertEquals("t.agora:3:1: error[E0205]: cannot read imported file 'big.agora' | " + dir.resolve("big.agora")
                + " is 16.0 MiB: a scenario file may hold at most 16 MiB", error("import \"big.agora\""));
        assertEquals("t.agora:3:31: error[E0402]: cannot read CSV file 'big.csv' | " + dir.resolve("big.csv")
                        + " is 128.0 MiB: a CSV file may hold at most 128 MiB",
                error("producer g { bounds = 0 MW .. csv(\"big.csv\", column: 1, scale: 1 MW) }"));
    }

    @Test
    void aFileThatIsNotTextIsRefusedBeforeAnyOfItIsShown() throws Exception {
        // /proc/self/environ says it holds 0 bytes, then gives the environment, NUL-separated:
        // parsed as a scenario, its first line (every variable) was the excerpt of a syntax error
        Path environ = Path.of("/proc/self/environ");
        assumeTrue(Files.isReadable(environ), "a system with /proc");
        String imported = error("import \"/proc/self/environ\"");
        assertTrue(imported.startsWith("t.agora:3:1: error[E0205]: cannot read imported file '/proc/self/environ' | "
                + "/proc/self/environ is not a text file: it holds a NUL byte (at byte "), imported);
        Files.write(dir.resolve("binary.csv"), new byte[] {'v', '\n', '1', 0, '\n'});
        assertEquals("t.agora:3:31: error[E0402]: cannot read CSV file 'binary.csv' | " + dir.resolve("binary.csv")
                        + " is not a text file: it holds a NUL byte (at byte 3)",
                error("producer g { bounds = 0 MW .. csv(\"binary.csv\", column: 1, scale: 1 MW) }"));
    }

    // ------------------------------------------------------------------ chains of definitions

    /** {@code profile q0 = q1 + 0 MW}, ..., {@code profile q<n> = 1 MW}, used by a peer. */
    private static String profileChain(int n, String last) {
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 0; i < n; i++) {
            text.append("profile q").append(i).append(" = q").append(i + 1).append(" + 0 MW\n");
        }
        text.append("profile q").append(n).append(" = ").append(last).append('\n');
        return text.append("producer g { bounds = 0 MW .. q0 }\n").toString();
    }

    @Test
    void aLongChainOfProfilesIsEvaluatedWithoutOverflowingTheStack() {
        // 5,000 profiles, each defined by the next: E0901 StackOverflowError before
        CompileResult result = compile(profileChain(5000, "2 MW"));
        assertTrue(result.succeeded(), result::renderDiagnostics);
        assertEquals(2, result.scenario().orElseThrow().peers().get(0).pmax().at(0));
    }

    @Test
    void aLongCycleOfProfilesIsReportedOnceWithItsEnds() {
        CompileResult result = compile(profileChain(5000, "q0"));
        assertEquals(List.of("t.agora:5003:17: error[E0207]: 'q0' is defined in terms of itself: q0 -> q1 -> q2 -> q3 -> q4"
                        + " -> ... (4992 more) -> q4997 -> q4998 -> q4999 -> q5000 -> q0"),
                result.diagnostics().sorted().stream().map(Diagnostic::headline).toList());
    }

    @Test
    void deeplyNestedDefinitionsInALongChainFitOnTheStack() {
        // each definition as deep as the parser allows (a sum nested 250 levels to the right),
        // and the other branch of a conditional typed as deep again: 600 definitions of these
        // would need a stack 600 times as deep as one of them
        StringBuilder text = new StringBuilder(HEADER);
        int n = 600;
        for (int i = 0; i < n; i++) {
            String deep = "(0 MW + ".repeat(120) + "q" + (i + 1) + ")".repeat(120);
            text.append("profile q").append(i).append(" = \"a\" == \"a\" ? ").append(deep).append(" : ")
                    .append(deep).append('\n');
        }
        text.append("profile q").append(n).append(" = 3 MW\nproducer g { bounds = 0 MW .. q0 }\n");
        CompileResult result = compile(text.toString());
        assertTrue(result.succeeded(), result::renderDiagnostics);
        assertEquals(3, result.scenario().orElseThrow().peers().get(0).pmax().at(0));
    }

    @Test
    void aLongChainOfAKindsPropertiesIsEvaluatedToo() {
        // a peer's properties are definitions of its own scope, over its kind's defaults
        StringBuilder text = new StringBuilder(HEADER).append("kind k: producer {\n");
        int n = 5000;
        for (int i = 0; i < n; i++) {
            text.append("  a").append(i).append(" = a").append(i + 1).append(" + 0 MW\n");
        }
        text.append("  a").append(n).append(" = 1 MW\n  bounds = 0 MW .. a0\n}\n")
                .append("k g { a").append(n).append(" = 4 MW }\n")
                // a0's type is found from its default, along the chain, to check h's value against it
                .append("k h { a0 = 5 MW }\n");
        CompileResult result = compile(text.toString());
        assertTrue(result.succeeded(), result::renderDiagnostics);
        assertEquals(4, result.scenario().orElseThrow().peers().get(0).pmax().at(0));
        assertEquals(5, result.scenario().orElseThrow().peers().get(1).pmax().at(0));
    }

    @Test
    void definitionsUsedTwiceByEachOtherAreTypedAndBlamedOnce() {
        // a0 = a1 + a1, a1 = a2 + a2, ...: followed without remembering, 2^60 visits
        StringBuilder text = new StringBuilder(HEADER).append("kind k: producer {\n");
        int n = 60;
        for (int i = 0; i < n; i++) {
            text.append("  a").append(i).append(" = a").append(i + 1).append(" + a").append(i + 1).append('\n');
        }
        text.append("  a").append(n).append(" = 1 MW\n  bounds = 0 MW .. a0 / 1e18\n}\n")
                .append("k g { a").append(n).append(" = 2 MW }\n")
                .append("k h { a0 = 5 MW }\n");
        CompileResult result = compile(text.toString());
        assertTrue(result.succeeded(), result::renderDiagnostics);
        assertEquals(Math.pow(2, n) * 2 / 1e18, result.scenario().orElseThrow().peers().get(0).pmax().at(0), 1e-9);
    }

    @Test
    void aLongChainOfKindsDeclaredFromTheOutermostIsResolvedOnce() {
        // zk0: zk1, zk1: zk2, ...: each kind's chain was walked again from the kind, with a list
        // lookup per step: n³ steps, and 2,600 kinds never finished (found by MutationPropertyTest)
        int n = 4000;
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 0; i < n; i++) {
            text.append("kind zk").append(i).append(": zk").append(i + 1).append('\n');
        }
        text.append("kind zk").append(n).append(": producer { bounds = 0 MW .. 7 MW }\nzk0 g\n");
        CompileResult result = compile(text.toString());
        assertTrue(result.succeeded(), result::renderDiagnostics);
        assertEquals(7, result.scenario().orElseThrow().peers().get(0).pmax().at(0));
        String cycle = text.toString().replace(": producer {", ": zk0 {");
        assertEquals(List.of("t.agora:3:6: error[E0207]: kind 'zk0' extends itself: zk0 -> zk1 -> zk2 -> zk3 -> zk4"
                        + " -> ... (3992 more) -> zk3997 -> zk3998 -> zk3999 -> zk4000 -> zk0"),
                compile(cycle).diagnostics().sorted().stream().map(Diagnostic::headline).toList());
    }

    // ------------------------------------------------------------ chains of files and collectives

    @Test
    void aLongChainOfImportsIsFollowedInALoop() throws Exception {
        // 3,000 files, each importing the next: StackOverflowError (E0901) before
        int n = 3000;
        for (int i = 0; i < n; i++) {
            Files.writeString(dir.resolve("m" + i + ".agora"),
                    i < n - 1 ? "import \"m" + (i + 1) + ".agora\"\n" : "profile last = 6 MW\n");
        }
        CompileResult result = compile(HEADER + "import \"m0.agora\"\nproducer g { bounds = 0 MW .. last }\n");
        assertTrue(result.succeeded(), result::renderDiagnostics);
        assertEquals(6, result.scenario().orElseThrow().peers().get(0).pmax().at(0));
        assertEquals(n + 1, result.sources().names().size());
    }

    /** A grid, a pool of two peers, and collectives c0 ... c<n-1> each listing the next as member. */
    private static String collectiveChain(int n, String lastMember) {
        StringBuilder text = new StringBuilder(HEADER)
                .append("producer p0 { bounds = 0 MW .. 1 MW }\nconsumer d0 { bounds = -1 MW .. 0 MW }\n")
                .append("grid g { import price = 50 $/MWh; export price = 10 $/MWh }\n")
                .append("community c").append(n).append(" clears pool { member p0, d0 }\n");
        for (int i = n - 1; i >= 0; i--) {
            text.append("collective c").append(i).append(" clears bilateral { member ")
                    .append(i == n - 1 ? lastMember : "c" + (i + 1)).append(" }\n");
        }
        return text.toString();
    }

    @Test
    void collectivesListedAsMembersNestAsDeepAsWrittenOnesMay() {
        // 5,000 collectives listing each other: looking for cycles took n³ steps and never ended;
        // the designs would then descend 5,000 levels
        assertEquals(List.of("t.agora:4943:42: error[E0607]: collective 'c64' is nested 65 levels deep"),
                headlines(collectiveChain(5000, "c5000").substring(HEADER.length())));
        assertTrue(compile(collectiveChain(63, "c63")).succeeded(), "64 levels, as written ones may");
    }

    @Test
    void aLongCycleOfCollectivesIsReportedOnceFromItsFirstMember() {
        // c2999 is declared first (line 7) and listed by c2998 (line 8)
        assertEquals(List.of("t.agora:8:44: error[E0601]: collectives contain each other: c2999 contains c0"
                        + " contains c1 contains c2 contains c3 contains ... (2991 more) contains c2995 contains c2996"
                        + " contains c2997 contains c2998 contains c2999"),
                headlines(collectiveChain(3000, "c0").substring(HEADER.length())));
    }

    // ------------------------------------------------------ what diagnostics show of other files

    @Test
    void aHugeCsvCellIsQuotedUpTo120Characters() throws Exception {
        // a 10 MB cell was quoted in full: 10 MB on stderr
        Files.writeString(dir.resolve("big-cell.csv"), "v\n1\n" + "x".repeat(10_000_000) + "\n");
        CompileResult result = compile(HEADER + "producer g { bounds = 0 MW .. csv(\"big-cell.csv\", column: \"v\", scale: 1 MW) }");
        String rendered = result.renderDiagnostics();
        assertTrue(rendered.length() < 1000, () -> rendered.length() + " characters");
        assertTrue(rendered.startsWith("t.agora:3:31: error[E0404]: cannot read '" + "x".repeat(119) + "…' as a number in"
                + " column \"v\" of big-cell.csv at line 3"), rendered);
    }

    @Test
    void controlCharactersOfACsvFileAreNeverEchoed() throws Exception {
        Files.writeString(dir.resolve("escape.csv"), "v\n1\n\u001b]0;title\u0007\u001b[2J\n");
        String rendered = compile(HEADER + "producer g { bounds = 0 MW .. csv(\"escape.csv\", column: 1, scale: 1 MW) }")
                .renderDiagnostics();
        assertTrue(rendered.contains("cannot read ']0;title␇␛[2J' as a number"), rendered); // cells are trimmed
        assertTrue(rendered.chars().noneMatch(c -> c < 0x20 && c != '\n'), rendered);
    }

    @Test
    void theFirstLineOfATextFileThatIsNoCsvIsNotQuoted() throws Exception {
        // csv("/etc/passwd", column: "v", ...) quoted its first line as the file's column names
        String firstLine = "root:x:0:0:root:/root:/bin/bash";
        Files.writeString(dir.resolve("passwd"), firstLine + "\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n");
        String rendered = compile(HEADER + "producer g { bounds = 0 MW .. csv(\"passwd\", column: \"v\", scale: 1 MW) }")
                .renderDiagnostics();
        assertEquals("""
                t.agora:3:31: error[E0403]: 'passwd' has no column "v" in its first line
                 3 | producer g { bounds = 0 MW .. csv("passwd", column: "v", scale: 1 MW) }
                   |                               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
                   = hint: its first line is a single cell, not column names separated by commas; choose the column by position, e.g. column: 1
                1 error
                """, rendered);
        Path passwd = Path.of("/etc/passwd");
        assumeTrue(Files.isReadable(passwd), "a system with /etc/passwd");
        String first = Files.readAllLines(passwd).get(0);
        String system = compile(HEADER + "producer g { bounds = 0 MW .. csv(\"/etc/passwd\", column: \"v\", scale: 1 MW) }")
                .renderDiagnostics();
        assertFalse(system.contains(first), system);
    }

    @Test
    void theEnvironmentIsNeverShown() {
        Path environ = Path.of("/proc/self/environ");
        assumeTrue(Files.isReadable(environ), "a system with /proc");
        String rendered = compile(HEADER + "import \"/proc/self/environ\"").renderDiagnostics();
        for (String variable : System.getenv().keySet()) {
            assertFalse(rendered.contains(variable + "="), variable);
        }
    }

    // --------------------------------------------------- found by the 100,000-mutant campaign

    @Test
    void aProfileWhereTheHorizonIsNotKnownYetIsAnError() {
        // csv(...) in the 'time' statement failed silently, then E0901 ("a part of the scenario
        // is missing without an error"); in a parameter (evaluated before the horizon) it was left
        // out without a word, and whatever used the parameter failed silently too
        CompileResult time = compile("scenario \"t\"\ntime from 2024-01-01 00:00 step 1 h count solar(capacity: 1 MW)\n"
                + "producer g { bounds = 0 MW .. 1 MW }\n");
        assertEquals(List.of("t.agora:2:43: error[E0303]: solar(...) makes a profile, one value per step of the"
                        + " horizon, which is not known here | parameters and the 'time' statement take constants;"
                        + " declare a profile for values that change over time"),
                time.diagnostics().sorted().stream().map(d -> d.headline() + " | " + d.hint()).toList());
        assertEquals(List.of("t.agora:3:11: error[E0303]: solar(...) makes a profile, one value per step of the"
                        + " horizon, which is not known here"),
                headlines("param x = solar(capacity: 1 MW)\nproducer g { bounds = 0 MW .. x }"));
    }

    @Test
    void aLongFileNameIsQuotedUpTo120Characters() {
        String name = "x".repeat(20_000);
        List<Diagnostic> errors = compile(HEADER + "import \"" + name + "\"").diagnostics().sorted();
        assertEquals("t.agora:3:1: error[E0205]: cannot read imported file '" + "x".repeat(119) + "…'",
                errors.get(0).headline());
        List<Diagnostic> csv = compile(HEADER + "producer g { bounds = 0 MW .. csv(\"" + name + "\", column: 1, scale: 1 MW) }")
                .diagnostics().sorted();
        assertEquals("t.agora:3:31: error[E0402]: cannot read CSV file '" + "x".repeat(119) + "…': File name too long",
                csv.get(0).headline());
    }
}
