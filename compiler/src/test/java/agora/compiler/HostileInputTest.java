package agora.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agora.diagnostics.Diagnostic;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
}
