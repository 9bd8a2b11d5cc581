package agora.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code agora run --out} in a process of its own, stopped by Ctrl-C (SIGINT) or by a write that
 * fails: the partial output is removed, the folder is left as it was, and stderr says how many
 * steps had been solved.
 */
class InterruptedRunTest {
    /** Fig. 2's four peers over a horizon far longer than the test waits. */
    static final String LONG_RUN = OutputSafetyTest.SCENARIO.replace("count 2", "count 3000000");
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    /** Exit status of a JVM stopped by SIGINT (128 + 2). */
    private static final int SIGINT_STATUS = 130;

    @TempDir
    Path tmp;

    @Test
    void ctrlCWhileWritingRemovesThePartialOutputAndKeepsTheFolder() throws Exception {
        Path res = Files.createDirectories(tmp.resolve("res"));
        Path scenario = Files.writeString(res.resolve("s.agora"), LONG_RUN);
        Files.writeString(res.resolve("notes.txt"), "mine");
        Process run = agora(List.of(), "run", scenario.toString(), "--out", res.toString());

        awaitRowsWritten(res, run);
        signal("INT", run);

        assertTrue(run.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS), "the run stops");
        String err = stderr();
        assertEquals(SIGINT_STATUS, run.exitValue(), err);
        assertTrue(solvedBefore(err, res) > 0, err);
        assertEquals(List.of("notes.txt", "s.agora"), listing(res));
        assertEquals(LONG_RUN, Files.readString(scenario));
    }

    @Test
    void ctrlCRemovesAnOutputFolderTheRunCreated() throws Exception {
        Path scenario = Files.writeString(tmp.resolve("s.agora"), LONG_RUN);
        Path res = tmp.resolve("res");
        Process run = agora(List.of(), "run", scenario.toString(), "--out", res.toString());

        awaitRowsWritten(res, run);
        signal("INT", run);

        assertTrue(run.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS), "the run stops");
        assertTrue(solvedBefore(stderr(), res) > 0, stderr());
        assertEquals(List.of("err.txt", "out.txt", "s.agora"), listing(tmp));
    }

    @Test
    void aWriteThatFailsRemovesThePartialOutputAndSaysHowManyStepsWereSolved() throws Exception {
        Path res = Files.createDirectories(tmp.resolve("res"));
        String scenarioText = OutputSafetyTest.SCENARIO.replace("count 2", "count 20000");
        Path scenario = Files.writeString(res.resolve("s.agora"), scenarioText);
        // a file size limit of 256 KiB: peers.csv of 20,000 steps is about 2.5 MB
        Process run = agora(List.of("ulimit -f 256;"), "run", scenario.toString(), "--out",
                res.toString());

        assertTrue(run.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS), "the run stops");
        String err = stderr();
        assertEquals(ExitCodes.FAILED, run.exitValue(), err);
        Matcher m = Pattern.compile("cannot write " + Pattern.quote(res.toString())
                + ": File too large; (\\d+) of 20000 steps had been solved; removed the partial "
                + "output: " + Pattern.quote(res.toString()) + " is as it was\n").matcher(err);
        assertTrue(m.find(), err);
        assertTrue(Integer.parseInt(m.group(1)) > 0, err);
        assertEquals(List.of("s.agora"), listing(res));
        assertEquals("", Files.readString(tmp.resolve("out.txt")));
    }

    /**
     * Starts {@code agora ARGS} on this test's class path, through bash so that {@code shell} (for
     * example a {@code ulimit}) applies to it; its output goes to out.txt and err.txt in tmp.
     */
    private Process agora(List<String> shell, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        StringBuilder line = new StringBuilder(String.join(" ", shell)).append(" exec");
        for (String word : command) {
            line.append(" '").append(word.replace("'", "'\\''")).append('\'');
        }
        return new ProcessBuilder("bash", "-c", line.toString())
                .redirectOutput(tmp.resolve("out.txt").toFile())
                .redirectError(tmp.resolve("err.txt").toFile())
                .start();
    }

    private String stderr() throws IOException {
        return Files.readString(tmp.resolve("err.txt"));
    }

    /** Waits until the run's staging folder holds rows of peers.csv. */
    private static void awaitRowsWritten(Path res, Process run) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            assertTrue(run.isAlive(), "the run ended before it was interrupted");
            Optional<Path> peers = staged(res, "peers.csv");
            if (peers.isPresent() && size(peers.get()) > 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no rows written within " + PATIENCE);
    }

    private static Optional<Path> staged(Path res, String name) {
        if (!Files.isDirectory(res)) {
            return Optional.empty();
        }
        try (Stream<Path> entries = Files.list(res)) {
            return entries.filter(p -> p.getFileName().toString().startsWith(".agora-partial-"))
                    .map(p -> p.resolve(name)).filter(Files::exists).findFirst();
        } catch (IOException e) {
            return Optional.empty(); // the run moved or removed it meanwhile
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static void signal(String name, Process process) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start();
        assertEquals(0, kill.waitFor(), "kill -" + name);
    }

    /** The steps the interruption message says had been solved. */
    private static int solvedBefore(String err, Path res) {
        Matcher m = Pattern.compile("agora: interrupted after (\\d+) of 3000000 steps had been "
                + "solved; removed the partial output: " + Pattern.quote(res.toString())
                + " is as it was\n").matcher(err);
        assertTrue(m.find(), err);
        return Integer.parseInt(m.group(1));
    }

    private static List<String> listing(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
