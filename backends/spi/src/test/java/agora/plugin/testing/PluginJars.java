package agora.plugin.testing;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds plug-in jars at test time: the entries of a jar are paths with their bytes, from
 * {@link #services}, {@link #classFiles} (already-compiled classes) or {@link #compile} (Java
 * source compiled with {@code javax.tools} against the modules of the classes given), so a test
 * can load a plug-in that is not on its own class path.
 */
public final class PluginJars {
    private PluginJars() {
    }

    /** Writes a jar of the entries (path in the jar to bytes). */
    @SafeVarargs
    public static Path write(Path jar, Map<String, byte[]>... parts) {
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file)) {
            for (Map<String, byte[]> part : parts) {
                for (Map.Entry<String, byte[]> e : part.entrySet()) {
                    out.putNextEntry(new JarEntry(e.getKey()));
                    out.write(e.getValue());
                    out.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar;
    }

    /** A {@code META-INF/services} file registering the providers (class names) of a service. */
    public static Map<String, byte[]> services(Class<?> service, String... providers) {
        return Map.of("META-INF/services/" + service.getName(),
                (String.join("\n", providers) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The class files of compiled classes (top-level or nested), as they are on the class path. */
    public static Map<String, byte[]> classFiles(Class<?>... classes) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (Class<?> c : classes) {
            String path = c.getName().replace('.', '/') + ".class";
            try (InputStream in = c.getClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("no class file for " + c.getName());
                }
                out.put(path, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /**
     * Compiles Java sources (fully qualified class name to source text) for Java 17 against the
     * jars or folders the given classes come from, and returns the class files.
     *
     * @throws IllegalStateException with the compiler's messages when the sources do not compile
     */
    public static Map<String, byte[]> compile(Path work, Map<String, String> sources,
                                              Class<?>... classPath) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler: run the tests on a JDK");
        }
        try {
            Path src = Files.createDirectories(work.resolve("src"));
            Path classes = Files.createDirectories(work.resolve("classes"));
            List<String> args = new ArrayList<>(List.of("--release", "17", "-d", classes.toString(),
                    "-classpath", Stream.of(classPath).map(PluginJars::location)
                            .flatMap(Optional::stream).distinct()
                            .collect(Collectors.joining(File.pathSeparator))));
            for (Map.Entry<String, String> e : sources.entrySet()) {
                Path file = src.resolve(e.getKey().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                args.add(Files.writeString(file, e.getValue()).toString());
            }
            ByteArrayOutputStream messages = new ByteArrayOutputStream();
            if (javac.run(null, messages, messages, args.toArray(String[]::new)) != 0) {
                throw new IllegalStateException("the plug-in does not compile:\n"
                        + messages.toString(StandardCharsets.UTF_8));
            }
            Map<String, byte[]> out = new LinkedHashMap<>();
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    out.put(classes.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The jar or classes folder a class is loaded from; none for the JDK's own. */
    private static Optional<String> location(Class<?> c) {
        CodeSource source = c.getProtectionDomain().getCodeSource();
        if (source == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(source.getLocation().toURI()).toString());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
