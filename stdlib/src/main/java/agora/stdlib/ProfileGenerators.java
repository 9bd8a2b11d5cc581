package agora.stdlib;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The available {@link ProfileGenerator}s: the four standard ones ({@code household_load},
 * {@code solar}, {@code wholesale_price}, {@code wind}) and any that a jar on the class path
 * declares in {@code META-INF/services/agora.stdlib.ProfileGenerator}. A plug-in cannot replace a
 * standard generator: on a name clash the first one registered (standard ones first, then
 * plug-ins by class name) wins, so a scenario means the same everywhere.
 */
public final class ProfileGenerators {

    private ProfileGenerators() {
    }

    /** Every generator, sorted by name (stable for listings and hints). */
    public static List<ProfileGenerator> all() {
        return all(ProfileGenerators.class.getClassLoader());
    }

    /** Every generator, with plug-ins looked up through {@code classLoader}. */
    public static List<ProfileGenerator> all(ClassLoader classLoader) {
        Map<String, ProfileGenerator> byName = new LinkedHashMap<>();
        for (ProfileGenerator g : standard()) {
            byName.putIfAbsent(g.name(), g);
        }
        List<ProfileGenerator> plugins = new ArrayList<>();
        ServiceLoader.load(ProfileGenerator.class, classLoader).forEach(plugins::add);
        plugins.sort(Comparator.comparing(g -> g.getClass().getName()));
        for (ProfileGenerator g : plugins) {
            byName.putIfAbsent(g.name(), g);
        }
        List<ProfileGenerator> sorted = new ArrayList<>(byName.values());
        sorted.sort(Comparator.comparing(ProfileGenerator::name));
        return List.copyOf(sorted);
    }

    /** The generator called {@code name}, or empty (then list {@link #names()} in the error). */
    public static Optional<ProfileGenerator> find(String name) {
        return all().stream().filter(g -> g.name().equals(name)).findFirst();
    }

    /** The available names, sorted. */
    public static List<String> names() {
        return all().stream().map(ProfileGenerator::name).toList();
    }

    /** The generators that ship with Agora. */
    public static List<ProfileGenerator> standard() {
        return List.of(new HouseholdLoadGenerator(), new SolarGenerator(),
                new WholesalePriceGenerator(), new WindGenerator());
    }
}
