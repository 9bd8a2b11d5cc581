package agora.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The repository the tests run in. Surefire starts them in the repository root (see
 * examples/pom.xml), so relative paths such as {@code examples/invalid/x.agora} are the ones a
 * user types, and diagnostics name files exactly as they would in a terminal.
 */
final class Repo {
    /** Stands for the absolute path of the repository root in golden files. */
    static final String ROOT_PLACEHOLDER = "<repo>";

    private Repo() {
    }

    /** The working directory, checked to be the repository root. */
    static Path root() {
        Path root = Path.of("").toAbsolutePath();
        assertTrue(Files.isDirectory(root.resolve("examples/invalid")),
                "tests must run in the repository root (examples/pom.xml sets surefire's "
                        + "workingDirectory), not in " + root);
        return root;
    }

    /** A path relative to the root, written with '/' as a user would type it. */
    static String relative(Path file) {
        return root().relativize(file.toAbsolutePath()).toString().replace('\\', '/');
    }

    /** Replaces the machine-specific absolute root path with {@link #ROOT_PLACEHOLDER}. */
    static String portable(String text) {
        return text.replace(root().toString(), ROOT_PLACEHOLDER);
    }

    /** The {@code .agora} files directly inside a folder of the root, sorted by name. */
    static List<Path> agoraFiles(String folder) {
        return filesEndingWith(folder, ".agora");
    }

    static List<Path> filesEndingWith(String folder, String suffix) {
        try (Stream<Path> files = Files.list(root().resolve(folder))) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix))
                    .filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's name without its extension: {@code examples/invalid/x.agora} gives {@code x}. */
    static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}
