package agora.diagnostics;

import java.util.Optional;

/**
 * One problem found in a scenario: where, what (a stable code), and how to fix it where we know.
 * Message and hint hold no control characters and at most {@value Excerpt#MAX_MESSAGE_CHARS}
 * characters each, whatever they quote ({@link Excerpt}).
 *
 * @param hint a line of advice shown after the caret ("did you mean 'pv_roof'?"), or null
 */
public record Diagnostic(Severity severity, DiagnosticCode code, SourceSpan span, String message,
                         String hint) {

    public Diagnostic {
        message = Excerpt.capped(Excerpt.visible(message), Excerpt.MAX_MESSAGE_CHARS);
        hint = hint == null ? null : Excerpt.capped(Excerpt.visible(hint), Excerpt.MAX_MESSAGE_CHARS);
    }

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
        String where = Excerpt.capped(Excerpt.visible(span.toString()), Excerpt.MAX_MESSAGE_CHARS);
        return where + ": " + severity.label() + "[" + code.code() + "]: " + message;
    }
}
