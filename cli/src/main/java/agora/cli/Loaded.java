package agora.cli;

import agora.compiler.CompileResult;
import agora.compiler.MarketNames;
import agora.diagnostics.Diagnostic;
import agora.diagnostics.DiagnosticRenderer;
import agora.diagnostics.Diagnostics;
import agora.scenario.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A compiled scenario with the sources its diagnostics are rendered against. */
record Loaded(Path file, CompileResult result, Scenario scenario) {

    /**
     * Compiles the scenario, checking the names of its market block that flags do not replace
     * ({@link Choices#names}); on errors prints them (rendered, with source lines) on stderr and
     * returns empty. Warnings are printed too and do not stop the command.
     */
    static Optional<Loaded> load(CliContext ctx, ScenarioArgs args, MarketNames names) {
        if (!Files.isRegularFile(args.file)) {
            ctx.err().println(args.file + ": error: " + (Files.isDirectory(args.file)
                    ? "a folder, not a scenario file" : "no such file"));
            return Optional.empty();
        }
        CompileResult result = ctx.loader().load(args.file, args.compilerParams(), names);
        if (!result.diagnostics().all().isEmpty()) {
            ctx.err().print(result.renderDiagnostics());
            ctx.err().flush();
        }
        if (!result.succeeded()) {
            return Optional.empty();
        }
        return Optional.of(new Loaded(args.file, result, result.scenario().orElseThrow()));
    }

    /** Renders diagnostics found after compiling (a design that does not apply) like the compiler's. */
    String render(List<Diagnostic> diagnostics) {
        Diagnostics all = new Diagnostics();
        diagnostics.forEach(all::report);
        return new DiagnosticRenderer(result.sources()::lines).renderAll(all);
    }
}
