package agora.cli;

import agora.solver.QpModel;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * Writes the lowered QP of each step of one design (the model a centralized backend is given,
 * before any presolve), so that other solvers can be timed on exactly the same problem
 * ({@code bench/peers/}). One folder per design:
 *
 * <pre>
 *   qp.json           format "agora-qp/1", design, variables n, constraints m, nonZeros,
 *                     steps (the step indices written), constant (per step), and per solver
 *                     ("solved") the objective and seconds of each step as Agora solved it and
 *                     the run's wallSeconds, cpuSeconds (process CPU) and threads
 *   row_start.i32     m + 1 row pointers of A (CSR)          little-endian int32
 *   column_index.i32  nonZeros column indices                little-endian int32
 *   coefficient.f64   nonZeros coefficients                  little-endian float64
 *   lower.f64, upper.f64, linear.f64, quadratic.f64   steps x n, step after step
 *   row_lower.f64, row_upper.f64                      steps x m, step after step
 * </pre>
 *
 * The model of a step is {@code min sum_j quadratic_j x_j^2 + linear_j x_j + constant} subject to
 * {@code row_lower <= A x <= row_upper} and {@code lower <= x <= upper} (no factor 1/2; infinite
 * bounds are IEEE infinities). The folder is written next to its final place and moved there when
 * complete, so no half-written export is left behind.
 */
final class QpExport {
    static final String FORMAT = "agora-qp/1";
    private static final String[] STEP_ARRAYS = {"lower", "upper", "linear", "quadratic", "row_lower",
            "row_upper"};

    private QpExport() {
    }

    /**
     * One solver's run over the exported steps: each step's objective and seconds (as its
     * outcome reports them), and the run's wall and process CPU seconds.
     */
    record Solved(String solver, double[] objective, double[] seconds, double wallSeconds,
                  double cpuSeconds, int threads) {
    }

    /**
     * Writes {@code folder/<design>}; an earlier export there (a folder holding qp.json) is
     * replaced, anything else is refused.
     */
    static Path write(Path folder, String design, int firstStep, int steps, IntFunction<QpModel> modelAt,
                      List<Solved> solved) {
        Path target = folder.resolve(design);
        if (Files.exists(target) && !Files.isRegularFile(target.resolve("qp.json"))) {
            throw new UserError("--export-qp: " + target + " exists and is not an earlier export "
                    + "(no qp.json in it); choose another folder");
        }
        try {
            Files.createDirectories(folder);
            Path temporary = Files.createTempDirectory(folder, "." + design + "-");
            writeInto(temporary, design, firstStep, steps, modelAt, solved);
            if (Files.exists(target)) {
                deleteTree(target);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException | UncheckedIOException e) {
            throw new UserError("--export-qp: cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    private static void writeInto(Path dir, String design, int firstStep, int steps,
                                  IntFunction<QpModel> modelAt, List<Solved> solved) throws IOException {
        QpModel first = modelAt.apply(firstStep);
        QpModel.Structure s = first.structure();
        writeInts(dir.resolve("row_start.i32"), s.rowStart());
        writeInts(dir.resolve("column_index.i32"), s.columnIndex());
        writeDoubles(dir.resolve("coefficient.f64"), List.of(s.coefficient()));
        Map<String, OutputStream> streams = new LinkedHashMap<>();
        double[] constants = new double[steps];
        try {
            for (String name : STEP_ARRAYS) {
                streams.put(name, new BufferedOutputStream(Files.newOutputStream(dir.resolve(name + ".f64")),
                        1 << 16));
            }
            for (int k = 0; k < steps; k++) {
                QpModel model = k == 0 ? first : modelAt.apply(firstStep + k);
                if (model.structure() != s) {
                    throw new IOException("step " + (firstStep + k) + " has another structure than step "
                            + firstStep);
                }
                constants[k] = model.constant();
                append(streams.get("lower"), model.lowerBounds());
                append(streams.get("upper"), model.upperBounds());
                append(streams.get("linear"), model.linearCosts());
                append(streams.get("quadratic"), model.quadraticCosts());
                append(streams.get("row_lower"), model.rowLowerBounds());
                append(streams.get("row_upper"), model.rowUpperBounds());
            }
        } finally {
            for (OutputStream out : streams.values()) {
                out.close();
            }
        }
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("format", FORMAT);
        header.put("design", design);
        header.put("variables", s.variableCount());
        header.put("constraints", s.constraintCount());
        header.put("nonZeros", s.coefficient().length);
        List<Integer> stepIndices = new ArrayList<>();
        for (int k = 0; k < steps; k++) {
            stepIndices.add(firstStep + k);
        }
        header.put("steps", stepIndices);
        header.put("constant", constants);
        Map<String, Object> bySolver = new LinkedHashMap<>();
        for (Solved one : solved) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("objective", one.objective());
            entry.put("seconds", one.seconds());
            entry.put("wallSeconds", one.wallSeconds());
            entry.put("cpuSeconds", one.cpuSeconds());
            entry.put("threads", one.threads());
            bySolver.put(one.solver(), entry);
        }
        header.put("solved", bySolver);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(dir.resolve("qp.json").toFile(), header);
    }

    private static void writeInts(Path file, int[] values) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asIntBuffer().put(values);
        Files.write(file, buffer.array());
    }

    private static void writeDoubles(Path file, List<double[]> blocks) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            for (double[] block : blocks) {
                append(out, block);
            }
        }
    }

    private static void append(OutputStream out, double[] values) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asDoubleBuffer().put(values);
        out.write(buffer.array());
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
