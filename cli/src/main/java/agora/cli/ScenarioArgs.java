package agora.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The scenario file and its parameters, shared by every command. */
final class ScenarioArgs {
    @Parameters(index = "0", paramLabel = "FILE", description = "the scenario (.agora file)")
    Path file;

    @Option(names = "--set", paramLabel = "NAME=VALUE",
            description = "set a scenario parameter (repeatable), e.g. --set data_dir=/data; "
                    + "a value naming an existing file or folder relative to the current "
                    + "directory is passed on as an absolute path")
    Map<String, String> params = new LinkedHashMap<>();

    /**
     * The parameters as the compiler should see them. Paths in a scenario resolve against the
     * folder of the file that uses them, but a path typed on the command line means a path
     * relative to where the user is: a value that names an existing file or folder from the
     * current directory is therefore made absolute.
     */
    Map<String, String> compilerParams() {
        Map<String, String> out = new LinkedHashMap<>();
        params.forEach((name, value) -> out.put(name, absoluteIfExisting(value)));
        return out;
    }

    private static String absoluteIfExisting(String value) {
        if (value.isBlank()) {
            return value;
        }
        try {
            Path path = Path.of(value);
            return !path.isAbsolute() && Files.exists(path)
                    ? path.toAbsolutePath().normalize().toString() : value;
        } catch (InvalidPathException notAPath) {
            return value;
        }
    }
}
