package agora.compiler;

import agora.syntax.ScenarioFile;
import java.nio.file.Path;

/**
 * One parsed file of a compilation.
 *
 * @param name    the name diagnostics use (as the user wrote it, or {@code std/x.agora})
 * @param baseDir the folder relative paths inside resolve against
 */
record LoadedModule(String name, Path baseDir, ScenarioFile syntax) {
}
