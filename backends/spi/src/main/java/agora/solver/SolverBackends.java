package agora.solver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** The backends registered with {@link ServiceLoader}, looked up by name. */
public final class SolverBackends {
    private SolverBackends() {
    }

    /** Every registered backend, sorted by name. */
    public static List<SolverBackend> all() {
        List<SolverBackend> backends = new ArrayList<>();
        ServiceLoader.load(SolverBackend.class, SolverBackends.class.getClassLoader())
                .forEach(backends::add);
        backends.sort(Comparator.comparing(SolverBackend::name));
        return backends;
    }

    public static Optional<SolverBackend> find(String name) {
        return all().stream().filter(b -> b.name().equals(name)).findFirst();
    }

    /**
     * The backend called {@code name}.
     *
     * @throws IllegalArgumentException naming the registered backends when there is none by
     *                                  that name
     */
    public static SolverBackend byName(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown backend '" + name
                + "'; registered backends: " + String.join(", ", names())));
    }

    public static List<String> names() {
        return all().stream().map(SolverBackend::name).toList();
    }
}
