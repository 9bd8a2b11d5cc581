package agora.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code agora} in a process of its own with a small heap: a long horizon streams to the files
 * (its memory does not grow with the steps), and a market too large for the heap is refused
 * before solving, with what it would need, instead of an OutOfMemoryError.
 */
class MemoryLimitTest {
    private static final long PATIENCE_SECONDS = 300;

    @TempDir
    Path tmp;

    @Test
    void aLongHorizonRunsInASmallHeap() throws Exception {
        // 60,000 steps of the four peers: held in memory until the end, their outcomes did not
        // fit in 32 MB (GC overhead limit exceeded); streamed, the run fits in 24 MB
        String scenario = OutputSafetyTest.SCENARIO.replace("count 2", "count 60000");
        Path file = Files.writeString(tmp.resolve("s.agora"), scenario);
        Path res = tmp.resolve("res");

        Result r = agora(List.of("-Xmx32m", "-XX:+UseParallelGC"), "run", file.toString(),
                "--out", res.toString());

        assertEquals(ExitCodes.OK, r.exit(), r.err());
        assertTrue(r.out().contains("full: 60000 steps in "), r.out());
        assertEquals(1 + 60_000, lines(res.resolve("steps.csv")));
        assertEquals(1 + 4 * 60_000, lines(res.resolve("peers.csv")));
    }

    @Test
    void aMarketTooLargeForTheHeapIsRefusedBeforeSolving() throws Exception {
        Path file = Files.writeString(tmp.resolve("big.agora"), fullMarket(300));
        Path res = tmp.resolve("res");

        Result run = agora(List.of("-Xmx64m"), "run", file.toString(), "--out", res.toString());

        assertEquals(ExitCodes.FAILED, run.exit(), run.err());
        Matcher m = Pattern.compile("cannot run \\S+big.agora: the market is too large for this "
                + "Java heap: solving needs about (\\d+) MB of Java heap \\(90000 trade links and "
                + "600 participants, centralized/ipm, 1 solve at a time\\) besides the \\d+ MB "
                + "in use; Java may use at most \\d+ MB\\. To run it:\n"
                + "  - give Java more heap: AGORA_JAVA_OPTS=-Xmx(\\d+)m \\(for bin/agora\\)\n"
                + "  - or solve by negotiation: --solve admm \\(about \\d+ MB\\)\n"
                + "  - or give the peers fewer trading partners: .*\n").matcher(run.err());
        assertTrue(m.matches(), run.err());
        assertTrue(Integer.parseInt(m.group(1)) > 64, run.err());
        assertTrue(Integer.parseInt(m.group(2)) > Integer.parseInt(m.group(1)), run.err());
        assertEquals("", run.out());
        assertFalse(Files.exists(res), "nothing is written");

        Result check = agora(List.of("-Xmx64m"), "check", file.toString());
        assertEquals(ExitCodes.OK, check.exit(), check.err());
        assertTrue(check.out().contains("  full       90000 trading pairs (the scenario's design)\n"),
                check.out());
        assertTrue(check.out().contains("\nmemory: solving needs about "), check.out());
        assertTrue(check.out().contains("; too little: 'agora run' will refuse it. To run it:\n"
                + "  - give Java more heap: AGORA_JAVA_OPTS=-Xmx"), check.out());
    }

    private static long lines(Path file) throws IOException {
        try (var lines = Files.lines(file)) {
            return lines.count();
        }
    }

    @Test
    void aHeapThatRunsOutElsewhereIsAUserErrorNotABug() throws Exception {
        // check lowers every design: a million trading pairs do not fit in 32 MB
        Path file = Files.writeString(tmp.resolve("big.agora"), fullMarket(1000));

        Result check = agora(List.of("-Xmx32m"), "check", file.toString());

        assertEquals(ExitCodes.FAILED, check.exit(), check.err());
        assertTrue(check.err().matches("agora: out of memory: the scenario needs more than the "
                + "\\d+ MB of heap Java may use; give it more, for example AGORA_JAVA_OPTS=-Xmx1g "
                + "\\(for bin/agora\\)\n"), check.err());
    }

    /** A full P2P market of n producers and n consumers, one step. */
    static String fullMarket(int n) {
        StringBuilder s = new StringBuilder("scenario \"full market\"\n"
                + "time from 2019-01-01 12:00 step 1 h count 1\n");
        for (int i = 0; i < n; i++) {
            s.append("producer p").append(i).append(" { bounds = 0 MW .. 40 MW; cost = 0.05 $/MW²h * p² + ")
                    .append(20 + i % 7).append(" $/MWh * p }\n");
            s.append("consumer c").append(i).append(" { bounds = -30 MW .. 0 MW; cost = 0.20 $/MW²h * p² + ")
                    .append(60 + i % 5).append(" $/MWh * p }\n");
        }
        return s.append("market { design full\n solve centralized with ipm }\n").toString();
    }

    record Result(int exit, String out, String err) {
    }

    /** {@code agora ARGS} with the JVM options {@code jvm}, on this test's class path. */
    private Result agora(List<String> jvm, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvm);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        assertTrue(p.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS), "agora " + String.join(" ", args));
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
