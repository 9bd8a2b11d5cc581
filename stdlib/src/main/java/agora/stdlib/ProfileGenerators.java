package agora.stdlib;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * The registered {@link ProfileGenerator}s: the standard ones and any a jar on the class path
 * declares in {@code META-INF/services/agora.stdlib.ProfileGenerator}.
 */
public final class ProfileGenerators {

    private ProfileGenerators() {
    }

    /** Every registered generator, sorted by name (stable for listings and hints). */
    public static List<ProfileGenerator> all() {
        return ServiceLoader.load(ProfileGenerator.class, ProfileGenerators.class.getClassLoader())
                .stream()
                .map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparing(ProfileGenerator::name))
                .collect(Collectors.toUnmodifiableList());
    }

    /** The generator called {@code name}, or empty (list {@link #names()} in the error). */
    public static Optional<ProfileGenerator> find(String name) {
        return all().stream().filter(g -> g.name().equals(name)).findFirst();
    }

    /** The registered names, sorted. */
    public static List<String> names() {
        return all().stream().map(ProfileGenerator::name).collect(Collectors.toUnmodifiableList());
    }
}
