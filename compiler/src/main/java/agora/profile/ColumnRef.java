package agora.profile;

/**
 * Which column of a CSV file a profile reads: a header name, matched against the cells of the
 * file's first line, or a 1-based position.
 */
public sealed interface ColumnRef permits ColumnRef.Header, ColumnRef.Position {

    /** The column whose first-line cell is {@code name} (trimmed, runs of whitespace as one space). */
    static ColumnRef header(String name) {
        return new Header(name);
    }

    /** The {@code position}-th column, counting from 1. */
    static ColumnRef position(int position) {
        return new Position(position);
    }

    /** How messages name the column: {@code column "3"} or {@code column 2}. */
    String describe();

    /** A column named by its header cell. */
    record Header(String name) implements ColumnRef {
        @Override
        public String describe() {
            return "column \"" + name + "\"";
        }
    }

    /** A column named by its 1-based position. */
    record Position(int position) implements ColumnRef {
        @Override
        public String describe() {
            return "column " + position;
        }
    }
}
