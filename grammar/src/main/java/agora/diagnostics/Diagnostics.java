package agora.diagnostics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects the diagnostics of one run. Errors past {@link #MAX_ERRORS} are counted, not kept, so
 * a hopeless file still yields a readable report.
 */
public final class Diagnostics {
    public static final int MAX_ERRORS = 50;

    private final List<Diagnostic> items = new ArrayList<>();
    private final Set<Diagnostic> reported = new HashSet<>();
    private int errorCount;
    private int droppedErrors;

    /**
     * Keeps a diagnostic, unless an identical one (severity, code, place, message and hint) was
     * reported before: a definition shared by several users, such as a kind's property evaluated
     * for each of its peers, is one mistake in one place and is shown once.
     */
    public void report(Diagnostic diagnostic) {
        if (!reported.add(diagnostic)) {
            return;
        }
        if (diagnostic.isError()) {
            errorCount++;
            if (errorCount > MAX_ERRORS) {
                droppedErrors++;
                return;
            }
        }
        items.add(diagnostic);
    }

    public void error(DiagnosticCode code, SourceSpan span, String message) {
        report(Diagnostic.error(code, span, message));
    }

    public void error(DiagnosticCode code, SourceSpan span, String message, String hint) {
        report(Diagnostic.error(code, span, message).withHint(hint));
    }

    public void warning(DiagnosticCode code, SourceSpan span, String message) {
        report(Diagnostic.warning(code, span, message));
    }

    public boolean hasErrors() {
        return errorCount > 0;
    }

    public int errorCount() {
        return errorCount;
    }

    public int droppedErrors() {
        return droppedErrors;
    }

    /** All kept diagnostics in source order (file, line, column), then in report order. */
    public List<Diagnostic> sorted() {
        List<Diagnostic> copy = new ArrayList<>(items);
        copy.sort(Comparator.comparing((Diagnostic d) -> d.span().file())
                .thenComparingInt(d -> d.span().line())
                .thenComparingInt(d -> d.span().column()));
        return Collections.unmodifiableList(copy);
    }

    public List<Diagnostic> all() {
        return Collections.unmodifiableList(items);
    }
}
