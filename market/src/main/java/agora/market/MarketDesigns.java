package agora.market;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** The market designs registered with {@link ServiceLoader}, looked up by name. */
public final class MarketDesigns {
    private MarketDesigns() {
    }

    /** Every registered design, sorted by name. */
    public static List<MarketDesign> all() {
        List<MarketDesign> designs = new ArrayList<>();
        ServiceLoader.load(MarketDesign.class, MarketDesigns.class.getClassLoader())
                .forEach(designs::add);
        designs.sort(Comparator.comparing(MarketDesign::name));
        return designs;
    }

    public static Optional<MarketDesign> find(String name) {
        return all().stream().filter(d -> d.name().equals(name)).findFirst();
    }

    /** @throws IllegalArgumentException naming the registered designs */
    public static MarketDesign byName(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown market design '"
                + name + "'; registered designs: " + String.join(", ", names())));
    }

    public static List<String> names() {
        return all().stream().map(MarketDesign::name).toList();
    }
}
