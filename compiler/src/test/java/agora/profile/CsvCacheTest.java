package agora.profile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import agora.diagnostics.Diagnostics;
import agora.diagnostics.SourceSpan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvCacheTest {
    private static final SourceSpan AT = new SourceSpan("s.agora", 1, 1, 1);

    @TempDir
    Path dir;

    private static double[] column(Path file, int position) {
        Diagnostics diagnostics = new Diagnostics();
        return CsvColumnReader.read(file, file.getFileName().toString(), ColumnRef.position(position),
                OptionalInt.empty(), AT, diagnostics)
                .orElseThrow(() -> new AssertionError(diagnostics.all().toString())).values();
    }

    @Test
    void aChangedFileIsReadAgain() throws IOException {
        Path file = dir.resolve("p.csv");
        Files.writeString(file, "t,v\n0,1.5\n1,2.5\n");
        assertArrayEquals(new double[] {1.5, 2.5}, column(file, 2));
        Files.writeString(file, "t,v\n0,7\n1,8\n2,9\n");
        // a later modification time, as an editor's save would leave
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5000));
        assertArrayEquals(new double[] {7, 8, 9}, column(file, 2));
    }

    @Test
    void concurrentReadsOfManyColumnsAgree() throws Exception {
        // column c (1-based) of row r holds r * 100 + c, so every value says where it came from
        StringBuilder text = new StringBuilder("a,b,c,d,e,f,g,h\n");
        int rows = 2000;
        for (int r = 1; r <= rows; r++) {
            for (int c = 1; c <= 8; c++) {
                text.append(c == 1 ? "" : ",").append(r * 100 + c);
            }
            text.append('\n');
        }
        Path file = dir.resolve("wide.csv");
        Files.writeString(file, text);
        CsvColumnReader.clearCache();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[]>> futures = new ArrayList<>();
            for (int c = 1; c <= 8; c++) {
                int column = c;
                futures.add(pool.submit(() -> column(file, column)));
            }
            for (int c = 1; c <= 8; c++) {
                double[] values = futures.get(c - 1).get();
                assertEquals(rows, values.length);
                assertEquals(100 + c, values[0]);
                assertEquals(rows * 100 + c, values[rows - 1]);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
