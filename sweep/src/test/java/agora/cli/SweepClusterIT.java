package agora.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Spark standalone cluster on this machine: a master and two workers, each a process of its
 * own started from the Spark jars the module copies to target/spark/jars (run after package, so
 * that target/agora-sweep.jar exists to be sent to the executors). The sweep run on it gives the
 * same rows as in embedded mode, run from this JVM with {@code --master} and through spark-submit's
 * own class ({@code org.apache.spark.deploy.SparkSubmit}, what {@code bin/spark-submit} runs).
 */
class SweepClusterIT {
    private static final Duration START_LIMIT = Duration.ofSeconds(90);
    private static final Path SPARK_HOME = Path.of("target/spark").toAbsolutePath();

    private final List<Process> started = new ArrayList<>();

    @TempDir
    Path tmp;

    @Test
    void aSweepOnAStandaloneClusterOfTwoWorkersGivesTheEmbeddedResults() throws Exception {
        int port = freePort();
        String master = "spark://127.0.0.1:" + port;
        Path masterLog = tmp.resolve("master.log");
        start(masterLog, "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                "--port", Integer.toString(port), "--webui-port", "0");
        waitFor(started.get(0), masterLog, "I have been elected leader");
        List<Path> workDirs = new ArrayList<>();
        for (int w = 1; w <= 2; w++) {
            Path workDir = Files.createDirectories(tmp.resolve("worker-" + w));
            workDirs.add(workDir);
            start(tmp.resolve("worker-" + w + ".log"), "org.apache.spark.deploy.worker.Worker",
                    "--host", "127.0.0.1", "--cores", "1", "--memory", "1g", "--webui-port", "0",
                    "--work-dir", workDir.toString(), master);
        }
        for (int w = 1; w <= 2; w++) {
            waitFor(started.get(w), tmp.resolve("worker-" + w + ".log"), "Successfully registered with master");
        }

        String[] sweep = {SweepHarness.IEEE14.toString(), "--vary", "fee_scale=0,2",
                "--design", "hybrid,community", "--steps", "48", "--block-steps", "24"};
        SweepHarness.Result onCluster = SweepHarness.sweep(with(sweep, "--master", master,
                "--out", tmp.resolve("cluster").toString()));
        assertEquals(0, onCluster.exit(), () -> onCluster.err() + executorLogs(workDirs));
        assertTrue(onCluster.err().contains("8 tasks of up to 24 steps on " + master), onCluster.err());
        SweepHarness.Result embedded = SweepHarness.sweep(with(sweep, "--master", "local[2]",
                "--out", tmp.resolve("embedded").toString()));
        assertEquals(0, embedded.exit(), embedded.err());

        List<Map<String, String>> cluster = SweepHarness.csv(tmp.resolve("cluster/sweep.csv"));
        List<Map<String, String>> local = SweepHarness.csv(tmp.resolve("embedded/sweep.csv"));
        assertEquals(4, cluster.size());
        for (int i = 0; i < local.size(); i++) {
            for (String column : List.of("variant", "fee_scale", "design", "steps", "optimal_steps")) {
                assertEquals(local.get(i).get(column), cluster.get(i).get(column));
            }
            for (String figure : SweepTable.FIGURES.keySet()) {
                // the same blocks added in the same order: the same numbers to the last bit
                assertEquals(local.get(i).get(figure), cluster.get(i).get(figure), figure);
            }
        }
        assertEquals(master, new ObjectMapper().readTree(tmp.resolve("cluster/summary.json").toFile())
                .path("master").asText());
        // the same sweep through spark-submit (its class, in a JVM of its own, as bin/spark-submit
        // runs it): no --master for agora, the application jar shipped by spark-submit
        Path submitLog = tmp.resolve("submit.log");
        List<String> submit = new ArrayList<>(List.of(javaCommand(), "@" + Path.of("java17.options").toAbsolutePath(),
                "-cp", SPARK_HOME.resolve("jars") + "/*", "org.apache.spark.deploy.SparkSubmit",
                "--master", master, "--deploy-mode", "client", "--class", "agora.cli.SweepMain",
                Path.of("target/agora-sweep.jar").toAbsolutePath().toString(), "sweep"));
        submit.addAll(List.of(sweep));
        submit.addAll(List.of("--out", tmp.resolve("submitted").toString()));
        ProcessBuilder pb = new ProcessBuilder(submit).redirectErrorStream(true).redirectOutput(submitLog.toFile());
        sparkEnvironment(pb);
        Process submitted = pb.start();
        assertTrue(submitted.waitFor(5, java.util.concurrent.TimeUnit.MINUTES), "spark-submit did not finish");
        String log = Files.readString(submitLog);
        assertEquals(0, submitted.exitValue(), () -> log + executorLogs(workDirs));
        assertTrue(log.contains("8 tasks of up to 24 steps on " + master), log);
        List<Map<String, String>> viaSubmit = SweepHarness.csv(tmp.resolve("submitted/sweep.csv"));
        for (int i = 0; i < local.size(); i++) {
            for (String figure : SweepTable.FIGURES.keySet()) {
                assertEquals(local.get(i).get(figure), viaSubmit.get(i).get(figure), figure);
            }
        }
        assertEquals(master, new ObjectMapper().readTree(tmp.resolve("submitted/summary.json").toFile())
                .path("master").asText());

        // the workers launched executors for the sweep (their folders hold each executor's logs)
        for (Path workDir : workDirs) {
            try (Stream<Path> apps = Files.list(workDir)) {
                assertTrue(apps.anyMatch(p -> p.getFileName().toString().startsWith("app-")),
                        "no executor ran on " + workDir);
            }
        }
    }

    /** The end of every executor's log, to tell why a task failed on the cluster. */
    private static String executorLogs(List<Path> workDirs) {
        StringBuilder out = new StringBuilder();
        for (Path workDir : workDirs) {
            try (Stream<Path> files = Files.walk(workDir)) {
                for (Path log : files.filter(p -> p.getFileName().toString().equals("stderr")).toList()) {
                    String text = Files.readString(log);
                    out.append("\n--- ").append(log).append(":\n")
                            .append(text.substring(Math.max(0, text.length() - 6000)));
                }
            } catch (IOException e) {
                out.append("\n(cannot read the logs of ").append(workDir).append(": ").append(e).append(')');
            }
        }
        return out.toString();
    }

    @AfterEach
    void stopTheCluster() throws InterruptedException {
        for (Process p : started) {
            p.descendants().forEach(ProcessHandle::destroy); // executors the workers launched
            p.destroy();
        }
        for (Process p : started) {
            if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
    }

    private void start(Path log, String mainClass, String... args) throws IOException {
        Files.writeString(SPARK_HOME.resolve("RELEASE"), "Spark's jars, as copied by the agora-sweep build\n");
        List<String> command = new ArrayList<>(List.of(javaCommand(),
                "@" + Path.of("java17.options").toAbsolutePath(), "-Xmx256m",
                "-cp", SPARK_HOME.resolve("jars") + "/*", mainClass));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        sparkEnvironment(pb);
        started.add(pb.start());
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void sparkEnvironment(ProcessBuilder pb) {
        pb.environment().put("SPARK_HOME", SPARK_HOME.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    }

    private static void waitFor(Process process, Path log, String line) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            if (Files.exists(log) && Files.readString(log).contains(line)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no '" + line + "' in " + log + (process.isAlive() ? " after "
                + START_LIMIT : " before the process ended") + ":\n"
                + (Files.exists(log) ? Files.readString(log) : "(no log)"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String[] with(String[] base, String... more) {
        return Stream.concat(Stream.of(base), Stream.of(more)).toArray(String[]::new);
    }
}
