package agora.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agora.market.MarketDesigns;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mistakes on the command line exit 2 with a message that says what is accepted. */
class UsageTest {
    @TempDir
    Path tmp;
    CliHarness cli;

    @BeforeEach
    void setUp() throws IOException {
        cli = new CliHarness(tmp, TestScenarios.compiled(TestScenarios.twoCommunities("community")));
    }

    @Test
    void noCommandIsAUsageError() {
        assertEquals(ExitCodes.USAGE, cli.run());
        assertTrue(cli.err.contains("run"), cli.err); // the usage lists the commands
    }

    @Test
    void aMissingFileArgumentIsAUsageError() {
        assertEquals(ExitCodes.USAGE, cli.run("run"));
        assertTrue(cli.err.contains("FILE"), cli.err);
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        assertEquals(ExitCodes.USAGE, cli.run("run", "FILE", "--desing", "full"));
        assertTrue(cli.err.contains("--desing"), cli.err);
    }

    @Test
    void anUnknownDesignListsTheRegisteredOnes() {
        assertEquals(ExitCodes.USAGE, cli.run("run", "FILE", "--design", "fancy"));
        assertEquals("agora run: unknown market design 'fancy'; registered designs: "
                + String.join(", ", MarketDesigns.names()) + "\n", cli.err);
        assertTrue(MarketDesigns.names().containsAll(java.util.List.of("full", "community", "hybrid",
                "nested")), MarketDesigns.names().toString());
    }

    @Test
    void anUnknownBackendListsTheRegisteredOnes() {
        assertEquals(ExitCodes.USAGE, cli.run("run", "FILE", "--solve", "centralized",
                "--backend", "cplex"));
        assertTrue(cli.err.startsWith("agora run: unknown backend 'cplex'; registered backends:"),
                cli.err);
    }

    @Test
    void anUnknownSolveModeIsAUsageError() {
        assertEquals(ExitCodes.USAGE, cli.run("run", "FILE", "--solve", "magic"));
        assertEquals("agora run: unknown solve mode 'magic'; expected one of: centralized, admm\n",
                cli.err);
    }

    @Test
    void badRangesAreUsageErrors() {
        assertEquals(ExitCodes.USAGE, cli.run("run", "FILE", "--steps", "5"));
        assertTrue(cli.err.contains("--steps must be between 1 and 4"), cli.err);
        assertEquals(ExitCodes.USAGE, cli.run("run", "FILE", "--from", "June"));
        assertTrue(cli.err.contains("--from expects a time like 2013-06-01T06:00"), cli.err);
        assertEquals(ExitCodes.USAGE, cli.run("run", "FILE", "--from", "2013-06-01T06:10"));
        assertTrue(cli.err.contains("is not a step of the scenario (4 steps of 15 min from "
                + "2013-06-01T06:00)"), cli.err);
        assertEquals(ExitCodes.USAGE, cli.run("run", "FILE", "--from", "2013-06-01 06:30",
                "--to", "2013-06-01 06:15"));
        assertTrue(cli.err.contains("is before --from"), cli.err);
        assertEquals(ExitCodes.USAGE, cli.run("run", "FILE", "--steps", "2", "--to",
                "2013-06-01T06:15"));
    }

    @Test
    void badSolverOptionsAreUsageErrors() {
        assertEquals(ExitCodes.USAGE, cli.run("run", "FILE", "--tolerance", "-1"));
        assertTrue(cli.err.contains("--tolerance: 'tolerance' must lie between 1e-12 and 0.01, found -1.0"), cli.err);
        assertEquals(ExitCodes.USAGE, cli.run("run", "FILE", "--threads", "-2"));
        assertEquals(ExitCodes.USAGE, cli.run("compile", "FILE", "--emit", "xml"));
        assertTrue(cli.err.contains("expected json, yaml or dot"), cli.err);
    }

    @Test
    void anUnknownPeerListsThePeers() {
        assertEquals(ExitCodes.USAGE, cli.run("trades", "FILE", "--peer", "d3", "--from",
                "2013-06-01T06:00", "--to", "2013-06-01T06:15"));
        assertEquals("agora trades: unknown peer 'd3'; peers: g, w1, d1, d2\n", cli.err);
        assertEquals(ExitCodes.USAGE, cli.run("trades", "FILE", "--peer", "5", "--from",
                "2013-06-01T06:00", "--to", "2013-06-01T06:15"));
        assertEquals("agora trades: no peer number 5: the scenario has peers 1 to 4\n", cli.err);
    }

    @Test
    void setParametersReachTheCompiler() {
        cli.run("check", "FILE", "--set", "seed=8", "--set", "data_dir=/data");
        assertEquals(Map.of("seed", "8", "data_dir", "/data"), cli.loadedWith.get(0));
    }

    @Test
    void aMissingFileIsAnErrorNotAStackTrace() {
        assertEquals(ExitCodes.FAILED, cli.run("check", tmp.resolve("nope.agora").toString()));
        assertTrue(cli.err.endsWith("nope.agora: error: no such file\n"), cli.err);
        assertEquals(ExitCodes.FAILED, cli.run("check", tmp.toString()));
        assertTrue(cli.err.endsWith(tmp + ": error: a folder, not a scenario file\n"), cli.err);
    }

    @Test
    void anInternalErrorIsReportedWithoutAStackTrace() throws IOException {
        CliHarness broken = new CliHarness(tmp, (f, p) -> {
            throw new IllegalStateException("compiler exploded");
        });
        assertEquals(ExitCodes.INTERNAL, broken.run("check", "FILE"));
        assertTrue(broken.err.startsWith("agora: internal error: java.lang.IllegalStateException: "
                + "compiler exploded"), broken.err);
        assertFalse(broken.err.contains("\tat "), broken.err);
    }
}
