package agora.diagnostics;

import java.util.Optional;

/**
 * One problem found in a scenario: where, what (a stable code), and how to fix it where we know.
 *
 * @param hint a line of advice shown after the caret ("did you mean 'pv_roof'?"), or null
 */
public record Diagnostic(Severity severity, DiagnosticCode code, SourceSpan span, String message,
                         String hint) {

    public static Diagnostic error(DiagnosticCode code, SourceSpan span, String message) {
        return new Diagnostic(Severity.ERROR, code, span, message, null);
    }

    public static Diagnostic warning(DiagnosticCode code, SourceSpan span, String message) {
        return new Diagnostic(Severity.WARNING, code, span, message, null);
    }

    public Diagnostic withHint(String newHint) {
        return new Diagnostic(severity, code, span, message, newHint);
    }

    public Optional<String> hintText() {
        return Optional.ofNullable(hint);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The first line of the rendered form: {@code file:line:col: error[CODE]: message}. */
    public String headline() {
        return span + ": " + severity.label() + "[" + code.code() + "]: " + message;
    }
}
