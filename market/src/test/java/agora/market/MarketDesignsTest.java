package agora.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agora.market.designs.CommunityDesign;
import agora.market.designs.ScenarioFixture;
import agora.plugin.ServiceRegistry;
import agora.plugin.testing.PluginJars;
import agora.scenario.Clearing;
import agora.topology.Topology;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in designs are registered exactly as a plug-in is: each is found only through a
 * {@code META-INF/services/agora.market.MarketDesign} file that its class loader sees, the
 * built-in ones in the market module's, a plug-in's in its jar; there is no list in the code.
 */
class MarketDesignsTest {
    private static final String SERVICES = "META-INF/services/" + MarketDesign.class.getName();

    @TempDir
    Path tmp;

    /** A plug-in design built through another design's code: the community tree, renamed. */
    public static final class RenamedCommunity implements MarketDesign {
        @Override
        public String name() {
            return "renamed";
        }

        @Override
        public String description() {
            return "the community design under a name of its own";
        }

        @Override
        public MarketTree lower(Topology topology) throws DesignException {
            return new CommunityDesign().lower(topology);
        }
    }

    /** Loads classes as its parent does, but shows none of the parent's services files. */
    private static final class NoServices extends ClassLoader {
        NoServices(ClassLoader parent) {
            super(parent);
        }

        @Override
        public URL getResource(String name) {
            return name.startsWith("META-INF/services/") ? null : super.getResource(name);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return name.startsWith("META-INF/services/") ? Collections.emptyEnumeration()
                    : super.getResources(name);
        }
    }

    private static ClassLoader agorasLoader() {
        return MarketDesigns.class.getClassLoader();
    }

    @Test
    void withoutServicesFilesNoDesignIsRegistered() {
        assertEquals(List.of(), MarketDesigns.load(new NoServices(agorasLoader())).names());
    }

    @Test
    void builtInAndPluginDesignsAreFoundThroughTheirServicesFilesAlike() throws IOException {
        URL marketModule = MarketDesigns.class.getProtectionDomain().getCodeSource().getLocation();
        Path plugin = PluginJars.write(tmp.resolve("renamed.jar"),
                PluginJars.services(MarketDesign.class, RenamedCommunity.class.getName()));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {marketModule,
                plugin.toUri().toURL()}, new NoServices(agorasLoader()))) {
            ServiceRegistry<MarketDesign> registry = MarketDesigns.load(loader);
            assertEquals(List.of("community", "full", "hybrid", "nested", "renamed"), registry.names());
            assertEquals(listedProviders(loader), classNames(registry.all()));
        }
        // Agora's own loader: the same built-in designs, again exactly those its files list
        assertEquals(List.of("community", "full", "hybrid", "nested"), MarketDesigns.names());
        assertEquals(listedProviders(agorasLoader()), classNames(MarketDesigns.all()));
    }

    @Test
    void aTreeIsLabelledWithTheNameOfTheDesignThatLoweredIt() throws DesignException {
        Topology topology = Topology.of(ScenarioFixture.named("one community")
                .grid("grid", 50, 10)
                .collective("c1", Clearing.POOL)
                .producer("g", 0, 10, 1, 5)
                .consumer("d", -10, 0, 1, 60)
                .member("c1", "g", "d")
                .build());
        RenamedCommunity design = new RenamedCommunity();
        assertEquals("community", design.lower(topology).design());
        MarketTree tree = MarketDesigns.lower(design, topology);
        assertEquals("renamed", tree.design());
        assertEquals(design.lower(topology).markets().stream().map(Market::name).toList(),
                tree.markets().stream().map(Market::name).toList());
    }

    private static Set<String> classNames(List<MarketDesign> designs) {
        return designs.stream().map(d -> d.getClass().getName())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Every provider named in a services file the loader sees. */
    private static Set<String> listedProviders(ClassLoader loader) throws IOException {
        Set<String> out = new TreeSet<>();
        for (URL file : Collections.list(loader.getResources(SERVICES))) {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(file.openStream(),
                    StandardCharsets.UTF_8))) {
                in.lines().map(l -> l.replaceAll("#.*", "").strip()).filter(l -> !l.isEmpty())
                        .forEach(out::add);
            }
        }
        assertTrue(!out.isEmpty(), "no services file lists a design");
        return out;
    }
}
