package agora.profile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agora.diagnostics.Diagnostic;
import agora.diagnostics.DiagnosticCode;
import agora.diagnostics.Diagnostics;
import agora.diagnostics.SourceSpan;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class CsvColumnReaderTest {
    private static final SourceSpan AT = new SourceSpan("scenario.agora", 7, 15, 20);
    private static final double EPS = 1e-12;

    private final Diagnostics diagnostics = new Diagnostics();

    private static Path fixture(String name) {
        try {
            return Path.of(CsvColumnReaderTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<CsvColumn> read(String file, ColumnRef column, OptionalInt skip) {
        return CsvColumnReader.read(fixture(file), "data/" + file, column, skip, AT, diagnostics);
    }

    private CsvColumn readOk(String file, ColumnRef column, OptionalInt skip) {
        Optional<CsvColumn> result = read(file, column, skip);
        assertEquals(List.of(), diagnostics.all());
        return result.orElseThrow();
    }

    private Diagnostic onlyError() {
        assertEquals(1, diagnostics.all().size(), diagnostics.all().toString());
        Diagnostic d = diagnostics.all().get(0);
        assertEquals(AT, d.span());
        return d;
    }

    @Test
    void headerNameFromTheFirstLineWithBomAndMultiLineQuotedHeader() {
        // line 1: BOM + Agent,1,2,3; lines 2-3: one record whose first cell holds a line break;
        // data from line 4, CRLF line ends
        CsvColumn c = readOk("loads.csv", ColumnRef.header("3"), OptionalInt.empty());
        assertArrayEquals(new double[] {6.25, 5.75, -0.49}, c.values(), EPS);
        assertEquals(4, c.firstDataLine());
        assertEquals(List.of(LocalDateTime.of(2012, 7, 1, 0, 0), LocalDateTime.of(2012, 7, 1, 0, 30),
                LocalDateTime.of(2012, 7, 13, 1, 0)), c.timestamps());
        assertTrue(c.hasTimestamps());
    }

    @Test
    void positionSkipsAutoDetectedHeaderRecords() {
        // column 2 is agent "1": "1" and "Max_Power" are the two header records
        CsvColumn c = readOk("loads.csv", ColumnRef.position(2), OptionalInt.empty());
        assertArrayEquals(new double[] {2.10, 7.80, 6.60}, c.values(), EPS);
        assertEquals(4, c.firstDataLine());
    }

    @Test
    void skipCountsRecordsNotPhysicalLines() {
        // price.csv: one header record over lines 1-2, trailing empty columns, blank lines at the end
        CsvColumn c = readOk("price.csv", ColumnRef.position(2), OptionalInt.of(1));
        assertArrayEquals(new double[] {48.50, 47.25, 39.80}, c.values(), EPS);
        assertEquals(3, c.firstDataLine());
        assertEquals(LocalDateTime.of(2012, 7, 1, 1, 0), c.timestamps().get(2));
    }

    @Test
    void headerNamesCompareTrimmedWithCollapsedWhitespace() {
        CsvColumn c = readOk("price.csv", ColumnRef.header("  Market price ($/MWh) "), OptionalInt.empty());
        assertEquals(3, c.size());
        // the first line's "Date\r\n(month/day/year)" matches with the line break as one space;
        // the column holds dates, hence the number error rather than a missing column
        assertTrue(read("price.csv", ColumnRef.header("Date (month/day/year)"), OptionalInt.empty()).isEmpty());
        assertEquals("cannot read '01/07/2012 00:00' as a number in column \"Date (month/day/year)\""
                + " of data/price.csv at line 3 (and 2 more such lines)", onlyError().message());
    }

    @Test
    void filesWithoutHeaderHaveNoTimestamps() {
        CsvColumn c = readOk("numbers_only.csv", ColumnRef.position(2), OptionalInt.empty());
        assertArrayEquals(new double[] {10, 20, 30}, c.values(), EPS);
        assertEquals(1, c.firstDataLine());
        assertFalse(c.hasTimestamps());
        assertNull(c.timestamps().get(0));
        CsvColumn skipped = readOk("numbers_only.csv", ColumnRef.position(1), OptionalInt.of(1));
        assertArrayEquals(new double[] {2.5, 3.5}, skipped.values(), EPS);
        assertEquals(2, skipped.firstDataLine());
    }

    @Test
    void badNumberNamesFileColumnAndLine() {
        assertTrue(read("bad_number.csv", ColumnRef.header("load"), OptionalInt.empty()).isEmpty());
        Diagnostic d = onlyError();
        assertEquals(DiagnosticCode.CSV_BAD_NUMBER, d.code());
        // 'abc' stands on line 4; "NaN" on line 6 is refused too
        assertEquals("cannot read 'abc' as a number in column \"load\" of data/bad_number.csv at line 4"
                + " (and 1 more such lines)", d.message());
    }

    @Test
    void aNumberBeyondTheLargestDoubleIsAnError() {
        // 1e400 on line 3 would read as infinity
        assertTrue(read("huge_number.csv", ColumnRef.header("load"), OptionalInt.empty()).isEmpty());
        Diagnostic d = onlyError();
        assertEquals(DiagnosticCode.CSV_BAD_NUMBER, d.code());
        assertEquals("'1e400' is too large a number in column \"load\" of data/huge_number.csv at line 3",
                d.message());
    }

    @Test
    void aLineWithMoreCellsThanTheHeaderIsAnError() {
        // line 4 "2024-01-01 02:00,1,5,0.9" was "1,5,0,9" in a decimal-comma locale: d2 would read
        // 5 instead of 5.9; line 5 ends in empty cells (fine), line 6 has a fourth cell again
        assertTrue(read("decimal_comma.csv", ColumnRef.header("d1"), OptionalInt.empty()).isEmpty());
        Diagnostic d = onlyError();
        assertEquals(DiagnosticCode.CSV_BAD_NUMBER, d.code());
        assertEquals("line 4 of data/decimal_comma.csv has 4 cells but its header has 3"
                + " (and 1 more such lines)", d.message());
        assertEquals("is a decimal comma splitting a number? Agora reads '.' as the decimal point"
                + " unless told otherwise (csv(..., separator: \";\", decimal: \",\")); quote a"
                + " cell that holds a comma", d.hint());
    }

    @Test
    void withoutAHeaderTheFirstLineSetsTheWidth() {
        assertTrue(read("decimal_comma_no_header.csv", ColumnRef.position(2), OptionalInt.empty()).isEmpty());
        assertEquals("line 3 of data/decimal_comma_no_header.csv has 3 cells but line 1, its first line, has 2",
                onlyError().message());
    }

    @Test
    void emptyCellIsAnError() {
        assertTrue(read("empty_cell.csv", ColumnRef.position(2), OptionalInt.empty()).isEmpty());
        Diagnostic d = onlyError();
        assertEquals(DiagnosticCode.CSV_BAD_NUMBER, d.code());
        assertEquals("empty cell in column 2 of data/empty_cell.csv at line 3", d.message());
    }

    @Test
    void aSkippedTooLittleHeaderGetsAHint() {
        assertTrue(read("bad_number.csv", ColumnRef.position(2), OptionalInt.of(0)).isEmpty());
        Diagnostic d = onlyError();
        assertEquals("cannot read 'load' as a number in column 2 of data/bad_number.csv at line 1"
                + " (and 2 more such lines)", d.message());
        assertEquals("if line 1 is a header, skip 1 records (skip: 1)", d.hint());
    }

    @Test
    void missingFile() {
        Path missing = fixture("loads.csv").resolveSibling("nope.csv");
        assertTrue(CsvColumnReader.read(missing, "data/nope.csv", ColumnRef.position(1),
                OptionalInt.empty(), AT, diagnostics).isEmpty());
        Diagnostic d = onlyError();
        assertEquals(DiagnosticCode.CSV_FILE_MISSING, d.code());
        assertEquals("cannot find CSV file 'data/nope.csv'", d.message());
        assertEquals("looked for " + missing.toAbsolutePath().normalize(), d.hint());
    }

    @Test
    void unknownHeaderListsTheHeadersAndSuggestsTheClosest() {
        assertTrue(read("price.csv", ColumnRef.header("Market prices ($/MWh)"), OptionalInt.empty()).isEmpty());
        Diagnostic d = onlyError();
        assertEquals(DiagnosticCode.CSV_COLUMN_MISSING, d.code());
        assertEquals("'data/price.csv' has no column \"Market prices ($/MWh)\" in its first line", d.message());
        assertEquals("did you mean \"Market price ($/MWh)\"? the first line holds \"Date (month/day/year)\","
                + " \"Market price ($/MWh)\"", d.hint());
    }

    @Test
    void noSuggestionWhenSeveralHeadersAreEquallyClose() {
        assertTrue(read("loads.csv", ColumnRef.header("4"), OptionalInt.empty()).isEmpty());
        assertEquals("the first line holds \"Agent\", \"1\", \"2\", \"3\";"
                + " column: 4 without quotes is the column at position 4", onlyError().hint());
    }

    @Test
    void aQuotedNumberIsAHeaderNameButTheHintOffersThePosition() {
        assertTrue(read("price.csv", ColumnRef.header("2"), OptionalInt.empty()).isEmpty());
        assertEquals("the first line holds \"Date (month/day/year)\", \"Market price ($/MWh)\";"
                + " column: 2 without quotes is the column at position 2", onlyError().hint());
    }

    @Test
    void semicolonSeparatedFilesAreRefusedNotMisread() {
        // "1,5" would split into the cells "...;1" and "5": column 2 would read 5
        assertTrue(read("semicolons.csv", ColumnRef.position(2), OptionalInt.empty()).isEmpty());
        Diagnostic d = onlyError();
        assertEquals(DiagnosticCode.CSV_FILE_MISSING, d.code());
        assertEquals("cannot read CSV file 'data/semicolons.csv': its first line separates columns with ';'",
                d.message());
        assertEquals("Agora reads comma-separated files with '.' as the decimal point; say how this"
                + " one is written, e.g. csv(..., separator: \";\", decimal: \",\")", d.hint());
    }

    @Test
    void aSemicolonInALoneHeaderIsText() {
        CsvColumn c = readOk("one_column.csv", ColumnRef.header("price; $/MWh"), OptionalInt.empty());
        assertArrayEquals(new double[] {52.5, 53}, c.values(), EPS);
    }

    @Test
    void positionBeyondTheLastColumn() {
        assertTrue(read("price.csv", ColumnRef.position(6), OptionalInt.empty()).isEmpty());
        Diagnostic d = onlyError();
        assertEquals(DiagnosticCode.CSV_COLUMN_MISSING, d.code());
        assertEquals("'data/price.csv' has no column 6: it has 5 columns", d.message());
    }

    @Test
    void columnWithoutNumbers() {
        // column 5 of price.csv is one of the empty trailing columns: the header is line 1-2
        // (it holds text), the empty cells below are data
        assertTrue(read("price.csv", ColumnRef.position(5), OptionalInt.empty()).isEmpty());
        Diagnostic d = onlyError();
        assertEquals(DiagnosticCode.CSV_BAD_NUMBER, d.code());
        assertEquals("empty cell in column 5 of data/price.csv at line 3 (and 2 more such lines)", d.message());
        // a column of words: every line holds text and no number, so all of it is header
        Diagnostics more = new Diagnostics();
        CsvColumnReader.read(fixture("labels.csv"), "labels.csv", ColumnRef.header("name"),
                OptionalInt.empty(), AT, more);
        assertEquals("column \"name\" of labels.csv holds no numbers below its 3 header lines",
                more.all().get(0).message());
    }

    @Test
    void malformedCsvIsReportedNotThrown() {
        assertTrue(read("unclosed_quote.csv", ColumnRef.position(1), OptionalInt.empty()).isEmpty());
        Diagnostic d = onlyError();
        assertEquals(DiagnosticCode.CSV_FILE_MISSING, d.code());
        assertTrue(d.message().startsWith("cannot read CSV file 'data/unclosed_quote.csv': it is not valid CSV in the record from line 3"),
                d.message());
    }

    @Test
    void valuesAreIndependentOfTheColumnOrderOfReads() {
        double[] first = readOk("loads.csv", ColumnRef.position(4), OptionalInt.empty()).values();
        readOk("loads.csv", ColumnRef.position(3), OptionalInt.empty());
        double[] again = readOk("loads.csv", ColumnRef.position(4), OptionalInt.empty()).values();
        assertEquals(Arrays.toString(first), Arrays.toString(again));
    }
}
