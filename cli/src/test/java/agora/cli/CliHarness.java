package agora.cli;

import agora.compiler.CompileResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs {@code agora} in-process with captured streams and a scenario built in code. */
final class CliHarness {
    final Path file;
    private final ScenarioLoader loader;
    final List<Map<String, String>> loadedWith = new ArrayList<>();
    /** The environment variables the command line sees. */
    Map<String, String> environment = Map.of();
    String out;
    String err;

    CliHarness(Path dir, CompileResult result) throws IOException {
        this(dir, (f, params) -> result);
    }

    CliHarness(Path dir, ScenarioLoader loader) throws IOException {
        this.file = Files.writeString(dir.resolve("two.agora"), TestScenarios.FILE_TEXT);
        this.loader = loader;
    }

    /** Runs the command line; {@code FILE} in the arguments stands for the scenario file. */
    int run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        String[] replaced = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            replaced[i] = args[i].equals("FILE") ? file.toString() : args[i];
        }
        ScenarioLoader recording = (f, params) -> {
            loadedWith.add(Map.copyOf(params));
            return loader.load(f, params);
        };
        CliContext ctx = new CliContext(recording, new PrintWriter(o, true),
                new PrintWriter(e, true), false, "test", environment);
        int code = Main.execute(ctx, replaced);
        out = o.toString();
        err = e.toString();
        return code;
    }
}
