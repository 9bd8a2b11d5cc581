package agora.compiler;

import agora.diagnostics.DiagnosticRenderer;
import agora.diagnostics.Diagnostics;
import agora.scenario.Scenario;
import java.util.Optional;

/**
 * What a compilation produced: a scenario when there were no errors, and always the diagnostics
 * (warnings may accompany a scenario) and the sources to render them against.
 */
public record CompileResult(Optional<Scenario> scenario, Diagnostics diagnostics,
                            SourceFiles sources) {

    public boolean succeeded() {
        return scenario.isPresent() && !diagnostics.hasErrors();
    }

    /** All diagnostics rendered with source lines and carets, ending with the error count. */
    public String renderDiagnostics() {
        return new DiagnosticRenderer(sources::lines).renderAll(diagnostics);
    }
}
