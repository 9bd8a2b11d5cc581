package agora.market.run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** A tidy CSV file: one header line, then rows; numbers plainly at a fixed precision. */
final class Csv implements TableWriter {
    private static final int BUFFER = 1 << 16;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern(
            OutputTables.TIME_PATTERN);

    private final BufferedWriter out;
    private final int columns;
    private final PlainDecimal numbers;
    private int column;

    /** Takes over {@code stream} (closed with this file). */
    Csv(OutputStream stream, List<String> header, PlainDecimal numbers) throws IOException {
        this(stream, header, numbers, true);
    }

    /** With {@code writeHeader} false, rows only: more rows of a file whose header is elsewhere. */
    Csv(OutputStream stream, List<String> header, PlainDecimal numbers, boolean writeHeader)
            throws IOException {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), BUFFER);
        this.numbers = numbers;
        this.columns = header.size();
        if (writeHeader) {
            for (String h : header) {
                text(h);
            }
            end();
        }
    }

    @Override
    public Csv text(String value) throws IOException {
        separate();
        out.write(quote(value == null ? "" : value));
        return this;
    }

    @Override
    public Csv integer(long value) throws IOException {
        separate();
        out.write(Long.toString(value));
        return this;
    }

    /** A number; NaN (no value) becomes an empty field. */
    @Override
    public Csv number(double value) throws IOException {
        separate();
        if (!Double.isNaN(value)) {
            out.write(numbers.format(value));
        }
        return this;
    }

    /** As {@link OutputTables#TIME_PATTERN}. */
    @Override
    public Csv time(LocalDateTime value) throws IOException {
        return text(TIME.format(value));
    }

    @Override
    public void end() throws IOException {
        if (column != columns) {
            throw new IllegalStateException("row has " + column + " fields, header " + columns);
        }
        out.write('\n');
        column = 0;
    }

    private void separate() throws IOException {
        if (column++ > 0) {
            out.write(',');
        }
    }

    static String quote(String value) {
        boolean plain = value.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
        return plain ? value : '"' + value.replace("\"", "\"\"") + '"';
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
