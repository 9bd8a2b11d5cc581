package agora.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plug-in jar of a sweep ({@code --plugins DIR} or {@code AGORA_PLUGINS}): like the scenario,
 * it reaches the executors through a path they share with the driver, and each executor checks
 * that the jar at that path is the one the driver loaded (its SHA-256) before loading it, so a
 * missing or other jar fails the task with a message instead of solving another design.
 *
 * @param path   absolute path of the jar, the same on every machine
 * @param sha256 of the jar's bytes on the driver
 */
record PluginJar(String path, String sha256) implements Serializable {
    /** Registries per list of jars, one class loader per list in this JVM. */
    private static final Map<List<PluginJar>, Registries> LOADED = new LinkedHashMap<>();

    /** The jars as the driver found them. */
    static List<PluginJar> of(List<Path> jars) {
        return jars.stream().map(j -> new PluginJar(j.toString(), digest(j))).toList();
    }

    /**
     * The designs and backends of this JVM with the jars': Agora's own when there are none.
     *
     * @throws IllegalStateException when a jar is missing here or differs from the driver's
     */
    static Registries registries(List<PluginJar> jars, String executor) {
        ClassLoader own = PluginJar.class.getClassLoader();
        if (jars.isEmpty()) {
            return Registries.of(own);
        }
        synchronized (LOADED) {
            Registries loaded = LOADED.get(jars);
            if (loaded != null) {
                return loaded;
            }
            URL[] urls = new URL[jars.size()];
            for (int i = 0; i < urls.length; i++) {
                urls[i] = jars.get(i).checked(executor);
            }
            // never closed: tasks of this sweep use its classes until the JVM ends
            Registries registries = Registries.of(new URLClassLoader(urls, own));
            LOADED.put(List.copyOf(jars), registries);
            return registries;
        }
    }

    private URL checked(String executor) {
        Path jar = Path.of(path);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("plug-in jar " + path + " is missing on " + executor
                    + "; the executors must see the same files at the same paths");
        }
        if (!digest(jar).equals(sha256)) {
            throw new IllegalStateException("plug-in jar " + path + " on " + executor
                    + " is not the one the driver loaded (another SHA-256); the executors must "
                    + "see the same files at the same paths");
        }
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(path + " is not a path a class loader reads", e);
        }
    }

    private static String digest(Path jar) {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(jar),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read plug-in jar " + jar + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
