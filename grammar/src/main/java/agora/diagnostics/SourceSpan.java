package agora.diagnostics;

/**
 * A position in a source file, 1-based for both line and column (as people count). Converted
 * from ANTLR's 0-based columns in exactly one place, {@code agora.syntax.AstBuilder}.
 *
 * @param file   the file name as given by the user (or {@code std/<module>.agora})
 * @param line   1-based line
 * @param column 1-based column
 * @param length how many characters the caret underlines (at least 1)
 */
public record SourceSpan(String file, int line, int column, int length) {

    public SourceSpan {
        length = Math.max(1, length);
    }

    /** A span for something that has no place in a file (command-line options, defaults). */
    public static SourceSpan none(String what) {
        return new SourceSpan(what, 0, 0, 1);
    }

    public boolean hasPosition() {
        return line > 0;
    }

    @Override
    public String toString() {
        return hasPosition() ? file + ":" + line + ":" + column : file;
    }
}
