package agora.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agora.plugin.testing.PluginJars;
import agora.solver.Capabilities;
import agora.solver.QpModel;
import agora.solver.QpSolution;
import agora.solver.SolverBackend;
import agora.solver.SolverBackends;
import agora.solver.SolverOptions;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Registries built for a class loader over jars made here: providers found through their
 * {@code META-INF/services} files, and every way a provider can fail reported at its jar.
 */
class ServiceRegistryTest {
    @TempDir
    Path tmp;

    /** A backend that only has a name; it is never asked to solve. */
    public abstract static class Named implements SolverBackend {
        private final String name;

        Named(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Capabilities capabilities() {
            throw new UnsupportedOperationException("not used");
        }

        @Override
        public QpSolution solve(QpModel model, SolverOptions options) {
            throw new UnsupportedOperationException("not used");
        }
    }

    public static final class Alpha extends Named {
        public Alpha() {
            super("alpha");
        }
    }

    public static final class Beta extends Named {
        public Beta() {
            super("beta");
        }
    }

    public static final class AnotherAlpha extends Named {
        public AnotherAlpha() {
            super("alpha");
        }
    }

    public static final class Exploding extends Named {
        public Exploding() {
            super("exploding");
            throw new IllegalStateException("no licence for the solver");
        }
    }

    public static final class NotABackend {
    }

    private Path jar(String name, String... providers) {
        return PluginJars.write(tmp.resolve(name), PluginJars.services(SolverBackend.class, providers));
    }

    private static ClassLoader over(Path... jars) throws MalformedURLException {
        URL[] urls = new URL[jars.length];
        for (int i = 0; i < jars.length; i++) {
            urls[i] = jars[i].toUri().toURL();
        }
        return new URLClassLoader(urls, ServiceRegistryTest.class.getClassLoader());
    }

    private PluginException failure(Path... jars) throws MalformedURLException {
        ClassLoader loader = over(jars);
        return assertThrows(PluginException.class, () -> SolverBackends.load(loader));
    }

    @Test
    void providersListedInJarsAreFoundAndSortedByName() throws MalformedURLException {
        var registry = SolverBackends.load(over(jar("b.jar", Beta.class.getName()),
                jar("a.jar", Alpha.class.getName())));
        assertEquals(List.of("alpha", "beta"), registry.names());
        assertEquals(Alpha.class, registry.byName("alpha").getClass());
        assertTrue(registry.find("gamma").isEmpty());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> registry.byName("gamma"));
        assertEquals("unknown backend 'gamma'; registered backends: alpha, beta", unknown.getMessage());
    }

    @Test
    void aClassThatIsNotInTheJarIsReportedAtTheJar() throws MalformedURLException {
        Path jar = jar("missing.jar", "example.Missing");
        assertEquals(jar + ": cannot load the backend example.Missing: its class is not in the jar "
                + "(Provider example.Missing not found)", failure(jar).getMessage());
    }

    @Test
    void aClassThatIsNotABackendIsReportedAtTheJar() throws MalformedURLException {
        Path good = jar("a.jar", Alpha.class.getName());
        Path bad = jar("b.jar", NotABackend.class.getName());
        assertEquals(bad + ": cannot load the backend " + NotABackend.class.getName()
                + ": it does not implement agora.solver.SolverBackend", failure(good, bad).getMessage());
    }

    @Test
    void aConstructorThatFailsIsReportedAtTheJarWithItsReason() throws MalformedURLException {
        Path jar = jar("x.jar", Exploding.class.getName());
        String message = failure(jar).getMessage();
        assertTrue(message.startsWith(jar + ": cannot load the backend " + Exploding.class.getName()
                + ": Provider " + Exploding.class.getName() + " could not be instantiated: "), message);
        assertTrue(message.endsWith("IllegalStateException: no licence for the solver"), message);
    }

    @Test
    void aClassForANewerJavaIsReportedAtTheJar() throws MalformedURLException {
        Map<String, byte[]> classes = PluginJars.compile(tmp.resolve("javac"), Map.of("example.TooNew",
                "package example;\npublic final class TooNew {}\n"), Object.class);
        byte[] bytes = classes.get("example/TooNew.class");
        bytes[7] = 99; // major class file version 99: no Java runtime of today reads it
        Path jar = PluginJars.write(tmp.resolve("new.jar"), classes,
                PluginJars.services(SolverBackend.class, "example.TooNew"));
        String message = failure(jar).getMessage();
        assertTrue(message.startsWith(jar + ": cannot load the backend example.TooNew: "
                + "java.lang.UnsupportedClassVersionError: "), message);
    }

    @Test
    void twoProvidersOfOneNameAreRefusedNamingBothJars() throws MalformedURLException {
        Path a = jar("a.jar", Alpha.class.getName());
        Path another = jar("another.jar", AnotherAlpha.class.getName());
        String message = failure(a, another).getMessage();
        // both classes are loaded from the test classes (the parent loader), so that is where
        // they are said to come from
        assertTrue(message.startsWith("two backends are named 'alpha': " + Alpha.class.getName()
                + " ("), message);
        assertTrue(message.contains(" and " + AnotherAlpha.class.getName() + " ("), message);
    }
}
