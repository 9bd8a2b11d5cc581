package agora.plugin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The providers of one service that {@link ServiceLoader} finds through one class loader, by
 * name. Built once for a class loader and never changed afterwards, so there is no global
 * registry to mutate: a command that loads plug-ins builds its own registry for a class loader
 * over the plug-in jars.
 *
 * <p>Every provider comes from a {@code META-INF/services/<service>} file, Agora's own as well
 * as a plug-in's. A provider that fails to load, or two providers with one name, stop the
 * loading with a {@link PluginException} that names the jar (or folder) they come from.
 *
 * @param <T> the service, for example {@code agora.solver.SolverBackend}
 */
public final class ServiceRegistry<T> {
    private static final String SERVICES = "META-INF/services/";

    private final Kind<T> kind;
    private final Map<String, T> byName;

    private ServiceRegistry(Kind<T> kind, Map<String, T> byName) {
        this.kind = kind;
        this.byName = byName;
    }

    /**
     * What a registry holds and how its providers are named and spoken of.
     *
     * @param service the service interface
     * @param name    a provider's name (what users select it by)
     * @param noun    for messages: {@code backend}, {@code market design}
     * @param listed  for the list of names: {@code backends}, {@code designs}
     */
    public record Kind<T>(Class<T> service, Function<T, String> name, String noun, String listed) {
    }

    /**
     * Every provider of the service that {@code loader} sees.
     *
     * @throws PluginException when a provider cannot be loaded or two share a name; the message
     *                         names the jar or folder the provider is listed in
     */
    public static <T> ServiceRegistry<T> load(Kind<T> kind, ClassLoader loader) {
        Map<String, T> byName = new TreeMap<>();
        Iterator<T> providers = ServiceLoader.load(kind.service(), loader).iterator();
        while (true) {
            T provider;
            try {
                if (!providers.hasNext()) {
                    break;
                }
                provider = providers.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                throw new PluginException(failure(kind, loader, e), e);
            }
            String name = nameOf(kind, provider);
            T earlier = byName.putIfAbsent(name, provider);
            if (earlier != null) {
                throw new PluginException("two " + kind.noun() + "s are named '" + name + "': "
                        + describe(earlier) + " and " + describe(provider)
                        + "; remove one of the jars or rename one of them");
            }
        }
        return new ServiceRegistry<>(kind, byName);
    }

    /** Every provider, sorted by name. */
    public List<T> all() {
        return List.copyOf(byName.values());
    }

    /** The names, sorted. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    public Optional<T> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * The provider called {@code name}.
     *
     * @throws IllegalArgumentException naming the registered providers when there is none by
     *                                  that name
     */
    public T byName(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown " + kind.noun()
                + " '" + name + "'; registered " + kind.listed() + ": " + String.join(", ", names())));
    }

    private static <T> String nameOf(Kind<T> kind, T provider) {
        String name;
        try {
            name = kind.name().apply(provider);
        } catch (RuntimeException e) {
            throw new PluginException(describe(provider) + ": the " + kind.noun()
                    + " cannot tell its name: " + e, e);
        }
        if (name == null || name.isBlank()) {
            throw new PluginException(describe(provider) + ": the " + kind.noun() + " has no name");
        }
        return name;
    }

    /** {@code example.MyDesign (/plugins/my.jar)}. */
    private static String describe(Object provider) {
        CodeSource source = provider.getClass().getProtectionDomain().getCodeSource();
        String where = source == null || source.getLocation() == null ? "unknown location"
                : location(source.getLocation());
        return provider.getClass().getName() + " (" + where + ")";
    }

    /**
     * Why loading failed, at the jar that lists the failing provider: the provider whose class
     * name the error mentions; when it mentions none (a class the provider needs is missing),
     * every place that lists providers of the service.
     */
    private static String failure(Kind<?> kind, ClassLoader loader, Throwable e) {
        Map<String, String> listings = listings(kind.service(), loader);
        String message = String.valueOf(e.getMessage()).replace('/', '.');
        Optional<String> provider = listings.keySet().stream()
                .sorted(Comparator.comparing(String::length).reversed())
                .filter(message::contains).findFirst();
        String reason = reason(kind, e);
        if (provider.isPresent()) {
            return listings.get(provider.get()) + ": cannot load the " + kind.noun() + " "
                    + provider.get() + ": " + reason;
        }
        return "cannot load a " + kind.noun() + ": " + reason + " (providers are listed in "
                + String.join(", ", new LinkedHashSet<>(listings.values())) + ")";
    }

    /** The error in words, without the service name the JDK puts first. */
    private static String reason(Kind<?> kind, Throwable e) {
        if (e instanceof LinkageError) {
            return e.toString();
        }
        String message = String.valueOf(e.getMessage());
        String prefix = kind.service().getName() + ": ";
        if (message.startsWith(prefix)) {
            message = message.substring(prefix.length());
        }
        if (message.endsWith(" not found")) {
            return "its class is not in the jar (" + message + ")";
        }
        if (message.endsWith(" not a subtype")) {
            return "it does not implement " + kind.service().getName();
        }
        return e.getCause() == null ? message : message + ": " + e.getCause();
    }

    /** Each provider class named in a services file the loader sees, with where that file is. */
    private static Map<String, String> listings(Class<?> service, ClassLoader loader) {
        Map<String, String> out = new LinkedHashMap<>();
        Enumeration<URL> files;
        try {
            files = loader.getResources(SERVICES + service.getName());
        } catch (IOException e) {
            return out;
        }
        while (files.hasMoreElements()) {
            URL file = files.nextElement();
            for (String provider : providersIn(file)) {
                out.putIfAbsent(provider, location(file));
            }
        }
        return out;
    }

    private static List<String> providersIn(URL servicesFile) {
        List<String> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(servicesFile.openStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                int comment = line.indexOf('#');
                String name = (comment < 0 ? line : line.substring(0, comment)).trim();
                if (!name.isEmpty()) {
                    out.add(name);
                }
            }
        } catch (IOException e) {
            // unreadable: ServiceLoader reports it; nothing to attribute here
        }
        return out;
    }

    /**
     * The jar or folder of a class or resource URL: {@code /plugins/my.jar} for
     * {@code jar:file:/plugins/my.jar!/META-INF/...}, the classes folder for a file URL.
     */
    static String location(URL url) {
        String text = url.toString();
        if (text.startsWith("jar:")) {
            int bang = text.indexOf("!/");
            text = text.substring("jar:".length(), bang < 0 ? text.length() : bang);
        } else {
            int services = text.indexOf(SERVICES);
            text = services < 0 ? text : text.substring(0, services);
        }
        try {
            return Path.of(new URL(text).toURI()).toString();
        } catch (URISyntaxException | IOException | RuntimeException e) { // not a file: keep the URL
            return text;
        }
    }
}
