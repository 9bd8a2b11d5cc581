package agora.cli;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;
import org.apache.spark.SparkException;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import scala.Function2;
import scala.reflect.ClassTag$;
import scala.runtime.BoxedUnit;

/**
 * Runs the tasks of a sweep on Apache Spark, one task per partition, and brings their results
 * back to the driver. Spark hands the job's result handler exactly one result per partition
 * whatever retries or speculative copies ran, so a failed and retried task never duplicates or
 * loses a block (the driver checks it again in {@link SweepResults}).
 */
final class SparkSweep {
    /** Attempts per task: Spark's default on a cluster, asked for explicitly in embedded mode. */
    static final int ATTEMPTS = 4;
    /** The embedded default: every core of this machine. */
    static final String EMBEDDED = "local[*]";
    private static final String MAX_RESULT_SIZE = "spark.driver.maxResultSize";
    private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\*|\\d+)])?");
    private static final Pattern LOOPBACK = Pattern.compile("spark://(127\\.0\\.0\\.1|localhost):\\d+");

    private SparkSweep() {
    }

    /**
     * The master Spark is given: an embedded one ({@code local}, {@code local[N]}, {@code local[*]})
     * retries failed tasks like a cluster ({@code local[N,4]}); any other is passed on as it is.
     */
    static String master(String given) {
        Matcher m = LOCAL.matcher(given);
        if (!m.matches()) {
            return given;
        }
        String threads = m.group(1) == null ? "1" : m.group(1);
        return "local[" + threads + "," + ATTEMPTS + "]";
    }

    /**
     * True when this JVM is a driver that spark-submit started: it ships the application jar
     * (and any {@code --jars}) to the executors itself.
     */
    static boolean underSparkSubmit() {
        return System.getProperty("spark.submit.deployMode") != null;
    }

    /** The master spark-submit was given ({@code --master}), when spark-submit started this JVM. */
    static Optional<String> submittedMaster() {
        return underSparkSubmit() ? Optional.ofNullable(System.getProperty("spark.master"))
                : Optional.empty();
    }

    /**
     * Solves every task and returns their results, in task order.
     *
     * @param jars    the jars executors need for Agora's classes (none when embedded)
     * @param err     where progress lines go while the sweep is long
     * @param arrived called on the driver with each task's result as it arrives, exactly once per
     *                task (Spark hands a job's handler one result per partition, whatever was
     *                retried or run twice); what it returns is kept
     * @throws UserError when a task failed every attempt, with its last error
     */
    static List<BlockResult> run(SweepJob job, List<SweepTask> tasks, String master, List<String> jars,
                                 java.io.PrintWriter err, UnaryOperator<BlockResult> arrived) {
        String actual = master(master);
        SparkConf conf = new SparkConf().setAppName("agora sweep").setMaster(actual)
                .set("spark.ui.enabled", "false")
                .set("spark.ui.showConsoleProgress", "false")
                .set("spark.task.maxFailures", Integer.toString(ATTEMPTS));
        if (LOCAL.matcher(master).matches() || LOOPBACK.matcher(master).matches()) {
            // on this machine only: no name lookup of the host, no port open to the network
            conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
        }
        if (!jars.isEmpty()) {
            conf.setJars(jars.toArray(String[]::new));
        }
        if (job.perStep() && !conf.contains(MAX_RESULT_SIZE)) {
            // the rows go to disk as they arrive: Spark's guard of the driver's memory (1 GB of
            // results in all) would stop a long sweep for rows the driver does not keep
            conf.set(MAX_RESULT_SIZE, "0");
        }
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            sc.setLogLevel("ERROR");
            sc.sc().addSparkListener(new SweepProgress(err, tasks.size()));
            Broadcast<SweepJob> shared = sc.broadcast(job);
            // one task per partition, in task order
            JavaRDD<SweepTask> partitions = sc.parallelize(tasks, Math.max(1, tasks.size()));
            SolveBlock solve = (context, task) -> VariantRunner.run(shared.value(), task.next(),
                    context.attemptNumber(), executorName());
            BlockResult[] results = new BlockResult[tasks.size()];
            sc.sc().runJob(partitions.rdd(), solve, (Function2<Object, BlockResult, BoxedUnit>) (index, r) -> {
                results[(Integer) index] = arrived.apply(r);
                return BoxedUnit.UNIT;
            }, ClassTag$.MODULE$.apply(BlockResult.class));
            return Arrays.stream(results).filter(Objects::nonNull).toList();
        } catch (Exception e) { // Scala throws SparkException without declaring it
            if (e instanceof SparkException) {
                throw new UserError("agora sweep: the sweep stopped: " + firstLines(e));
            }
            throw e;
        }
    }

    /** What an executor does with its partition: solves the one task in it. */
    private interface SolveBlock extends Function2<TaskContext, scala.collection.Iterator<SweepTask>, BlockResult>,
            Serializable {
    }

    /** {@code executor 1 on host}, or {@code driver on host} when embedded. */
    private static String executorName() {
        String id = SparkEnv.get().executorId();
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "an unknown host";
        }
        return ("driver".equals(id) ? "the driver" : "executor " + id) + " on " + host;
    }

    /** Spark's message without the stack traces it embeds. */
    private static String firstLines(Throwable e) {
        String message = String.valueOf(e.getMessage());
        int trace = message.indexOf("\n\tat ");
        return (trace < 0 ? message : message.substring(0, trace)).strip();
    }
}
