package agora.profile;

import agora.diagnostics.DiagnosticCode;
import agora.diagnostics.Diagnostics;
import agora.diagnostics.Excerpt;
import agora.diagnostics.SourceSpan;
import agora.files.TextFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDateTime;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.RandomAccess;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Reads one numeric column of a CSV file for a {@code csv(...)} profile.
 *
 * <p>Header lines: with {@code skip} given, exactly that many records (not physical lines: a
 * quoted header cell may span lines) are skipped. Otherwise the header is the first record if
 * it holds text (a cell that is no number, no date and not blank) or the column is chosen by
 * name, followed by every record that holds text and no number in the chosen column (a second
 * header line such as {@code Date,Max_Power,Max_Power}).
 *
 * <p>Problems are reported at {@code at}, the place in the scenario where {@code csv(...)} is
 * written, naming the CSV file and the 1-based physical line in it. A file is parsed once per
 * (absolute path, modification time, size) and shared between threads.
 */
public final class CsvColumnReader {
    private static final ConcurrentMap<CacheKey, Cached> CACHE = new ConcurrentHashMap<>();
    private static final int MAX_SUGGESTION_DISTANCE = 2;
    private static final int MAX_LISTED_HEADERS = 20;

    /** A file as parsed with one separator. */
    private record CacheKey(Path file, char separator) {
    }

    /** A parsed file and the file state it was parsed from. */
    private record Cached(long modifiedMillis, long size, CsvTable table) {
    }

    private CsvColumnReader() {
    }

    /**
     * The numbers of {@code column}, or empty after reporting why not (E0402 file missing or
     * unreadable, E0403 no such column, E0404 a cell that is empty or not a number).
     *
     * @param file        where to read, already resolved against the scenario's folder
     * @param displayPath the file as the user wrote it, for messages
     * @param skip        header records to skip, or empty to detect them
     */
    public static Optional<CsvColumn> read(Path file, String displayPath, ColumnRef column,
                                           OptionalInt skip, SourceSpan at, Diagnostics diagnostics) {
        return read(file, displayPath, column, skip, CsvFormat.DEFAULT, at, diagnostics);
    }

    /**
     * As {@link #read(Path, String, ColumnRef, OptionalInt, SourceSpan, Diagnostics)}, the file's
     * cells separated and its numbers written as {@code format} says.
     */
    public static Optional<CsvColumn> read(Path file, String displayPath, ColumnRef column,
                                           OptionalInt skip, CsvFormat format, SourceSpan at,
                                           Diagnostics diagnostics) {
        Optional<CsvTable> table = load(file, format.separator(), displayPath, at, diagnostics);
        if (table.isEmpty()) {
            return Optional.empty();
        }
        CsvTable t = table.get();
        if (format.equals(CsvFormat.DEFAULT) && foreignSeparator(t, displayPath, at, diagnostics)) {
            return Optional.empty();
        }
        OptionalInt index = columnIndex(t, column, displayPath, at, diagnostics);
        if (index.isEmpty()) {
            return Optional.empty();
        }
        int headerRecords = skip.isPresent()
                ? Math.max(0, skip.getAsInt())
                : detectHeaderRecords(t, index.getAsInt(), column instanceof ColumnRef.Header,
                        format);
        return values(t, index.getAsInt(), headerRecords, skip.isPresent(), column, format,
                displayPath, at, diagnostics);
    }

    /** Forgets every parsed file (files are re-read anyway when they change). */
    public static void clearCache() {
        CACHE.clear();
    }

    private static Optional<CsvTable> load(Path file, char separator, String displayPath,
                                           SourceSpan at, Diagnostics diagnostics) {
        Path key = file.toAbsolutePath().normalize();
        try {
            BasicFileAttributes attributes = Files.readAttributes(key, BasicFileAttributes.class);
            long modified = attributes.lastModifiedTime().toMillis();
            long size = attributes.size();
            Cached cached = CACHE.compute(new CacheKey(key, separator), (k, old) ->
                    old != null && old.modifiedMillis() == modified && old.size() == size
                            ? old : new Cached(modified, size, parse(k.file(), k.separator())));
            return Optional.of(cached.table());
        } catch (UncheckedIOException e) {
            reportUnreadable(e.getCause(), displayPath, key, at, diagnostics);
        } catch (IOException e) {
            reportUnreadable(e, displayPath, key, at, diagnostics);
        }
        return Optional.empty();
    }

    private static CsvTable parse(Path file, char separator) {
        try {
            return CsvTable.parse(TextFiles.read(file, TextFiles.Kind.CSV), separator);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // compute() takes no checked exceptions
        }
    }

    private static void reportUnreadable(IOException e, String displayPath, Path key, SourceSpan at,
                                         Diagnostics diagnostics) {
        if (e instanceof NoSuchFileException
                || e instanceof TextFiles.UnreadableFileException u && u.missing()) {
            diagnostics.error(DiagnosticCode.CSV_FILE_MISSING, at,
                    "cannot find CSV file '" + displayPath + "'", "looked for " + key);
            return;
        }
        if (e instanceof TextFiles.UnreadableFileException) {
            diagnostics.error(DiagnosticCode.CSV_FILE_MISSING, at,
                    "cannot read CSV file '" + displayPath + "'", e.getMessage());
            return;
        }
        String why = e instanceof CsvTable.MalformedCsvException m
                ? "it is not valid CSV in the record from line " + m.line() + " (" + m.getMessage() + ")"
                : TextFiles.reason(e);
        diagnostics.error(DiagnosticCode.CSV_FILE_MISSING, at,
                "cannot read CSV file '" + displayPath + "': " + why);
    }

    private static OptionalInt columnIndex(CsvTable table, ColumnRef column, String displayPath,
                                           SourceSpan at, Diagnostics diagnostics) {
        List<String> headers = table.size() == 0 ? List.of() : table.record(0);
        if (column instanceof ColumnRef.Position p) {
            int width = table.width();
            if (p.position() >= 1 && p.position() <= width) {
                return OptionalInt.of(p.position() - 1);
            }
            diagnostics.error(DiagnosticCode.CSV_COLUMN_MISSING, at, "'" + displayPath
                    + "' has no column " + p.position() + ": it has " + width
                    + (width == 1 ? " column" : " columns"), listHeaders(headers));
            return OptionalInt.empty();
        }
        String wanted = normalize(((ColumnRef.Header) column).name());
        for (int i = 0; i < headers.size(); i++) {
            if (normalize(headers.get(i)).equals(wanted)) {
                return OptionalInt.of(i);
            }
        }
        String hint = headerHint(wanted, headers);
        if (wanted.matches("[1-9][0-9]{0,5}") && Integer.parseInt(wanted) <= table.width()) {
            hint += "; column: " + wanted + " without quotes is the column at position " + wanted;
        }
        diagnostics.error(DiagnosticCode.CSV_COLUMN_MISSING, at, "'" + displayPath
                + "' has no " + column.describe() + " in its first line", hint);
        return OptionalInt.empty();
    }

    /**
     * A first line of one cell holding ';' or a tab, and a second line holding it too: the file is
     * not comma-separated, and its decimal commas would split numbers into columns. Refused
     * rather than misread.
     */
    private static boolean foreignSeparator(CsvTable table, String displayPath, SourceSpan at,
                                            Diagnostics diagnostics) {
        if (table.size() == 0 || table.record(0).size() != 1) {
            return false;
        }
        String line = table.record(0).get(0);
        String mark = line.contains(";") ? ";" : line.contains("\t") ? "\t" : null;
        // the next line must use the mark too: a lone header "price; $/MWh" is no separator
        if (mark == null || table.size() < 2 || table.record(1).stream().noneMatch(c -> c.contains(mark))) {
            return false;
        }
        String separator = mark.equals(";") ? "';'" : "tabs";
        diagnostics.error(DiagnosticCode.CSV_FILE_MISSING, at, "cannot read CSV file '" + displayPath
                + "': its first line separates columns with " + separator,
                "Agora reads comma-separated files with '.' as the decimal point; say how this "
                        + "one is written, e.g. csv(..., separator: \";\", decimal: \",\")");
        return true;
    }

    /** Header cells compare trimmed, with each run of whitespace (a line break, too) as one space. */
    private static String normalize(String header) {
        return header.replace("\uFEFF", "").trim().replaceAll("\\s+", " ");
    }

    private static String headerHint(String wanted, List<String> headers) {
        // suggest only a single closest header: "4" is as close to "1" as to "3"
        LevenshteinDistance distance = new LevenshteinDistance(MAX_SUGGESTION_DISTANCE);
        List<String> candidates = headers.stream().map(CsvColumnReader::normalize)
                .filter(h -> !h.isEmpty() && distance.apply(h, wanted) >= 0).distinct().toList();
        int best = candidates.stream().mapToInt(h -> distance.apply(h, wanted)).min().orElse(-1);
        List<String> closest = candidates.stream().filter(h -> distance.apply(h, wanted) == best).toList();
        String list = listHeaders(headers);
        return closest.size() == 1 ? "did you mean \"" + Excerpt.quote(closest.get(0)) + "\"? " + list : list;
    }

    /**
     * The column names of the first line, quoted. A first line of one cell is not quoted: it
     * names no columns of a comma-separated file, and it may be the first line of any text file
     * ({@code csv("/etc/passwd", ...)} showed it).
     */
    private static String listHeaders(List<String> headers) {
        List<String> names = new ArrayList<>();
        for (String h : headers) {
            String n = normalize(h);
            if (!n.isEmpty()) {
                names.add("\"" + Excerpt.quote(n) + "\"");
            }
        }
        if (names.isEmpty()) {
            return "its first line names no columns; choose one by position, e.g. column: 2";
        }
        if (headers.size() == 1) {
            return "its first line is a single cell, not column names separated by commas;"
                    + " choose the column by position, e.g. column: 1";
        }
        String shown = String.join(", ", names.subList(0, Math.min(names.size(), MAX_LISTED_HEADERS)));
        return "the first line holds " + shown + (names.size() > MAX_LISTED_HEADERS ? ", ..." : "");
    }

    /**
     * The first record is a header when it holds text (a cell that is neither a number, nor a
     * date, nor blank) or when the column is chosen by name; the records after it are headers
     * while they hold text and the chosen column holds no number there. So an agent id "3"
     * above a "Max_Power" line is header, and a first data line with a date is not.
     */
    private static int detectHeaderRecords(CsvTable table, int column, boolean named,
                                           CsvFormat format) {
        if (table.size() == 0 || !(named || table.hasText(0, format))) {
            return 0;
        }
        int count = 1;
        while (count < table.size() && table.hasText(count, format)
                && !CsvNumbers.isDecimal(format.plain(table.cell(count, column)))) {
            count++;
        }
        return count;
    }

    /**
     * The dates of the data lines, parsed when asked for: most callers look at the first one or
     * two only, and parsing 17520 dates would cost more than reading the numbers.
     */
    private static final class Timestamps extends AbstractList<LocalDateTime> implements RandomAccess {
        private final CsvTable table;
        private final int first;
        private final int size;

        Timestamps(CsvTable table, int first, int size) {
            this.table = table;
            this.first = first;
            this.size = size;
        }

        @Override
        public LocalDateTime get(int index) {
            Objects.checkIndex(index, size);
            return table.timestamp(first + index);
        }

        @Override
        public int size() {
            return size;
        }
    }

    /**
     * No data line has more cells than the header (or, without one, than the first data line):
     * a decimal comma ({@code 0,9}) or a stray separator splits a cell in two and shifts every
     * cell after it, so a column would silently read its neighbour's numbers. Empty cells at the
     * end of a line ({@code 52.00,,,,}) are no cells of their own.
     */
    private static boolean cellsFit(CsvTable table, int headerRecords, String displayPath, SourceSpan at,
                                    Diagnostics diagnostics) {
        int width = 0;
        for (int i = 0; i < headerRecords; i++) {
            width = Math.max(width, table.length(i));
        }
        int firstData = headerRecords;
        String reference = "its header has " + width;
        if (headerRecords == 0) {
            width = table.length(0);
            firstData = 1;
            reference = "line " + table.line(0) + ", its first line, has " + width;
        }
        int firstBad = -1;
        int badLines = 0;
        for (int i = firstData; i < table.size(); i++) {
            if (table.extent(i) > width) {
                badLines++;
                firstBad = firstBad < 0 ? i : firstBad;
            }
        }
        if (firstBad < 0) {
            return true;
        }
        String more = badLines > 1 ? " (and " + (badLines - 1) + " more such lines)" : "";
        diagnostics.error(DiagnosticCode.CSV_BAD_NUMBER, at, "line " + table.line(firstBad) + " of "
                + displayPath + " has " + table.extent(firstBad) + " cells but " + reference + more,
                "is a decimal comma splitting a number? Agora reads '.' as the decimal point"
                        + " unless told otherwise (csv(..., separator: \";\", decimal: \",\"));"
                        + " quote a cell that holds a comma");
        return false;
    }

    private static Optional<CsvColumn> values(CsvTable table, int column, int headerRecords,
                                              boolean skipGiven, ColumnRef ref, CsvFormat format,
                                              String displayPath, SourceSpan at,
                                              Diagnostics diagnostics) {
        int count = Math.max(0, table.size() - headerRecords);
        if (count == 0) {
            diagnostics.error(DiagnosticCode.CSV_BAD_NUMBER, at, ref.describe() + " of "
                    + displayPath + " holds no numbers below its " + headerRecords
                    + (headerRecords == 1 ? " header line" : " header lines"));
            return Optional.empty();
        }
        if (!cellsFit(table, headerRecords, displayPath, at, diagnostics)) {
            return Optional.empty();
        }
        double[] values = new double[count];
        int badLines = 0;
        int firstBad = -1;
        String firstProblem = null;
        for (int i = 0; i < count; i++) {
            int record = headerRecords + i;
            String cell = table.cell(record, column);
            double value = CsvNumbers.parse(format.plain(cell));
            if (Double.isNaN(value)) {
                badLines++;
                if (firstProblem == null) {
                    firstBad = i;
                    String where = " in " + ref.describe() + " of " + displayPath + " at line " + table.line(record);
                    firstProblem = cell.isEmpty() ? "empty cell" + where
                            : CsvNumbers.isDecimal(format.plain(cell)) ? "'" + Excerpt.quote(cell) + "' is too large a number" + where
                            : "cannot read '" + Excerpt.quote(cell) + "' as a number" + where;
                }
                continue;
            }
            values[i] = value;
        }
        if (firstProblem != null) {
            String more = badLines > 1 ? " (and " + (badLines - 1) + " more such lines)" : "";
            String hint = skipGiven && firstBad == 0
                    ? "if line " + table.line(headerRecords) + " is a header, skip " + (headerRecords + 1)
                    + " records (skip: " + (headerRecords + 1) + ")"
                    : "every line below the header must hold a number in this column";
            diagnostics.error(DiagnosticCode.CSV_BAD_NUMBER, at, firstProblem + more, hint);
            return Optional.empty();
        }
        return Optional.of(new CsvColumn(values, new Timestamps(table, headerRecords, count),
                table.line(headerRecords)));
    }
}
