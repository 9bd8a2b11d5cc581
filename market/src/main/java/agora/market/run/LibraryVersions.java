package agora.market.run;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The versions of the libraries a run's results depend on (the solvers' above all), read from
 * the Maven descriptors their jars carry, for {@code summary.json}.
 */
final class LibraryVersions {
    /** group:artifact of each library whose version can change a result. */
    static final List<String> LIBRARIES = List.of("org.ojalgo:ojalgo",
            "com.google.ortools:ortools-java", "org.jgrapht:jgrapht-core",
            "org.antlr:antlr4-runtime", "com.fasterxml.jackson.core:jackson-databind",
            "org.apache.parquet:parquet-hadoop");

    private LibraryVersions() {
    }

    /** artifact → version of each library on the class path; those absent are left out. */
    static Map<String, String> onClassPath() {
        Map<String, String> versions = new LinkedHashMap<>();
        for (String library : LIBRARIES) {
            String[] parts = library.split(":");
            String path = "/META-INF/maven/" + parts[0] + "/" + parts[1] + "/pom.properties";
            try (InputStream in = LibraryVersions.class.getResourceAsStream(path)) {
                if (in == null) {
                    continue;
                }
                Properties p = new Properties();
                p.load(in);
                String version = p.getProperty("version");
                if (version != null) {
                    versions.put(parts[1], version);
                }
            } catch (IOException e) {
                // a descriptor that cannot be read: the library's version is not known
            }
        }
        return versions;
    }
}
