package agora.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agora.diagnostics.Diagnostic;
import agora.topology.Topology;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs found by fuzzing that hung or crashed the compiler: each must end, at once, with a
 * positioned error. The timeout only keeps a regression from hanging the build (the inputs took
 * minutes, or forever, before their fixes); speed itself is measured in bench/.
 */
class HostileInputTest {
    private static final String HEADER = "scenario \"t\"\ntime from 2024-01-01 00:00 step 1 h count 4\n";
    /** Far beyond what any of these inputs needs now; before the fixes they never returned. */
    private static final Duration GUARD = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private CompileResult compile(String text) {
        return assertTimeoutPreemptively(GUARD, () -> Compiler.compileText("t.agora", text, Map.of(), dir));
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
        Topology topology = assertTimeoutPreemptively(GUARD, () -> Topology.of(result.scenario().orElseThrow()));
        assertEquals(OptionalDouble.of(0.5 * (n - 1)), topology.peerDistance("g", "d"));
        assertEquals(0.5 * 10, topology.distance(20, 10), 1e-9);
    }
}
