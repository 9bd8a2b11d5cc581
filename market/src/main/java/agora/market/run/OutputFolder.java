package agora.market.run;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The folder a run writes its outputs into ({@code --out}), written so that nothing of the user's
 * is ever lost or half-written.
 *
 * <ul>
 *   <li>Files are written into a hidden staging folder inside the output folder
 *       ({@code .agora-partial-*}) and moved into place by {@link #commit}, one rename per file,
 *       the manifest ({@link #MANIFEST}) last. {@link #abort} (a failed write, Ctrl-C) removes the
 *       staging folder, and the output folder too when this run created it, so the folder is
 *       left as it was.</li>
 *   <li>Only files that Agora wrote are replaced: a name is written over only when the manifest of
 *       the earlier run lists it and its size and SHA-256 are still those the manifest records.
 *       Every other file (the scenario, data, notes, anything) stays untouched. An output name
 *       held by anything else (the user's own {@code peers.csv}, a file changed since Agora wrote
 *       it, a symbolic link, a folder) stops the run before it starts, with the reason.</li>
 *   <li>An output folder given as a symbolic link is written through: the link stays, the folder
 *       it points to receives the files.</li>
 *   <li>A folder this run creates, and every file, get the permissions of the process's umask.</li>
 * </ul>
 *
 * <p>Thread-safe: {@link #abort} may come from a shutdown hook while the run writes.
 */
public final class OutputFolder {
    /** The summary of the run, which also lists every file the run wrote (its manifest). */
    public static final String MANIFEST = "summary.json";
    static final String STAGING_PREFIX = ".agora-partial-";

    private enum State { OPEN, COMMITTED, ABORTED }

    private final Path given;
    private final Path folder;
    /** The outermost folder this run created for the output, or null. */
    private final Path created;
    private final Path staging;
    private final List<String> names;
    private final Map<String, Manifest.Entry> written = new LinkedHashMap<>();
    private State state = State.OPEN;
    /** The earlier output this one replaced, once committed. */
    private Manifest.Origin replaced;

    private OutputFolder(Path given, Path folder, Path created, Path staging, List<String> names) {
        this.given = given;
        this.folder = folder;
        this.created = created;
        this.staging = staging;
        this.names = List.copyOf(names);
    }

    /**
     * Prepares {@code out} for a run that writes the files {@code names} (the manifest included):
     * checks that none of them would replace a file Agora did not write, creates the folder when
     * missing and the staging folder inside it.
     *
     * @throws IOException naming the files in the way, or why the folder cannot be used (the
     *                     message says "it ..." of the folder); nothing is changed then
     */
    public static OutputFolder open(Path out, List<String> names) throws IOException {
        if (!names.contains(MANIFEST)) {
            throw new IllegalArgumentException("the outputs must include " + MANIFEST);
        }
        Path folder = out.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(folder)) {
            try {
                folder = folder.toRealPath();
            } catch (NoSuchFileException e) {
                throw new IOException("it is a symbolic link to " + Files.readSymbolicLink(folder)
                        + ", which does not exist");
            }
        }
        Path created = null;
        if (Files.exists(folder)) {
            if (!Files.isDirectory(folder)) {
                throw new FileAlreadyExistsException(null, null, "it exists and is not a folder");
            }
            checkReplaceable(folder, names);
        } else {
            if (folder.getParent() == null) {
                throw new IOException("cannot write outputs into the root folder");
            }
            created = highestMissing(folder);
            Files.createDirectories(folder); // permissions from the umask
        }
        try {
            Path staging = Files.createTempDirectory(folder, STAGING_PREFIX);
            return new OutputFolder(out, folder, created, staging, names);
        } catch (IOException | RuntimeException e) {
            removeCreated(folder, created);
            throw e;
        }
    }

    /** The outermost folder of {@code folder}'s path that does not exist yet. */
    private static Path highestMissing(Path folder) {
        Path missing = folder;
        for (Path p = folder.getParent(); p != null && !Files.exists(p); p = p.getParent()) {
            missing = p;
        }
        return missing;
    }

    /** Removes the folders from {@code folder} up to {@code created} while they are empty. */
    private static void removeCreated(Path folder, Path created) {
        if (created == null) {
            return;
        }
        try {
            for (Path p = folder; p != null && p.startsWith(created) && isEmpty(p); p = p.getParent()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            // left as it is: an empty folder
        }
    }

    /** The folder the files go to (a symbolic link resolved). */
    public Path folder() {
        return folder;
    }

    /**
     * A new file of the output, written into the staging folder; its size and SHA-256 are recorded
     * when it is closed, for the manifest.
     */
    public synchronized OutputStream create(String name) throws IOException {
        ensureOpen();
        if (!names.contains(name) || written.containsKey(name)) {
            throw new IllegalArgumentException("not an output to write: " + name);
        }
        OutputStream file = Files.newOutputStream(staging.resolve(name), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE);
        return new RecordingStream(name, file);
    }

    /** The files written and closed so far, in the order they were created. */
    public synchronized Map<String, Manifest.Entry> written() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(written));
    }

    /**
     * Moves every written file into the folder, the manifest last, and removes files of the
     * earlier run that this one did not write again.
     *
     * @throws IOException when a file in the way is no longer one Agora wrote, or a move fails;
     *                     the staging folder is removed either way
     */
    public synchronized void commit() throws IOException {
        ensureOpen();
        try {
            if (!written.containsKey(MANIFEST)) {
                throw new IllegalStateException("the manifest " + MANIFEST + " was not written");
            }
            Optional<Manifest> earlier = checkReplaceable(folder, names);
            List<String> order = new ArrayList<>(written.keySet());
            order.remove(MANIFEST);
            order.add(MANIFEST);
            for (String name : order) {
                Files.move(staging.resolve(name), folder.resolve(name),
                        StandardCopyOption.ATOMIC_MOVE);
            }
            if (earlier.isPresent()) {
                for (String stale : earlier.get().entries().keySet()) {
                    if (!written.containsKey(stale)) {
                        Files.deleteIfExists(folder.resolve(stale));
                    }
                }
            }
            deleteTree(staging);
            state = State.COMMITTED;
            replaced = earlier.map(Manifest::origin).orElse(null);
        } finally {
            if (state == State.OPEN) {
                removeStaging();
            }
        }
    }

    /**
     * Removes the staging folder with whatever was written so far, and the output folder (with
     * the parents it needed) when this run created it and nothing else was put there. Does
     * nothing once committed or aborted.
     *
     * @return true when a partial output was removed
     */
    public synchronized boolean abort() {
        if (state != State.OPEN) {
            return false;
        }
        removeStaging();
        return true;
    }

    /** The run whose output this one replaced, once committed; empty for a first output. */
    public synchronized Optional<Manifest.Origin> replaced() {
        return Optional.ofNullable(replaced);
    }

    /** True once {@link #abort} removed the partial output. */
    public synchronized boolean aborted() {
        return state == State.ABORTED;
    }

    private void removeStaging() {
        state = State.ABORTED;
        try {
            deleteTree(staging);
        } catch (IOException e) {
            // Nothing more can be done; the staging folder is hidden and named as Agora's.
        }
        removeCreated(folder, created);
    }

    private void ensureOpen() throws IOException {
        if (state == State.ABORTED) {
            throw new InterruptedIOException("the output to " + given + " was abandoned");
        }
        if (state == State.COMMITTED) {
            throw new IllegalStateException("the output to " + given + " is already written");
        }
    }

    /**
     * Fails unless each of {@code names} in {@code folder} is absent or a regular file that the
     * earlier run's manifest lists, unchanged; returns that manifest when there is one.
     */
    private static Optional<Manifest> checkReplaceable(Path folder, List<String> names)
            throws IOException {
        Path manifestFile = folder.resolve(MANIFEST);
        Optional<Manifest> earlier = Optional.empty();
        List<String> inTheWay = new ArrayList<>();
        if (Files.exists(manifestFile, LinkOption.NOFOLLOW_LINKS)) {
            earlier = Files.isRegularFile(manifestFile, LinkOption.NOFOLLOW_LINKS)
                    ? Manifest.read(manifestFile) : Optional.empty();
            if (earlier.isEmpty()) {
                inTheWay.add(MANIFEST + " (not a summary Agora wrote)");
            }
        }
        for (String name : names) {
            if (name.equals(MANIFEST)) {
                continue;
            }
            Path file = folder.resolve(name);
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            Optional<String> why = earlier.isEmpty()
                    ? Optional.of("no earlier " + MANIFEST + " lists it")
                    : earlier.get().whyNotAsWritten(name, file);
            why.ifPresent(reason -> inTheWay.add(name + " (" + reason + ")"));
        }
        if (earlier.isPresent()) {
            for (String listed : earlier.get().entries().keySet()) {
                Path file = folder.resolve(listed);
                if (!names.contains(listed) && Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                    earlier.get().whyNotAsWritten(listed, file)
                            .ifPresent(reason -> inTheWay.add(listed + " (" + reason + ")"));
                }
            }
        }
        if (!inTheWay.isEmpty()) {
            throw new FileAlreadyExistsException(null, null,
                    "it holds files Agora would replace but did not write: "
                            + String.join(", ", inTheWay) + "; nothing was changed. Move them "
                            + "away or choose another --out");
        }
        return earlier;
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** Counts and digests what goes through, and records the file in the manifest when closed. */
    private final class RecordingStream extends FilterOutputStream {
        private final String name;
        private final MessageDigest digest = sha256();
        private long bytes;
        private boolean closed;

        RecordingStream(String name, OutputStream out) {
            super(out);
            this.name = name;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            digest.update((byte) b);
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            digest.update(b, off, len);
            bytes += len;
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            out.close();
            synchronized (OutputFolder.this) {
                ensureOpen();
                written.put(name, new Manifest.Entry(bytes, HexFormat.of().formatHex(digest.digest())));
            }
        }
    }
}
