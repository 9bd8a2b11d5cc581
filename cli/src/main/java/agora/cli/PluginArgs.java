package agora.cli;

import agora.plugin.PluginException;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import picocli.CommandLine.Option;

/**
 * {@code --plugins DIR} (else the {@code AGORA_PLUGINS} environment variable): every
 * {@code *.jar} in the folder goes into one class loader, whose parent is the command line's
 * own, and the registries of designs and backends are built for it. So a plug-in jar is found
 * however Agora is started ({@code java -jar} ignores the class path).
 */
final class PluginArgs {
    /** The environment variable read when there is no {@code --plugins}. */
    static final String ENVIRONMENT = "AGORA_PLUGINS";

    @Option(names = "--plugins", paramLabel = "DIR",
            description = "load market designs and solver backends from every .jar in DIR "
                    + "(default: $" + ENVIRONMENT + ")")
    Path plugins;

    /**
     * The designs and backends of this command: Agora's own, plus the plug-ins' when a folder
     * is given.
     *
     * @throws UsageError when the folder does not exist, holds no jar, or a jar's design or
     *                    backend cannot be loaded (the message names the jar)
     */
    Registries registries(CliContext ctx) {
        ClassLoader own = PluginArgs.class.getClassLoader();
        List<Path> jars = jarFiles(ctx);
        if (jars.isEmpty()) {
            return Registries.of(own);
        }
        List<URL> urls = new ArrayList<>();
        for (Path jar : jars) {
            try {
                urls.add(jar.toUri().toURL());
            } catch (java.net.MalformedURLException e) {
                throw new UsageError(jar + ": not a readable jar (" + e.getMessage() + ")");
            }
        }
        // never closed: the plug-ins' classes are in use until the command ends
        URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), own);
        try {
            return Registries.of(loader);
        } catch (PluginException e) {
            throw new UsageError(e.getMessage());
        }
    }

    /**
     * The plug-in jars of this command, absolute and sorted by name; none without
     * {@code --plugins} or {@code AGORA_PLUGINS}.
     *
     * @throws UsageError as {@link #registries}
     */
    List<Path> jarFiles(CliContext ctx) {
        String fromEnvironment = ctx.environment().get(ENVIRONMENT);
        if (plugins == null && (fromEnvironment == null || fromEnvironment.isBlank())) {
            return List.of();
        }
        String source = plugins != null ? "--plugins " + plugins : ENVIRONMENT + "=" + fromEnvironment;
        Path dir = plugins != null ? plugins : path(fromEnvironment, source);
        return jars(dir, source);
    }

    private static Path path(String text, String source) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new UsageError(source + ": not a folder name (" + e.getMessage() + ")");
        }
    }

    /** The folder's {@code *.jar} files, sorted by name. */
    private static List<Path> jars(Path dir, String source) {
        if (!Files.isDirectory(dir)) {
            throw new UsageError(source + ": " + (Files.exists(dir) ? "not a folder"
                    : "no such folder"));
        }
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*.jar")) {
            entries.forEach(p -> {
                if (Files.isRegularFile(p)) {
                    found.add(p);
                }
            });
        } catch (IOException e) {
            throw new UsageError(source + ": cannot list the folder: " + e.getMessage());
        }
        if (found.isEmpty()) {
            throw new UsageError(source + ": the folder holds no .jar file");
        }
        found.sort(null);
        List<Path> out = new ArrayList<>();
        for (Path jar : found) {
            // a class loader skips a jar it cannot open without a word: say so instead
            try {
                new JarFile(jar.toFile()).close();
                out.add(jar.toAbsolutePath().normalize());
            } catch (IOException e) {
                throw new UsageError(jar + ": not a readable jar (" + e.getMessage() + ")");
            }
        }
        return out;
    }
}
