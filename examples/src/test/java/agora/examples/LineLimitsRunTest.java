package agora.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code examples/community.agora} with its feeder (the line from the grid's bus 1 to the street)
 * at 2 MW and at 0.1 kW: the first never binds, the second carries at most 0.1 kW in every step
 * it solves, and the steps whose fixed household loads the roof PV cannot cover through it are
 * reported INFEASIBLE naming the line, never solved over the limit.
 */
class LineLimitsRunTest {
    private static final String COMMUNITY = "examples/community.agora";

    @Test
    void theFeedersCapacityHoldsInEveryStep(@TempDir Path dir) throws IOException {
        Path wide = run(dir, "2 MW", 0);
        Path narrow = run(dir, "0.1 kW", 1);
        List<Map<String, String>> wideLines = rows(wide.resolve("lines.csv"));
        assertEquals(24, wideLines.size());
        for (Map<String, String> line : wideLines) {
            assertTrue(Math.abs(Double.parseDouble(line.get("flow_mw"))) < 2, line.toString());
            assertEquals(0, Double.parseDouble(line.get("congestion_price_per_mwh")), 1e-4, line.toString());
        }
        List<Map<String, String>> narrowLines = rows(narrow.resolve("lines.csv"));
        assertTrue(narrowLines.size() > 0 && narrowLines.size() < 24, "some steps solve, not all");
        for (Map<String, String> line : narrowLines) {
            assertTrue(Math.abs(Double.parseDouble(line.get("flow_mw"))) <= 1e-4 + 1e-9, line.toString());
            assertTrue(Double.parseDouble(line.get("congestion_price_per_mwh")) > 1, "congested: " + line);
        }
        assertTrue(Files.readAllLines(narrow.resolve("trades.csv")).get(0).endsWith(",congestion_per_mwh"),
                "trades carry their congestion component where lines are limited");
        List<String> steps = Files.readAllLines(narrow.resolve("steps.csv"));
        long infeasible = steps.stream().filter(s -> s.contains("INFEASIBLE")).count();
        assertEquals(24 - narrowLines.size(), infeasible);
        assertTrue(steps.stream().filter(s -> s.contains("INFEASIBLE"))
                .allMatch(s -> s.contains("line feeder")), "conflicts name the line");
        assertNotEquals(welfare(wide), welfare(narrow));
    }

    private static Path run(Path dir, String capacity, int exit) throws IOException {
        String text = Files.readString(Path.of(COMMUNITY));
        assertTrue(text.contains("capacity = 2 MW"), "the example's feeder is at 2 MW");
        Path file = Files.writeString(dir.resolve("community-" + exit + ".agora"),
                text.replace("capacity = 2 MW", "capacity = " + capacity));
        Path out = dir.resolve("out-" + exit);
        AgoraCli.Outcome outcome = AgoraCli.run(List.of("run", file.toString(), "--out", out.toString()));
        assertEquals(exit, outcome.exitCode(), outcome::describe);
        assertTrue(outcome.out().contains("Network (limited lines, DC power flow)"), outcome::describe);
        return out;
    }

    private static double welfare(Path out) throws IOException {
        return rows(out.resolve("steps.csv")).stream().filter(r -> r.get("status").equals("OPTIMAL"))
                .mapToDouble(r -> Double.parseDouble(r.get("welfare"))).sum();
    }

    /** A CSV without quoted commas, by column name. */
    private static List<Map<String, String>> rows(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        String[] header = lines.get(0).split(",", -1);
        List<Map<String, String>> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.length && c < cells.length; c++) {
                row.put(header[c], cells[c]);
            }
            out.add(row);
        }
        return out;
    }
}
