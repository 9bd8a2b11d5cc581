package agora.solver;

import agora.plugin.ServiceRegistry;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The backends registered with {@link ServiceLoader}, looked up by name. {@link #load} builds the
 * registry a class loader sees (Agora's own backends and those of plug-in jars); the static
 * lookups are the view of Agora's own class loader.
 */
public final class SolverBackends {
    /** Backends: named by {@link SolverBackend#name()}. */
    public static final ServiceRegistry.Kind<SolverBackend> KIND = new ServiceRegistry.Kind<>(
            SolverBackend.class, SolverBackend::name, "backend", "backends");

    private SolverBackends() {
    }

    /**
     * The backends {@code loader} sees.
     *
     * @throws agora.plugin.PluginException when one cannot be loaded, naming its jar
     */
    public static ServiceRegistry<SolverBackend> load(ClassLoader loader) {
        return ServiceRegistry.load(KIND, loader);
    }

    /** The backends on Agora's own class path. */
    public static ServiceRegistry<SolverBackend> registry() {
        return load(SolverBackends.class.getClassLoader());
    }

    /** Every registered backend, sorted by name. */
    public static List<SolverBackend> all() {
        return registry().all();
    }

    public static Optional<SolverBackend> find(String name) {
        return registry().find(name);
    }

    /**
     * The backend called {@code name}.
     *
     * @throws IllegalArgumentException naming the registered backends when there is none by
     *                                  that name
     */
    public static SolverBackend byName(String name) {
        return registry().byName(name);
    }

    public static List<String> names() {
        return registry().names();
    }
}
