package agora.market.run;

import java.io.Closeable;
import java.io.IOException;
import java.time.LocalDateTime;

/**
 * One output table written row by row, field by field in the order of its columns, whatever the
 * file format ({@link Csv}, {@link ParquetTable}, or both at once).
 */
interface TableWriter extends Closeable {
    TableWriter text(String value) throws IOException;

    TableWriter integer(long value) throws IOException;

    /** A number; NaN (no value) is an empty (null) field. */
    TableWriter number(double value) throws IOException;

    /** A time of the scenario's clock (local, no offset). */
    TableWriter time(LocalDateTime value) throws IOException;

    /** Ends the row; fails when it does not have as many fields as the table has columns. */
    void end() throws IOException;

    /** Writes every row to both {@code first} and {@code second} ({@code --format both}). */
    static TableWriter both(TableWriter first, TableWriter second) {
        return new TableWriter() {
            @Override
            public TableWriter text(String value) throws IOException {
                first.text(value);
                second.text(value);
                return this;
            }

            @Override
            public TableWriter integer(long value) throws IOException {
                first.integer(value);
                second.integer(value);
                return this;
            }

            @Override
            public TableWriter number(double value) throws IOException {
                first.number(value);
                second.number(value);
                return this;
            }

            @Override
            public TableWriter time(LocalDateTime value) throws IOException {
                first.time(value);
                second.time(value);
                return this;
            }

            @Override
            public void end() throws IOException {
                first.end();
                second.end();
            }

            @Override
            public void close() throws IOException {
                try {
                    first.close();
                } finally {
                    second.close();
                }
            }
        };
    }
}
