package agora.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/**
 * Writes a file all at once: a hidden temporary file beside it, renamed into place when complete.
 * An existing file is replaced only when it is an earlier output of the same command, so a
 * mistyped {@code --out} never overwrites a file of the user's; a symbolic link is written
 * through (the link stays, the file it points to is replaced). The file gets the permissions of
 * the process's umask.
 */
final class AtomicFile {
    private static final int NAME_ATTEMPTS = 100;

    private AtomicFile() {
    }

    /**
     * @param earlierOutput true for an existing file that this output may replace
     * @param whatItIs      what such a file is, for the message when another one is in the way
     * @throws UserError naming the file when it cannot be written or is in the way
     */
    static void write(Path file, String text, Predicate<Path> earlierOutput, String whatItIs) {
        try {
            Path target = resolve(file);
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
                    throw new UserError("cannot write " + file + ": it exists and is not a file");
                }
                if (!earlierOutput.test(target)) {
                    throw new UserError("cannot write " + file + ": it exists and is not " + whatItIs
                            + ", so it was left as it is; choose another --out");
                }
            }
            Files.createDirectories(target.getParent());
            Path temp = createTemp(target);
            try {
                try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.WRITE)) {
                    out.write(text.getBytes(StandardCharsets.UTF_8));
                }
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UserError("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The first {@code bytes} bytes of a file as text (fewer when it is shorter), to tell an
     * earlier output from a file of the user's; empty when it cannot be read.
     */
    static String head(Path file, int bytes) {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(bytes), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The file itself, through a symbolic link. */
    private static Path resolve(Path file) throws IOException {
        Path target = file.toAbsolutePath().normalize();
        if (!Files.isSymbolicLink(target)) {
            return target;
        }
        try {
            return target.toRealPath();
        } catch (NoSuchFileException e) {
            throw new IOException("it is a symbolic link to " + Files.readSymbolicLink(target)
                    + ", which does not exist");
        }
    }

    /**
     * A new empty file beside {@code target}, created (not by {@link Files#createTempFile}, whose
     * files are private to the owner) with the permissions of the umask; removed should the
     * process be stopped before it is renamed.
     */
    private static Path createTemp(Path target) throws IOException {
        for (int attempt = 0; attempt < NAME_ATTEMPTS; attempt++) {
            Path temp = target.resolveSibling("." + target.getFileName() + "."
                    + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            try {
                Files.createFile(temp);
                temp.toFile().deleteOnExit();
                return temp;
            } catch (FileAlreadyExistsException e) {
                // another name
            }
        }
        throw new IOException("no free temporary name beside " + target);
    }
}
