package agora.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Where the driver puts each task's per-step rows ({@code --per-step}) as the task's result
 * arrives, compressed as they came, so that the driver's memory does not grow with the sweep: a
 * hidden folder inside the output folder, one file per task, written once (a second result of the
 * same task would find its file there and stop the sweep), and copied into {@code steps.csv} in
 * task order at the end. Removed whatever happens.
 */
final class StepSpool implements AutoCloseable {
    static final String PREFIX = ".agora-sweep-steps-";

    private final Path dir;

    private StepSpool(Path dir) {
        this.dir = dir;
    }

    /** A new spool inside {@code folder}. */
    static StepSpool in(Path folder) {
        try {
            return new StepSpool(Files.createTempDirectory(folder, PREFIX));
        } catch (IOException e) {
            throw new UserError("cannot write into " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Puts the block's rows aside and returns the block without them. */
    BlockResult put(BlockResult block) {
        Path file = file(block.task());
        try {
            Files.write(file, block.stepRows(), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException("task " + block.task().id() + " came back twice", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the rows of task " + block.task().id()
                    + " in " + dir + ": " + e.getMessage(), e);
        }
        return block.withoutRows();
    }

    /** Every task's rows, uncompressed, in the order of {@code tasks}. */
    void copyTo(OutputStream out, List<SweepTask> tasks) throws IOException {
        for (SweepTask task : tasks) {
            try (InputStream rows = new GZIPInputStream(Files.newInputStream(file(task)))) {
                rows.transferTo(out);
            }
        }
    }

    private Path file(SweepTask task) {
        return dir.resolve("task-" + task.id() + ".gz");
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // nothing more can be done: the folder is hidden and named as Agora's
        }
    }
}
