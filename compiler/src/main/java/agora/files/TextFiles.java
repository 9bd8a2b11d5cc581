package agora.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * Reads the files a scenario names: the scenario itself, the files it imports and its CSV files.
 * A file is opened only when it is a regular file within its size limit: a device such as
 * {@code /dev/zero} or a named pipe would be read forever. What is read is accepted only as UTF-8
 * text without NUL bytes, so that no binary file (nor {@code /proc/self/environ}, whose entries
 * NUL separates) ever reaches a diagnostic's excerpt.
 */
public final class TextFiles {
    private static final long MIB = 1L << 20;

    /** What a file is read as, and how large it may be. */
    public enum Kind {
        /** A scenario or a module it imports: far beyond any written by hand or generated. */
        SCENARIO("a scenario file", 16 * MIB),
        /** A CSV file of profiles: a year of one-minute values in 20 columns is about 90 MiB. */
        CSV("a CSV file", 128 * MIB);

        private final String description;
        private final long maxBytes;

        Kind(String description, long maxBytes) {
            this.description = description;
            this.maxBytes = maxBytes;
        }

        /** The size limit in bytes. */
        public long maxBytes() {
            return maxBytes;
        }
    }

    /** Why a file was not read, as a sentence naming it by its absolute path. */
    public static final class UnreadableFileException extends IOException {
        private static final long serialVersionUID = 1L;
        private final boolean missing;

        UnreadableFileException(String reason, boolean missing) {
            super(reason);
            this.missing = missing;
        }

        /** True when nothing is there at all (a misspelt name, most likely). */
        public boolean missing() {
            return missing;
        }
    }

    private TextFiles() {
    }

    /**
     * The whole text of {@code file}.
     *
     * @throws UnreadableFileException when it is missing, not a regular file, too large, not
     *                                 UTF-8 text, holds a NUL byte or cannot be read; the message
     *                                 says which, for a hint
     */
    public static String read(Path file, Kind kind) throws UnreadableFileException {
        Path where = file.toAbsolutePath().normalize();
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new UnreadableFileException("looked for " + where, true);
        } catch (IOException e) {
            throw unreadable(where, e);
        }
        if (attributes.isDirectory()) {
            throw new UnreadableFileException(where + " is a folder, not a file", false);
        }
        if (!attributes.isRegularFile()) {
            throw new UnreadableFileException(where + " is not a regular file (a device, a named pipe or a socket)",
                    false);
        }
        if (attributes.size() > kind.maxBytes) {
            throw tooLarge(where, kind, String.format(Locale.ROOT, "is %.1f MiB", (double) attributes.size() / MIB));
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            // files under /proc say they hold 0 bytes and then give any number: read one past the limit
            bytes = in.readNBytes((int) kind.maxBytes + 1);
        } catch (IOException e) {
            throw unreadable(where, e);
        }
        if (bytes.length > kind.maxBytes) {
            throw tooLarge(where, kind, "holds more than " + kind.maxBytes / MIB + " MiB");
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new UnreadableFileException(where + " is not a text file: it holds a NUL byte (at byte "
                        + i + ")", false);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new UnreadableFileException(where + " is not UTF-8 text; save it as UTF-8", false);
        }
    }

    private static UnreadableFileException tooLarge(Path where, Kind kind, String size) {
        return new UnreadableFileException(where + " " + size + ": " + kind.description + " may hold at most "
                + kind.maxBytes / MIB + " MiB", false);
    }

    private static UnreadableFileException unreadable(Path where, IOException e) {
        if (e instanceof AccessDeniedException) {
            return new UnreadableFileException("no permission to read " + where, false);
        }
        return new UnreadableFileException(where + ": " + reason(e), false);
    }

    /**
     * What went wrong, without the path a file system error repeats in its message: "File name
     * too long", "Is a directory", else the exception's own words.
     */
    public static String reason(IOException e) {
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
