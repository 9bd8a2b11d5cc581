package agora.syntax;

import agora.diagnostics.SourceSpan;
import java.util.List;

/** The syntax tree of one scenario or module file: its statements in source order. */
public record ScenarioFile(SourceSpan span, String fileName, List<Statement> statements) {
}
