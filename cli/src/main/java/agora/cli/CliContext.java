package agora.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/**
 * What the commands share: where scenarios come from, where output goes, whether a person is
 * watching (progress lines), the tool's version and the environment variables it reads.
 *
 * @param interactive true when stderr is a terminal: long runs then show a progress line
 * @param environment the environment ({@code AGORA_PLUGINS})
 */
public record CliContext(ScenarioLoader loader, PrintWriter out, PrintWriter err,
                         boolean interactive, String version, Map<String, String> environment) {

    public CliContext {
        environment = Map.copyOf(environment);
    }

    /** A context with no environment variables (tests). */
    public CliContext(ScenarioLoader loader, PrintWriter out, PrintWriter err, boolean interactive,
                      String version) {
        this(loader, out, err, interactive, version, Map.of());
    }

    /** The real thing: the compiler, standard output and error, progress on a console. */
    public static CliContext system() {
        return new CliContext(ScenarioLoader.COMPILER,
                new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
                System.console() != null, toolVersion(), System.getenv());
    }

    /** Agora's version, from the jar's build. */
    public static String toolVersion() {
        Properties p = new Properties();
        try (InputStream in = CliContext.class.getResourceAsStream("/agora-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }
}
