package agora.market.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The files an earlier run wrote, as its {@code summary.json} lists them ({@code "files"}: name,
 * size and SHA-256 of each), read back so that a new run replaces only those, and only while they
 * are as written.
 *
 * @param entries by file name, in the order listed
 * @param origin  the run that wrote them
 */
public record Manifest(Map<String, Entry> entries, Origin origin) {
    /** What an output of Agora before manifests held (the summary listed no files then). */
    static final List<String> EARLIER_VERSION_FILES = List.of("summary.json", "peers.csv",
            "trades.csv", "collectives.csv", "steps.csv");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * One file as written.
     *
     * @param sha256 lower-case hex; null when not recorded (an output of an earlier version of
     *               Agora, taken as written)
     */
    public record Entry(long bytes, String sha256) {
    }

    /**
     * Which run wrote an output, so a run that replaces it can say so.
     *
     * @param scenarioFile the scenario file as that run was given it ("" when not recorded)
     * @param scenarioName the scenario's name ("" when not recorded)
     * @param written      when its summary.json was written (its modification time)
     */
    public record Origin(String scenarioFile, String scenarioName, Instant written) {
        /** {@code examples/x.agora ('A street'), written 2026-12-03 17:26 UTC}. */
        public String describe() {
            String scenario = scenarioFile.isEmpty() ? "a scenario" : scenarioFile;
            String name = scenarioName.isEmpty() ? "" : " ('" + scenarioName + "')";
            return scenario + name + ", written " + WHEN.format(written);
        }
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter
            .ofPattern("uuuu-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    public Manifest {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    /**
     * The manifest in {@code summary}, or empty when the file is not a summary Agora wrote (not
     * JSON, another tool's, unreadable).
     */
    static Optional<Manifest> read(Path summary) {
        JsonNode root;
        try {
            root = MAPPER.readTree(summary.toFile());
        } catch (IOException e) {
            return Optional.empty();
        }
        if (root == null || !"agora".equals(root.path("tool").path("name").asText(null))) {
            return Optional.empty();
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        Instant written;
        try {
            written = Files.getLastModifiedTime(summary).toInstant();
        } catch (IOException e) {
            written = Instant.EPOCH;
        }
        Origin origin = new Origin(root.path("scenario").path("file").asText(""),
                root.path("scenario").path("name").asText(""), written);
        JsonNode files = root.get("files");
        if (files == null) {
            EARLIER_VERSION_FILES.forEach(name -> entries.put(name, new Entry(-1, null)));
            return Optional.of(new Manifest(entries, origin));
        }
        entries.put(OutputFolder.MANIFEST, new Entry(-1, null));
        for (Iterator<Map.Entry<String, JsonNode>> it = files.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            JsonNode bytes = f.getValue().get("bytes");
            JsonNode sha = f.getValue().get("sha256");
            if (!isPlainName(f.getKey()) || bytes == null || !bytes.canConvertToLong()
                    || sha == null || !sha.isTextual()) {
                return Optional.empty(); // not as Agora writes it
            }
            entries.put(f.getKey(), new Entry(bytes.asLong(), sha.asText()));
        }
        return Optional.of(new Manifest(entries, origin));
    }

    /** A file name of the folder itself (never a path elsewhere). */
    private static boolean isPlainName(String name) {
        return !name.isEmpty() && !name.equals(".") && !name.equals("..") && !name.contains("/")
                && !name.contains("\\");
    }

    /**
     * Why {@code file} (named {@code name}) may not be replaced, or empty when it is as this
     * manifest says Agora wrote it.
     */
    Optional<String> whyNotAsWritten(String name, Path file) throws IOException {
        if (Files.isSymbolicLink(file)) {
            return Optional.of("a symbolic link");
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.of("not a regular file");
        }
        Entry entry = entries.get(name);
        if (entry == null) {
            return Optional.of("not listed in " + OutputFolder.MANIFEST);
        }
        if (entry.sha256() == null) {
            return Optional.empty();
        }
        if (Files.size(file) != entry.bytes() || !sha256(file).equals(entry.sha256())) {
            return Optional.of("changed since Agora wrote it");
        }
        return Optional.empty();
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest = OutputFolder.sha256();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
