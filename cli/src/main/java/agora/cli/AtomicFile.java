package agora.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a file all at once: a temporary file beside it, renamed into place when complete. */
final class AtomicFile {
    private AtomicFile() {
    }

    /** @throws UserError naming the file when it cannot be written */
    static void write(Path file, String text) {
        Path target = file.toAbsolutePath();
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            try {
                Files.writeString(temp, text, StandardCharsets.UTF_8);
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UserError("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
