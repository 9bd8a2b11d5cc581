package agora.compiler;

import agora.diagnostics.DiagnosticCode;
import agora.diagnostics.Diagnostics;
import agora.diagnostics.SourceSpan;
import agora.files.TextFiles;
import agora.scenario.Scenario;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Agora compiler: scenario text in, a checked {@link Scenario} (or diagnostics) out.
 *
 * <p>It parses the file and its imports ({@code import std.ieee14}, {@code import "x.agora"}),
 * resolves names across them, converts every quantity to canonical units and checks dimensions,
 * evaluates profiles to one value per time step, and checks the market's semantics. All errors
 * of a run are reported; no exception escapes (an unexpected failure becomes {@code E0901}).
 */
public final class Compiler {
    private Compiler() {
    }

    /**
     * Compiles a scenario file.
     *
     * @param paramOverrides {@code --set name=value} pairs, in the order given
     */
    public static CompileResult compile(Path file, Map<String, String> paramOverrides) {
        return compile(file, paramOverrides, MarketNames.UNCHECKED);
    }

    /**
     * Compiles a scenario file, checking the names of its market block against a tool's registry.
     *
     * @param paramOverrides {@code --set} pairs, in the order given
     * @param marketNames    the designs and backends a scenario may name (E0801, E0802)
     */
    public static CompileResult compile(Path file, Map<String, String> paramOverrides, MarketNames marketNames) {
        return compile(file, paramOverrides, marketNames, SeedRun.AS_WRITTEN);
    }

    /**
     * Compiles a scenario file with every seeded profile generator moved to another run of its
     * random numbers ({@code agora sweep --seeds}).
     *
     * @param seedRun which run of the generators' random numbers ({@link SeedRun#AS_WRITTEN}: the
     *                seeds as the file gives them)
     */
    public static CompileResult compile(Path file, Map<String, String> paramOverrides, MarketNames marketNames,
                                        SeedRun seedRun) {
        Diagnostics diagnostics = new Diagnostics();
        SourceFiles sources = new SourceFiles();
        String name = file.toString();
        String text;
        try {
            text = TextFiles.read(file, TextFiles.Kind.SCENARIO);
        } catch (TextFiles.UnreadableFileException e) {
            diagnostics.error(DiagnosticCode.IMPORT_NOT_FOUND, SourceSpan.none(name),
                    "cannot read scenario file '" + name + "'", e.getMessage());
            return new CompileResult(Optional.empty(), diagnostics, sources);
        }
        sources.recordRead(file, "scenario");
        Path baseDir = file.toAbsolutePath().getParent();
        return run(name, text, paramOverrides, marketNames, seedRun, baseDir, diagnostics, sources);
    }

    /**
     * Compiles scenario text that is not (necessarily) in a file, for tests and tools.
     *
     * @param fileName the name diagnostics use
     * @param baseDir  the folder relative imports and CSV paths resolve against
     */
    public static CompileResult compileText(String fileName, String text, Map<String, String> paramOverrides,
                                            Path baseDir) {
        return compileText(fileName, text, paramOverrides, MarketNames.UNCHECKED, baseDir);
    }

    /** {@link #compileText(String, String, Map, Path)} with the market block's names checked. */
    public static CompileResult compileText(String fileName, String text, Map<String, String> paramOverrides,
                                            MarketNames marketNames, Path baseDir) {
        return run(fileName, text, paramOverrides, marketNames, SeedRun.AS_WRITTEN, baseDir.toAbsolutePath(),
                new Diagnostics(),
                new SourceFiles());
    }

    private static CompileResult run(String name, String text, Map<String, String> overrides,
                                     MarketNames marketNames, SeedRun seedRun, Path baseDir,
                                     Diagnostics diagnostics,
                                     SourceFiles sources) {
        try {
            List<LoadedModule> modules = new ModuleLoader(diagnostics, sources).load(name, text, baseDir);
            if (diagnostics.hasErrors()) {
                return new CompileResult(Optional.empty(), diagnostics, sources);
            }
            Optional<Scenario> scenario =
                    new ScenarioAssembler(diagnostics, modules, name, overrides, marketNames, seedRun)
                            .assemble(sources);
            return new CompileResult(scenario, diagnostics, sources);
        } catch (RuntimeException | StackOverflowError e) {
            diagnostics.error(DiagnosticCode.INTERNAL_ERROR, SourceSpan.none(name),
                    "internal compiler error: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                    "please report this together with the scenario file");
            return new CompileResult(Optional.empty(), diagnostics, sources);
        }
    }
}
