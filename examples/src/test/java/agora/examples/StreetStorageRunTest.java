package agora.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code examples/street-storage.agora} run through the command line: the storage lines and the
 * value of storage on the terminal, storage.csv and summary.json, energy conserved in every row.
 */
class StreetStorageRunTest {
    private static final String STREET = "examples/street-storage.agora";
    private static final Pattern VALUE = Pattern.compile(
            "community: with storage ([-0-9.e]+), without ([-0-9.e]+), storage adds ([-0-9.e]+)");

    @Test
    void storageAddsWelfareAndConservesEnergy(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        AgoraCli.Outcome run = AgoraCli.run(List.of("run", STREET, "--out", out.toString()));
        assertEquals(0, run.exitCode(), run::describe);
        assertTrue(run.out().contains("Storage (energy in kWh):"), run::describe);
        assertTrue(run.out().contains("community: shared cycled "), run::describe);
        Matcher value = VALUE.matcher(run.out());
        assertTrue(value.find(), run::describe);
        double with = Double.parseDouble(value.group(1));
        double without = Double.parseDouble(value.group(2));
        assertTrue(with > without, "storage adds welfare: " + with + " vs " + without);

        List<Map<String, String>> rows = rows(out.resolve("storage.csv"));
        assertEquals(3 * 168, rows.size());
        Map<String, double[]> states = new LinkedHashMap<>();
        states.put("b1", new double[] {0.005, 0.95, 0.95});
        states.put("b2", new double[] {0.00675, 0.95, 0.95});
        states.put("shared", new double[] {0.03, 0.96, 0.96});
        for (Map<String, String> row : rows) {
            double[] s = states.get(row.get("storage"));
            double expected = 0.9999 * s[0] + s[1] * Double.parseDouble(row.get("charge_mw"))
                    - Double.parseDouble(row.get("discharge_mw")) / s[2];
            double soc = Double.parseDouble(row.get("soc_mwh"));
            // the CSV holds the digits the solve's tolerance warrants (here 8 decimals), and both
            // states compared are rounded to them; StorageTest checks the solved values to 1e-9 MWh
            assertEquals(expected, soc, 2e-8, row.toString());
            s[0] = soc;
        }
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        JsonNode shared = summary.at("/designs/community/storage/2");
        assertEquals("shared", shared.get("storage").asText());
        assertEquals(0.06, shared.get("capacity").asDouble(), 1e-12);
        assertTrue(shared.get("equivalentFullCycles").asDouble() > 1, shared.toString());
        assertEquals(shared.get("charged").asDouble() - shared.get("discharged").asDouble()
                        - (shared.get("finalStateOfCharge").asDouble() - shared.get("initialStateOfCharge").asDouble()),
                shared.get("losses").asDouble(), 1e-12);
        assertEquals(48.0, summary.at("/options/windowHours").asDouble(), 0);
        JsonNode storageTable = null;
        for (JsonNode resource : new ObjectMapper().readTree(out.resolve("datapackage.json").toFile()).get("resources")) {
            if (resource.get("path").asText().equals("storage.csv")) {
                storageTable = resource;
            }
        }
        assertTrue(storageTable != null, "datapackage.json describes storage.csv");
        assertTrue(storageTable.toString().contains("\"MWh\""), storageTable.toString());
    }

    /**
     * The decomposed solver does not take storage yet: a clear error, never an answer; windows
     * that cannot be are usage errors.
     */
    @Test
    void admmAndImpossibleWindowsAreRefused() {
        AgoraCli.Outcome admm = AgoraCli.run(List.of("run", STREET, "--solve", "admm"));
        assertEquals(1, admm.exitCode(), admm::describe);
        assertTrue(admm.err().contains("storage peer 'b1' couples the steps in time, which the decomposed "
                + "solver cannot negotiate yet; solve it centralized (--solve centralized)"), admm::describe);
        AgoraCli.Outcome longCommit = AgoraCli.run(List.of("run", STREET, "--window", "24", "--commit", "48"));
        assertEquals(2, longCommit.exitCode(), longCommit::describe);
        assertTrue(longCommit.err().contains("--commit 48.0 is longer than the window (24.0 h)"), longCommit::describe);
    }

    /**
     * A rolling horizon with a look-ahead does no better than the whole week at once (it knows
     * less), and the week at once does no better than the optimum it is.
     */
    @Test
    void aWholeWeekWindowIsAtLeastAsGoodAsRollingDays() {
        double week = welfare(AgoraCli.run(List.of("run", STREET, "--window", "0", "--no-compare-without-storage")));
        double days = welfare(AgoraCli.run(List.of("run", STREET, "--window", "24", "--commit", "24",
                "--no-compare-without-storage")));
        assertTrue(week >= days - 1e-6 * Math.abs(week), week + " vs " + days);
    }

    private static double welfare(AgoraCli.Outcome run) {
        assertEquals(0, run.exitCode(), run::describe);
        Matcher m = Pattern.compile("\ncommunity +([-0-9.]+) ").matcher(run.out());
        assertTrue(m.find(), run::describe);
        return Double.parseDouble(m.group(1));
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
