package agora.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agora.compiler.CompileResult;
import agora.compiler.Compiler;
import agora.scenario.Scenario;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Power transfer distribution factors worked out by hand. */
class DcPowerFlowTest {
    private static final String HEADER = "scenario \"t\"\ntime from 2024-01-01 00:00 step 1 h count 2\n";
    private static final double EPS = 1e-12;

    @TempDir
    Path dir;

    private Scenario compile(String body) {
        CompileResult r = Compiler.compileText("t.agora", HEADER + body, Map.of(), dir);
        assertTrue(r.succeeded(), r::renderDiagnostics);
        return r.scenario().orElseThrow();
    }

    /**
     * A triangle of equal reactances, slack at bus 3: a MW injected at bus 1 and taken out at 3
     * splits by admittance, 2/3 over the direct line and 1/3 over 1-2-3; a MW at bus 2 sends
     * 2/3 over 2-3 and 1/3 back over 1-2 (from 2 to 1, so -1/3 on line 1 -> 2) and on to 3.
     */
    @Test
    void triangleSplitsByAdmittance() {
        Scenario s = compile("""
                network { bus 1 .. 3
                          slack bus 3
                          line a from 1 to 2 { r = 0, x = 0.1, capacity = 5 MW }
                          line b from 2 to 3 { r = 0, x = 0.1, capacity = 5 MW }
                          line c from 1 to 3 { r = 0, x = 0.1, capacity = 5 MW } }
                producer g at bus 1 { bounds = 0 MW .. 10 MW; cost = 10 $/MWh * p }
                consumer d at bus 3 { bounds = -10 MW .. 0 MW; cost = 40 $/MWh * p }
                """);
        DcPowerFlow flow = DcPowerFlow.of(s);
        assertEquals(3, flow.slack());
        assertEquals(1.0 / 3, flow.factor(0, 1), EPS);
        assertEquals(1.0 / 3, flow.factor(1, 1), EPS);
        assertEquals(2.0 / 3, flow.factor(2, 1), EPS);
        assertEquals(-1.0 / 3, flow.factor(0, 2), EPS);
        assertEquals(2.0 / 3, flow.factor(1, 2), EPS);
        assertEquals(1.0 / 3, flow.factor(2, 2), EPS);
        for (int line = 0; line < 3; line++) {
            assertEquals(0.0, flow.factor(line, 3), "the slack takes up the rest");
        }
    }

    /** Unequal reactances: the flow splits by 1/x; only the limited lines get factors. */
    @Test
    void parallelPathsSplitByInverseReactance() {
        Scenario s = compile("""
                network { bus 1 .. 3
                          line direct from 1 to 2 { r = 0, x = 0.3, capacity = 5 MW }
                          line via1 from 1 to 3 { r = 0, x = 0.1 }
                          line via2 from 3 to 2 { r = 0, x = 0.2 } }
                grid net at bus 1 { import price = 50 $/MWh; export price = 20 $/MWh }
                consumer d at bus 2 { bounds = -10 MW .. 0 MW; cost = 40 $/MWh * p }
                """);
        DcPowerFlow flow = DcPowerFlow.of(s);
        assertEquals(1, flow.slack(), "the grid connection's bus by default");
        assertEquals(1, flow.limitedLines().size());
        // a MW taken out at 2 (injected at 1): paths of reactance 0.3 and 0.1 + 0.2 share it
        // equally, so -0.5 per MW injected at bus 2
        assertEquals(-0.5, flow.factor(0, 2), EPS);
        // from bus 3 a MW goes to 1 over via1 (x 0.1) or over via2 and direct (x 0.5): 1/6 of it
        assertEquals(-1.0 / 6, flow.factor(0, 3), EPS);
    }
}
