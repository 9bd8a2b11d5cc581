package agora.market.run;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes a directory all at once: everything goes into a hidden temporary directory beside the
 * target, which is renamed into place only when complete. A failure while writing removes the
 * temporary directory and leaves the target as it was (absent, or the previous output).
 *
 * <p>An existing target is replaced only when it is empty or holds {@link #MARKER} (a previous
 * output), so a mistyped {@code --out .} never wipes a folder of the user's.
 */
public final class AtomicDirectory {
    /** The file whose presence marks a directory as an earlier output that may be replaced. */
    public static final String MARKER = "summary.json";

    /** Writes the contents of a directory given its (temporary) path. */
    @FunctionalInterface
    public interface Contents {
        void writeInto(Path directory) throws IOException;
    }

    private AtomicDirectory() {
    }

    public static void write(Path target, Contents contents) throws IOException {
        Path dir = target.toAbsolutePath().normalize();
        Path parent = dir.getParent();
        if (parent == null) {
            throw new IOException("cannot write output to the root directory");
        }
        checkReplaceable(dir);
        Files.createDirectories(parent);
        String name = dir.getFileName().toString();
        Path temp = Files.createTempDirectory(parent, "." + name + ".tmp-");
        try {
            contents.writeInto(temp);
            moveIntoPlace(temp, dir, parent, name);
        } catch (IOException | RuntimeException | Error e) {
            try {
                deleteTree(temp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private static void checkReplaceable(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new FileAlreadyExistsException(dir.toString(), null, "exists and is not a directory");
        }
        if (!Files.exists(dir.resolve(MARKER)) && !isEmpty(dir)) {
            throw new DirectoryNotEmptyException(dir + " (not an Agora output: no " + MARKER
                    + "; choose another --out)");
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void moveIntoPlace(Path temp, Path dir, Path parent, String name)
            throws IOException {
        if (!Files.exists(dir)) {
            Files.move(temp, dir, StandardCopyOption.ATOMIC_MOVE);
            return;
        }
        Path old = Files.createTempDirectory(parent, "." + name + ".old-");
        Files.delete(old); // only its unique name is wanted
        Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
        try {
            Files.move(temp, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(old, dir, StandardCopyOption.ATOMIC_MOVE);
            throw e;
        }
        deleteTree(old);
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
