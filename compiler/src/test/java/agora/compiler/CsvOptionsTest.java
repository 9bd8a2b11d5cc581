package agora.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agora.diagnostics.Diagnostic;
import agora.diagnostics.DiagnosticCode;
import agora.scenario.Peer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * csv(..., separator:, decimal:, resample:): files written the European way, and files at another
 * step than the horizon's, read when the scenario says how.
 */
class CsvOptionsTest {
    /** 4 steps of 30 min from 2024-01-01 00:00. */
    private static final String HEADER = "scenario \"t\"\ntime from 2024-01-01 00:00 step 30 min count 4\n";
    private static final double EPS = 1e-12;

    @TempDir
    Path dir;

    private CompileResult compile(String csvCall) {
        return Compiler.compileText("t.agora", HEADER + "grid g { import price = " + csvCall
                + " * 1 $/MWh\nexport price = -100 $/MWh }", Map.of(), dir);
    }

    private double[] prices(String csvCall) {
        CompileResult r = compile(csvCall);
        assertTrue(r.succeeded(), r::renderDiagnostics);
        Peer g = r.scenario().orElseThrow().peer("g").orElseThrow();
        double[] out = new double[4];
        for (int i = 0; i < 4; i++) {
            out[i] = g.importPrice().at(i);
        }
        return out;
    }

    private Diagnostic error(String csvCall) {
        CompileResult r = compile(csvCall);
        assertFalse(r.succeeded());
        return r.diagnostics().all().get(0);
    }

    @Test
    void semicolonsAndDecimalCommasAreReadWhenSaid() throws IOException {
        Files.writeString(dir.resolve("eu.csv"), "Zeit;Preis\n2024-01-01 00:00;40,5\n"
                + "2024-01-01 00:30;41,25\n2024-01-01 01:00;-3,5\n2024-01-01 01:30;1e1\n");
        assertEquals(java.util.List.of(40.5, 41.25, -3.5, 10.0), java.util.Arrays.stream(
                prices("csv(\"eu.csv\", column: \"Preis\", separator: \";\", decimal: \",\")"))
                .boxed().toList());
        // without them the file is refused, with a hint that names the options
        Diagnostic refused = error("csv(\"eu.csv\", column: 2)");
        assertEquals(DiagnosticCode.CSV_FILE_MISSING, refused.code());
        assertTrue(refused.hint().contains("separator: \";\", decimal: \",\""), refused.hint());
    }

    @Test
    void tabsAndPipesSeparateToo() throws IOException {
        Files.writeString(dir.resolve("tab.csv"), "t\tp\n0\t1.5\n1\t2.5\n2\t3.5\n3\t4.5\n");
        Files.writeString(dir.resolve("pipe.csv"), "t|p\n0|1,5\n1|2,5\n2|3,5\n3|4,5\n");
        assertEquals(4.5, prices("csv(\"tab.csv\", column: \"p\", separator: \"\\t\")")[3], EPS);
        assertEquals(2.5, prices("csv(\"pipe.csv\", column: \"p\", separator: \"|\", "
                + "decimal: \",\")")[1], EPS);
    }

    @Test
    void aThousandsMarkInAFileOfDecimalCommasIsNoNumber() throws IOException {
        Files.writeString(dir.resolve("eu.csv"), "t;p\n0;1.234,5\n1;2\n2;3\n3;4\n");
        Diagnostic bad = error("csv(\"eu.csv\", column: \"p\", skip: 1, separator: \";\", "
                + "decimal: \",\")");
        assertEquals(DiagnosticCode.CSV_BAD_NUMBER, bad.code());
        assertEquals("cannot read '1.234,5' as a number in column \"p\" of eu.csv at line 2",
                bad.message());
    }

    @Test
    void badOptionValuesAreErrorsAtTheValue() {
        Diagnostic separator = error("csv(\"x.csv\", column: 2, separator: \";;\")");
        assertEquals(DiagnosticCode.BAD_ARGUMENT, separator.code());
        assertEquals("'separator' must be \",\", \";\", \"|\" or a tab \"\\t\", found \";;\"",
                separator.message());
        assertEquals(HEADER.lines().count() + 1, separator.span().line());
        assertEquals(60, separator.span().column());
        assertEquals("'decimal' must be \".\" or \",\", found \"·\"",
                error("csv(\"x.csv\", column: 2, decimal: \"·\")").message());
        assertEquals("a file with decimal commas cannot separate its cells with commas",
                error("csv(\"x.csv\", column: 2, decimal: \",\")").message());
        assertEquals("'resample' must be \"mean\" (for a power or a price) or \"sum\" (for an "
                + "energy), found \"max\"",
                error("csv(\"x.csv\", column: 2, resample: \"max\")").message());
    }

    @Test
    void finerRowsAreAveragedOrSummedIntoEachStep() throws IOException {
        StringBuilder quarter = new StringBuilder("time,v\n");
        for (int i = 0; i < 10; i++) { // 23:45 .. 02:00, every 15 min
            quarter.append(java.time.LocalDateTime.of(2023, 12, 31, 23, 45).plusMinutes(15L * i)
                    .toString().replace('T', ' ')).append(',').append(i).append('\n');
        }
        Files.writeString(dir.resolve("quarter.csv"), quarter);
        // the horizon's first step, 00:00-00:30, holds rows 1 and 2 (00:00 and 00:15)
        assertEquals(java.util.List.of(1.5, 3.5, 5.5, 7.5), java.util.Arrays.stream(
                prices("csv(\"quarter.csv\", column: \"v\", resample: \"mean\")")).boxed().toList());
        assertEquals(java.util.List.of(3.0, 7.0, 11.0, 15.0), java.util.Arrays.stream(
                prices("csv(\"quarter.csv\", column: \"v\", resample: \"sum\")")).boxed().toList());
    }

    @Test
    void longerRowsAreRepeatedOrSharedOverTheirSteps() throws IOException {
        Files.writeString(dir.resolve("hourly.csv"), "time,v\n2024-01-01 00:00,10\n"
                + "2024-01-01 01:00,20\n2024-01-01 02:00,30\n");
        assertEquals(java.util.List.of(10.0, 10.0, 20.0, 20.0), java.util.Arrays.stream(
                prices("csv(\"hourly.csv\", column: \"v\", resample: \"mean\")")).boxed().toList());
        assertEquals(java.util.List.of(5.0, 5.0, 10.0, 10.0), java.util.Arrays.stream(
                prices("csv(\"hourly.csv\", column: \"v\", resample: \"sum\")")).boxed().toList());
        // without resample: the step is refused, and the hint names the option
        Diagnostic refused = error("csv(\"hourly.csv\", column: \"v\")");
        assertEquals(DiagnosticCode.CSV_TIMES_MISMATCH, refused.code());
        assertTrue(refused.hint().contains("resample: \"mean\""), refused.hint());
    }

    @Test
    void resamplingChecksTheStepsAndTheRowsItNeeds() throws IOException {
        Files.writeString(dir.resolve("odd.csv"), "time,v\n2024-01-01 00:00,1\n"
                + "2024-01-01 00:20,2\n2024-01-01 00:40,3\n");
        assertEquals("'odd.csv' has a row every 20 min, which does not divide into the horizon's "
                + "steps of 30 min or they into it",
                error("csv(\"odd.csv\", column: \"v\", resample: \"mean\")").message());
        Files.writeString(dir.resolve("short.csv"), "time,v\n2024-01-01 00:00,1\n"
                + "2024-01-01 00:15,2\n2024-01-01 00:30,3\n");
        Diagnostic tooShort = error("csv(\"short.csv\", column: \"v\", resample: \"sum\")");
        assertEquals(DiagnosticCode.PROFILE_TOO_SHORT, tooShort.code());
        assertEquals("'short.csv' ends before the horizon's last step: resampling its 3 rows "
                + "needs 8 for the 4 steps from 2024-01-01 00:00", tooShort.message());
        Files.writeString(dir.resolve("undated.csv"), "v\n1\n2\n3\n4\n");
        assertEquals("'undated.csv' has no dated rows to resample",
                error("csv(\"undated.csv\", column: 1, resample: \"mean\")").message());
    }
}
