package agora.market;

import agora.plugin.ServiceRegistry;
import agora.topology.Topology;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The market designs registered with {@link ServiceLoader}, looked up by name. {@link #load}
 * builds the registry a class loader sees (the built-in designs and those of plug-in jars); the
 * static lookups are the view of Agora's own class loader. The built-in designs are registered in
 * {@code META-INF/services/agora.market.MarketDesign} exactly as a plug-in's are.
 */
public final class MarketDesigns {
    /** Designs: named by {@link MarketDesign#name()}. */
    public static final ServiceRegistry.Kind<MarketDesign> KIND = new ServiceRegistry.Kind<>(
            MarketDesign.class, MarketDesign::name, "market design", "designs");

    private MarketDesigns() {
    }

    /**
     * The designs {@code loader} sees.
     *
     * @throws agora.plugin.PluginException when one cannot be loaded, naming its jar
     */
    public static ServiceRegistry<MarketDesign> load(ClassLoader loader) {
        return ServiceRegistry.load(KIND, loader);
    }

    /** The designs on Agora's own class path. */
    public static ServiceRegistry<MarketDesign> registry() {
        return load(MarketDesigns.class.getClassLoader());
    }

    /** Every registered design, sorted by name. */
    public static List<MarketDesign> all() {
        return registry().all();
    }

    public static Optional<MarketDesign> find(String name) {
        return registry().find(name);
    }

    /** @throws IllegalArgumentException naming the registered designs */
    public static MarketDesign byName(String name) {
        return registry().byName(name);
    }

    public static List<String> names() {
        return registry().names();
    }

    /**
     * Lowers the topology with {@code design} and labels the tree with the design's own
     * {@link MarketDesign#name()}, whatever name the tree was built with: a design that builds its
     * tree through another design's code (a plug-in extending {@code community}, say) still has
     * its results reported under its own name. Everything that reports results lowers through
     * here rather than calling {@link MarketDesign#lower} itself.
     */
    public static MarketTree lower(MarketDesign design, Topology topology) throws DesignException {
        MarketTree tree = Objects.requireNonNull(design.lower(topology),
                () -> "design '" + design.name() + "' returned no market tree");
        return tree.design().equals(design.name()) ? tree : tree.withDesign(design.name());
    }
}
