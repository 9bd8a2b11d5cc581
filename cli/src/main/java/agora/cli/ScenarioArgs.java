package agora.cli;

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
            description = "set a scenario parameter (repeatable), e.g. --set data_dir=/data")
    Map<String, String> params = new LinkedHashMap<>();
}
