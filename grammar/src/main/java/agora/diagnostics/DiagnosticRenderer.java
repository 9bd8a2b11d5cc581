package agora.diagnostics;

import java.util.List;
import java.util.function.Function;

/**
 * Renders diagnostics for a terminal:
 *
 * <pre>
 * examples/x.agora:3:14: error[E0201]: undefined peer 'pv_rof'
 *     3 |     member pv_rof
 *       |            ^^^^^^
 *       = hint: did you mean 'pv_roof'?
 * </pre>
 */
public final class DiagnosticRenderer {
    private final Function<String, List<String>> sourceLines;

    /** @param sourceLines the lines of a file by name, or an empty list when it is unknown */
    public DiagnosticRenderer(Function<String, List<String>> sourceLines) {
        this.sourceLines = sourceLines;
    }

    public String render(Diagnostic d) {
        StringBuilder out = new StringBuilder(d.headline()).append('\n');
        SourceSpan span = d.span();
        List<String> lines = span.hasPosition() ? sourceLines.apply(span.file()) : List.of();
        if (span.line() >= 1 && span.line() <= lines.size()) {
            String line = Excerpt.visible(lines.get(span.line() - 1).replace('\t', ' '));
            int column = Math.max(0, span.column() - 1);
            // a window of the line around the caret: a line may be a whole file (or 10 MB of one)
            int from = Math.max(0, Math.min(column - Excerpt.MAX_LINE_CHARS / 3, line.length() - Excerpt.MAX_LINE_CHARS));
            int to = Math.min(line.length(), from + Excerpt.MAX_LINE_CHARS);
            String before = from > 0 ? Excerpt.ELLIPSIS : "";
            String text = before + line.substring(from, to) + (to < line.length() ? Excerpt.ELLIPSIS : "");
            int start = before.length() + column - from;
            int shownEnd = before.length() + to - from;
            int width = Math.max(1, Math.min(span.length(), shownEnd - start));
            String number = Integer.toString(span.line());
            String gutter = " ".repeat(number.length());
            out.append(' ').append(number).append(" | ").append(text).append('\n');
            out.append(' ').append(gutter).append(" | ").append(" ".repeat(start))
                    .append("^".repeat(width)).append('\n');
            if (d.hint() != null) {
                out.append(' ').append(gutter).append(" = hint: ").append(d.hint()).append('\n');
            }
        } else if (d.hint() != null) {
            out.append("  = hint: ").append(d.hint()).append('\n');
        }
        return out.toString();
    }

    /** Every diagnostic in order, then a one-line count. */
    public String renderAll(Diagnostics diagnostics) {
        StringBuilder out = new StringBuilder();
        for (Diagnostic d : diagnostics.sorted()) {
            out.append(render(d));
        }
        if (diagnostics.droppedErrors() > 0) {
            out.append("... ").append(diagnostics.droppedErrors())
                    .append(" more errors not shown\n");
        }
        int errors = diagnostics.errorCount();
        if (errors > 0) {
            out.append(errors).append(errors == 1 ? " error" : " errors").append('\n');
        }
        return out.toString();
    }
}
