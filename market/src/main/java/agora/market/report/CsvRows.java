package agora.market.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one CSV file of a run's output row by row (a year's trades do not fit in a page, nor need
 * to be held): columns are found by their names in the header, so a reader never depends on their
 * order.
 */
final class CsvRows {
    /** Receives one row; {@link Row} is reused from row to row. */
    @FunctionalInterface
    interface RowHandler {
        void accept(Row row) throws IOException;
    }

    /** The current row. */
    static final class Row {
        private final Map<String, Integer> columns;
        private final Path file;
        private List<String> fields = List.of();
        private long line;

        Row(Map<String, Integer> columns, Path file) {
            this.columns = columns;
            this.file = file;
        }

        String text(String column) throws IOException {
            Integer index = columns.get(column);
            if (index == null || index >= fields.size()) {
                throw new IOException(file.getFileName() + ":" + line + ": no column '" + column
                        + "'");
            }
            return fields.get(index);
        }

        /** The number in {@code column}; NaN when the field is empty. */
        double number(String column) throws IOException {
            String value = text(column);
            if (value.isEmpty()) {
                return Double.NaN;
            }
            try {
                return Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw new IOException(file.getFileName() + ":" + line + ": '" + value
                        + "' in column " + column + " is not a number");
            }
        }

        int integer(String column) throws IOException {
            String value = text(column);
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IOException(file.getFileName() + ":" + line + ": '" + value
                        + "' in column " + column + " is not a step number");
            }
        }

        boolean has(String column) {
            return columns.containsKey(column);
        }
    }

    private CsvRows() {
    }

    /** Hands every row of {@code file} to {@code handler}, after checking the named columns. */
    static void read(Path file, List<String> required, RowHandler handler) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                throw new IOException(file.getFileName() + " is empty");
            }
            Map<String, Integer> columns = new LinkedHashMap<>();
            List<String> names = split(header);
            for (int i = 0; i < names.size(); i++) {
                columns.put(names.get(i), i);
            }
            for (String name : required) {
                if (!columns.containsKey(name)) {
                    throw new IOException(file.getFileName() + " has no column '" + name
                            + "' (written by another version of Agora? run it again)");
                }
            }
            Row row = new Row(columns, file);
            row.line = 1;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                row.line++;
                row.fields = split(line);
                handler.accept(row);
            }
        } catch (NoSuchFileException e) {
            throw new IOException(file.getFileName() + " is missing");
        }
    }

    /** The fields of one line, as {@code agora run} quotes them (RFC 4180). */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        if (line.indexOf('"') < 0) {
            int start = 0;
            for (int comma = line.indexOf(','); comma >= 0; comma = line.indexOf(',', start)) {
                fields.add(line.substring(start, comma));
                start = comma + 1;
            }
            fields.add(line.substring(start));
            return fields;
        }
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
