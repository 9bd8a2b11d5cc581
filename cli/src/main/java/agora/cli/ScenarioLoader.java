package agora.cli;

import agora.compiler.CompileResult;
import agora.compiler.Compiler;
import agora.compiler.MarketNames;
import java.nio.file.Path;
import java.util.Map;

/** Compiles a scenario file; tests give the commands scenarios built in code instead. */
@FunctionalInterface
public interface ScenarioLoader {

    /** The compiler itself, checking the market block's names against the registered ones. */
    ScenarioLoader COMPILER = new ScenarioLoader() {
        @Override
        public CompileResult load(Path file, Map<String, String> params) {
            return Compiler.compile(file, params);
        }

        @Override
        public CompileResult load(Path file, Map<String, String> params, MarketNames names) {
            return Compiler.compile(file, params, names);
        }
    };

    /**
     * @param params {@code --set} values by parameter name
     */
    CompileResult load(Path file, Map<String, String> params);

    /**
     * Compiles with the market block's design and backend names checked against {@code names}
     * (reported with the file's other errors); loaders that cannot check ignore them, and the
     * names are then checked after compiling.
     */
    default CompileResult load(Path file, Map<String, String> params, MarketNames names) {
        return load(file, params);
    }
}
