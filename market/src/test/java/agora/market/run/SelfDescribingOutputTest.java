package agora.market.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agora.market.MarketTree;
import agora.market.StepOutcome;
import agora.market.formulation.MarketProblem;
import agora.market.results.AccountingFixtures;
import agora.scenario.SolveMode;
import agora.solver.SolverOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outputs describe themselves: units in the names, a data package, no noise, no empties. */
class SelfDescribingOutputTest {
    /** Python's and SQL's keywords that CSV column names must avoid (pandas, DuckDB, sqlite). */
    private static final Set<String> KEYWORDS = Set.of("import", "from", "to", "in", "is", "as",
            "and", "or", "not", "def", "class", "global", "lambda", "pass", "return", "yield",
            "select", "where", "group", "order", "by", "table", "join", "on", "limit",
            "case", "when", "end", "values", "key", "index", "all", "union", "with");

    @TempDir
    Path tmp;

    private static RunResult fullRun(double gridToW) {
        MarketTree tree = AccountingFixtures.fullTree();
        StepOutcome o = AccountingFixtures.fullOutcome(0);
        double[] slots = o.slotValues().clone();
        slots[4] = gridToW; // the g–w link, which carries nothing in the optimum
        slots[5] = -gridToW;
        StepOutcome noisy = new StepOutcome(0, o.status(), o.message(), o.conflicts(),
                o.objective(), o.injection(), o.linkTrade(), o.linkPrice(), o.marketPrice(),
                o.collectiveNet(), slots, o.couplingPrices(), o.stats());
        return new RunResult(MarketProblem.of(tree), "scripted", new StepRange(0, 1),
                List.of(noisy), 0.5);
    }

    private static RunSettings settings(boolean allTrades) {
        return new RunSettings("hand-made.agora", List.of("full"), SolveMode.CENTRALIZED, "ipm",
                SolverOptions.defaults(), new StepRange(0, 1), Map.of(), List.of("run"), "0.1.0",
                allTrades, List.of());
    }

    private List<String> trades(boolean allTrades, double noise) throws IOException {
        Path out = tmp.resolve("out-" + allTrades + "-" + noise);
        RunResult run = fullRun(noise);
        RunOutput.write(out, run.tree().scenario(), settings(allTrades), List.of(run));
        return Files.readAllLines(out.resolve("trades.csv"));
    }

    @Test
    void tradesBelowTheToleranceAreLeftOutUnlessAllAreAskedFor() throws IOException {
        // w sells its 2 MW to d, g sells d 1 MW, for 0.5 h; g–w carries 3e-8 MW of solver noise
        assertEquals(List.of(
                "step,time,design,market,kind,seller,buyer,energy_mwh,price_per_mwh",
                "0,2013-06-01T06:00:00,full,market,bilateral,w,d,1,61",
                "0,2013-06-01T06:00:00,full,market,bilateral,g,d,0.5,61"),
                trades(false, -3e-8));
        List<String> all = trades(true, -3e-8);
        assertEquals(4, all.size());
        // the noise at its sign's direction, at the precision the tolerance supports
        assertEquals("0,2013-06-01T06:00:00,full,market,bilateral,w,g,0.000000015,50", all.get(3));
        // a trade of 1e-6 MW next to peers of 3 MW is above the tolerance (3e-7 MW): written
        assertEquals(4, trades(false, 1e-6).size());
    }

    @Test
    void aRunWithoutPoolsHasNoPriceColumnForItsCollectives() throws IOException {
        Path out = tmp.resolve("out");
        RunResult run = fullRun(0);
        RunOutput.write(out, run.tree().scenario(), settings(false), List.of(run));
        assertEquals("step,time,design,collective,import_mwh,export_mwh",
                Files.readAllLines(out.resolve("collectives.csv")).get(0));
    }

    @Test
    void theDataPackageDescribesEveryColumnOfEveryFileWithItsUnit() throws IOException {
        Path out = tmp.resolve("out");
        RunResult run = fullRun(0);
        RunOutput.write(out, run.tree().scenario(), settings(false), List.of(run));

        JsonNode pkg = new ObjectMapper().readTree(out.resolve("datapackage.json").toFile());
        assertEquals("tabular-data-package", pkg.get("profile").asText());
        List<String> paths = new ArrayList<>();
        for (JsonNode resource : pkg.get("resources")) {
            String path = resource.get("path").asText();
            paths.add(path);
            List<String> lines = Files.readAllLines(out.resolve(path));
            List<String> header = Arrays.asList(lines.get(0).split(","));
            List<String> names = new ArrayList<>();
            for (JsonNode field : resource.get("schema").get("fields")) {
                String name = field.get("name").asText();
                names.add(name);
                assertFalse(KEYWORDS.contains(name), name + " is a keyword of Python or SQL");
                assertFalse(field.get("description").asText().isBlank(), name);
                String unit = field.path("unit").asText("");
                if (name.endsWith("_per_mwh")) {
                    assertEquals("$/MWh", unit, name);
                } else if (name.endsWith("_mwh")) {
                    assertEquals("MWh", unit, name);
                } else if (name.endsWith("_mw")) {
                    assertEquals("MW", unit, name);
                } else if (Set.of("cost", "payment", "welfare", "fees").contains(name)) {
                    assertEquals("$", unit, name);
                }
                if (field.get("type").asText().equals("number")) {
                    assertFalse(unit.isEmpty(), name + " has a unit");
                }
            }
            assertEquals(header, names, path);
            for (String row : lines.subList(1, lines.size())) {
                assertFalse(row.matches(".*[0-9][eE]-?[0-9].*"), "no exponent in " + row);
            }
            for (int c = 0; c < header.size(); c++) {
                int column = c;
                assertTrue(lines.size() == 1 || lines.subList(1, lines.size()).stream()
                        .anyMatch(l -> !l.split(",", -1)[column].isEmpty()),
                        path + ": column " + header.get(c) + " is empty");
            }
        }
        assertEquals(List.of("peers.csv", "trades.csv", "collectives.csv", "steps.csv", "lines.csv"),
                paths);
        JsonNode files = new ObjectMapper().readTree(out.resolve("summary.json").toFile())
                .get("files");
        assertTrue(files.has("datapackage.json"), "the manifest lists the data package");
    }
}
