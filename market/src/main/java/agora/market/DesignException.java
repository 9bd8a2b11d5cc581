package agora.market;

import agora.diagnostics.Diagnostic;
import java.util.List;

/** The scenario does not fit a market design; the diagnostics say where and why. */
public final class DesignException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<Diagnostic> diagnostics;

    public DesignException(List<Diagnostic> diagnostics) {
        super(diagnostics.isEmpty() ? "design does not apply" : diagnostics.get(0).message());
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
