package agora.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, item 4: the exchange between collectives counted only the outermost ones, so a town
 * of two districts reported 0. examples/nested.agora under the full design: every peer trades
 * with every other at the root, and the trades between district_a's and district_b's peers are
 * an exchange between those two sibling collectives inside town.
 */
class NestedExchangeTest {
    /** The peers of each district in examples/nested.agora (building's are district_a's). */
    private static final Set<String> DISTRICT_A = Set.of("flat1", "flat2", "roof_pv", "bakery");
    private static final Set<String> DISTRICT_B = Set.of("chp", "school");

    @TempDir
    Path tmp;

    @Test
    void theExchangeBetweenSiblingCollectivesIsReportedAtEveryLevel() throws IOException {
        Path out = tmp.resolve("out");
        AgoraCli.Outcome run = AgoraCli.run(List.of("run", Repo.root().resolve("examples/nested.agora").toString(),
                "--design", "full", "--all-trades", "--out", out.toString()));
        assertEquals(0, run.exitCode(), run.out() + run.err());

        // independently, from trades.csv (every trade, --all-trades): the energy sold between the
        // two districts' peers
        double expected = 0;
        List<String> lines = Files.readAllLines(out.resolve("trades.csv"));
        assertEquals("step,time,design,market,kind,seller,buyer,energy_mwh,price_per_mwh", lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            boolean across = DISTRICT_A.contains(f[5]) && DISTRICT_B.contains(f[6])
                    || DISTRICT_B.contains(f[5]) && DISTRICT_A.contains(f[6]);
            if (across) {
                expected += Math.abs(Double.parseDouble(f[7]));
            }
        }
        assertTrue(expected > 0.01, "the districts trade: " + expected + " MWh");

        JsonNode full = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).path("designs").path("full");
        // the paper's total counts the outermost collectives only: town is the only one
        assertEquals(0.0, full.path("exchangeBetweenCollectives").asDouble(-1));
        JsonNode pairs = full.path("exchangeBetweenSiblingCollectives");
        assertEquals(1, pairs.size(), pairs.toString());
        assertEquals("town", pairs.get(0).path("within").asText());
        assertEquals("district_a", pairs.get(0).path("between").asText());
        assertEquals("district_b", pairs.get(0).path("and").asText());
        // trades.csv writes 7 significant digits
        assertEquals(expected, pairs.get(0).path("energy").asDouble(), 1e-6 * expected);
        assertTrue(run.out().contains("full: exchange between sibling collectives [MWh]: district_a <-> district_b"
                + " (in town) "), run.out());
    }
}
