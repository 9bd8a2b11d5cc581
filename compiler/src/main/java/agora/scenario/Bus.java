package agora.scenario;

import agora.diagnostics.SourceSpan;

public record Bus(SourceSpan span, int id) {
}
