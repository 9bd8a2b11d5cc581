package agora.compiler;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the repository's folders from the test's working directory, wherever Maven runs it. */
final class Paths {
    private Paths() {
    }

    /** The repository root: the nearest folder upward that holds examples/ and compiler/. */
    static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("examples")) && Files.isDirectory(dir.resolve("compiler"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
    }

    static Path example(String name) {
        return repoRoot().resolve("examples").resolve(name);
    }

    /** The measured IEEE 14-bus data beside the repository (../shared/data/ieee14-p2p), if there. */
    static Optional<Path> measuredData() {
        Path data = repoRoot().resolve("../shared/data/ieee14-p2p").normalize();
        return Files.isRegularFile(data.resolve("info.csv")) ? Optional.of(data) : Optional.empty();
    }
}
