package agora.market.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * A file a run read (its scenario, an import, a CSV profile), as it was: {@code summary.json}
 * lists each one, so a changed profile shows as a changed hash even where the scenario's text
 * did not change.
 *
 * @param path   as shown: relative to the working folder when inside it, else absolute
 * @param kind   {@code scenario}, {@code import} or {@code csv}
 * @param sha256 lower-case hex of the file's bytes
 */
public record InputFile(String path, String kind, long bytes, String sha256) {

    /** Measures {@code file} now. */
    public static InputFile of(Path file, String kind) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        Path here = Path.of("").toAbsolutePath();
        String shown = absolute.startsWith(here) ? here.relativize(absolute).toString()
                : absolute.toString();
        MessageDigest digest = OutputFolder.sha256();
        long bytes = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(absolute)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
                bytes += n;
            }
        }
        return new InputFile(shown.replace('\\', '/'), kind, bytes,
                HexFormat.of().formatHex(digest.digest()));
    }
}
