package agora.compiler;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 over every source text of a compilation, in reading order, for reproducibility. */
final class SourceHash {
    private SourceHash() {
    }

    static String of(SourceFiles sources) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String name : sources.names()) {
                sha.update(name.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(sources.text(name).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
