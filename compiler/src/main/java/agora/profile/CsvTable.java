package agora.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The cells of a whole CSV file as text, with the physical line each record starts on. Parsed
 * once by Jackson's CSV module and shared (read-only) by every column read from the file.
 */
final class CsvTable {
    /** The streaming factory alone: no data binding is needed, and it loads much faster. */
    private static final CsvFactory FACTORY = new CsvFactory();
    private static final String BOM = "\uFEFF";

    private final String[][] records;
    private final int[] lines;

    private CsvTable(String[][] records, int[] lines) {
        this.records = records;
        this.lines = lines;
    }

    /**
     * Parses the text of a CSV file: records as Jackson splits them (quoted cells may span
     * lines), blank records at the end dropped, a byte-order mark at the start ignored.
     *
     * @throws MalformedCsvException when the file is not valid CSV (e.g. an unclosed quote)
     */
    static CsvTable parse(String text) throws IOException {
        return parse(text, ',');
    }

    /** As {@link #parse(String)}, the cells of a line separated by {@code separator}. */
    static CsvTable parse(String text, char separator) throws IOException {
        List<String[]> rows = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        // Jackson skips a byte-order mark in bytes, not in text: a quoted first cell must open the text
        String body = text.startsWith(BOM) ? text.substring(BOM.length()) : text;
        try (CsvParser parser = FACTORY.createParser(body)) {
            // WRAP_AS_ARRAY: the document is one array of records, each record an array of cells
            parser.enable(CsvParser.Feature.WRAP_AS_ARRAY);
            parser.setSchema(CsvSchema.emptySchema().withColumnSeparator(separator));
            readRecords(parser, rows, starts);
        } catch (JsonProcessingException e) {
            // the record being read when parsing failed: where an unclosed quote opened, say
            int line = starts.size() > rows.size() ? starts.get(starts.size() - 1)
                    : e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new MalformedCsvException(line, e.getOriginalMessage());
        }
        int kept = rows.size();
        while (kept > 0 && isBlank(rows.get(kept - 1))) {
            kept--;
        }
        String[][] records = rows.subList(0, kept).toArray(new String[0][]);
        int[] lines = new int[kept];
        for (int i = 0; i < kept; i++) {
            lines[i] = starts.get(i);
        }
        return new CsvTable(records, lines);
    }

    private static void readRecords(CsvParser parser, List<String[]> rows, List<Integer> starts)
            throws IOException {
        if (parser.nextToken() != JsonToken.START_ARRAY) {
            return; // empty file
        }
        List<String> cells = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.START_ARRAY) {
            // at a record's START_ARRAY the parser stands on the record's first physical line
            starts.add(parser.currentLocation().getLineNr());
            cells.clear();
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
                cells.add(parser.getText());
            }
            rows.add(cells.toArray(new String[0]));
        }
    }

    private static boolean isBlank(String[] record) {
        for (String cell : record) {
            if (!cell.isBlank()) {
                return false;
            }
        }
        return true;
    }

    int size() {
        return records.length;
    }

    /** The 1-based physical line on which record {@code index} starts. */
    int line(int index) {
        return lines[index];
    }

    /** The trimmed cell, or the empty string when the record is shorter. */
    String cell(int index, int column) {
        String[] record = records[index];
        return column < record.length ? record[column].trim() : "";
    }

    /** The cells of one record, trimmed. */
    List<String> record(int index) {
        List<String> cells = new ArrayList<>(records[index].length);
        for (String cell : records[index]) {
            cells.add(cell.trim());
        }
        return cells;
    }

    /** True when a cell of record {@code index} is text: not blank, not a number, not a date. */
    boolean hasText(int index) {
        return hasText(index, CsvFormat.DEFAULT);
    }

    /** As {@link #hasText(int)}, numbers written with {@code format}'s decimal mark. */
    boolean hasText(int index, CsvFormat format) {
        for (String raw : records[index]) {
            String cell = raw.trim();
            if (!cell.isEmpty() && !CsvNumbers.isDecimal(format.plain(cell))
                    && CsvDates.parse(cell).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** The number of cells of record {@code index}, empty ones included. */
    int length(int index) {
        return records[index].length;
    }

    /** The number of cells of record {@code index} up to its last one that is not blank. */
    int extent(int index) {
        String[] record = records[index];
        int n = record.length;
        while (n > 0 && record[n - 1].isBlank()) {
            n--;
        }
        return n;
    }

    /** The largest number of cells in any record. */
    int width() {
        int width = 0;
        for (String[] record : records) {
            width = Math.max(width, record.length);
        }
        return width;
    }

    /**
     * The date and time in the first cell of record {@code index}, or null.
     *
     * @throws ZonedTimestampException when it is a date and time with a time-zone offset
     */
    LocalDateTime timestamp(int index) {
        String cell = cell(index, 0);
        Optional<LocalDateTime> time = CsvDates.parse(cell);
        if (time.isEmpty()) {
            CsvDates.zoneOffset(cell).ifPresent(offset -> {
                throw new ZonedTimestampException(cell, offset);
            });
        }
        return time.orElse(null);
    }

    /** The file is not CSV Jackson can read. */
    static final class MalformedCsvException extends IOException {
        private static final long serialVersionUID = 1L;
        private final int line;

        MalformedCsvException(int line, String message) {
            super(message);
            this.line = line;
        }

        int line() {
            return line;
        }
    }
}
