package agora.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import agora.diagnostics.Diagnostics;
import agora.diagnostics.SourceSpan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads the measured IEEE 14-bus data set (/work/shared/data/ieee14-p2p, see its SOURCE.txt)
 * where it exists next to the repository; skipped elsewhere. Expected numbers are the file's own
 * first cells.
 */
class MeasuredDataTest {
    private static final SourceSpan AT = new SourceSpan("ieee14.agora", 3, 1, 3);
    private static final int HALF_HOURS_PER_YEAR = 17520;
    private static Path folder;

    @BeforeAll
    static void locate() {
        // the compiler module's tests run in <repo>/compiler; the data sit at <repo>/../shared/data
        Path repo = Path.of("").toAbsolutePath().getParent();
        folder = repo.resolveSibling("shared").resolve("data").resolve("ieee14-p2p");
        assumeTrue(Files.isDirectory(folder), "measured data not present at " + folder);
    }

    @Test
    void loadMaxColumnOfAgentThree() {
        Diagnostics diagnostics = new Diagnostics();
        long begin = System.nanoTime();
        CsvColumn c = CsvColumnReader.read(folder.resolve("load_max.csv"), "load_max.csv",
                ColumnRef.header("3"), OptionalInt.empty(), AT, diagnostics).orElseThrow();
        long firstRead = System.nanoTime() - begin;
        assertEquals(List.of(), diagnostics.all());
        assertEquals(HALF_HOURS_PER_YEAR, c.size());
        assertEquals(5.05, c.values()[0], 1e-12);
        assertEquals(4.95, c.values()[1], 1e-12);
        // lines 1-3 are the header (line 2's quoted cell spans two lines)
        assertEquals(4, c.firstDataLine());
        assertEquals(LocalDateTime.of(2012, 7, 1, 0, 0), c.timestamps().get(0));
        assertEquals(LocalDateTime.of(2013, 6, 30, 23, 30), c.timestamps().get(HALF_HOURS_PER_YEAR - 1));
        assertTrue(c.hasTimestamps());

        begin = System.nanoTime();
        for (int agent = 1; agent <= 11; agent++) {
            CsvColumnReader.read(folder.resolve("load_max.csv"), "load_max.csv",
                    ColumnRef.header(Integer.toString(agent)), OptionalInt.empty(), AT, diagnostics).orElseThrow();
        }
        long elevenReads = System.nanoTime() - begin;
        assertEquals(List.of(), diagnostics.all());
        System.out.printf("load_max.csv: first read %.1f ms, 11 cached column reads %.1f ms%n",
                firstRead / 1e6, elevenReads / 1e6);
    }

    @Test
    void priceByPositionWithOneHeaderRecord() {
        Diagnostics diagnostics = new Diagnostics();
        CsvColumn c = CsvColumnReader.read(folder.resolve("price.csv"), "price.csv",
                ColumnRef.position(2), OptionalInt.of(1), AT, diagnostics).orElseThrow();
        assertEquals(List.of(), diagnostics.all());
        assertEquals(HALF_HOURS_PER_YEAR, c.size());
        assertEquals(52.00, c.values()[0], 1e-12);
        assertEquals(3, c.firstDataLine());
        CsvColumn detected = CsvColumnReader.read(folder.resolve("price.csv"), "price.csv",
                ColumnRef.position(2), OptionalInt.empty(), AT, diagnostics).orElseThrow();
        assertEquals(c, detected);
    }
}
