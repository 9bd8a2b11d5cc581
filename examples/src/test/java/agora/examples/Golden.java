package agora.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares output with a golden file, or rewrites the golden file when the tests run with
 * {@code -Dagora.updateGolden=true}. Rewritten files must be read (git diff) before they are
 * committed: a golden file states what users see.
 */
final class Golden {
    static final String UPDATE_PROPERTY = "agora.updateGolden";

    private Golden() {
    }

    static boolean updating() {
        return Boolean.getBoolean(UPDATE_PROPERTY);
    }

    /** Asserts that {@code actual} equals the golden file's text (or rewrites the file). */
    static void assertMatches(Path golden, String actual) {
        if (updating()) {
            write(golden, actual);
            return;
        }
        assertTrue(Files.isRegularFile(golden), "no golden file " + Repo.relative(golden)
                + "; create it with -D" + UPDATE_PROPERTY + "=true and read it. Output was:\n" + actual);
        assertEquals(Repo.read(golden), actual, "output differs from " + Repo.relative(golden));
    }

    private static void write(Path golden, String text) {
        try {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
