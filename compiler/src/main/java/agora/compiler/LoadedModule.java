package agora.compiler;

import agora.syntax.ScenarioFile;
import java.nio.file.Path;

/**
 * One parsed file of a compilation.
 *
 * @param name    the name diagnostics use (as the user wrote it, or {@code std/x.agora})
 * @param baseDir  the folder relative paths inside resolve against
 * @param standard whether it is a module of the standard library ({@code import std.x})
 */
record LoadedModule(String name, Path baseDir, ScenarioFile syntax, boolean standard) {
}
