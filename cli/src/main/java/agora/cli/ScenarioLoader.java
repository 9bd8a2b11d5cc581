package agora.cli;

import agora.compiler.CompileResult;
import agora.compiler.Compiler;
import java.nio.file.Path;
import java.util.Map;

/** Compiles a scenario file; tests give the commands scenarios built in code instead. */
@FunctionalInterface
public interface ScenarioLoader {

    /** The compiler itself. */
    ScenarioLoader COMPILER = Compiler::compile;

    /**
     * @param params {@code --set} values by parameter name
     */
    CompileResult load(Path file, Map<String, String> params);
}
