package agora.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * summary.json records every file a run read (the scenario, its imports, its CSV profiles) with
 * its hash, so tripling a profile shows even though the scenario's text did not change; a rerun
 * into the same folder says whose results it replaced.
 */
class RunInputsTest {
    private static final String SCENARIO = """
            scenario "Recorded inputs"

            import std.peers
            import "fees.agora"

            time from 2024-06-03 00:00 step 1 h count 3

            profile demand = csv("demand.csv", column: 2, skip: 1, scale: 1 kW)

            network {
                bus 1 .. 2
                line l from 1 to 2 { r = 0.02, x = 0.06 }
            }

            grid_connection g at bus 1 { seed = 4 }

            prosumer d at bus 2 {
                bounds = -demand .. 0 kW
                cost = 2000 $/MW²h * p² + 150 $/MWh * p
            }

            market {
                design full
            }
            """;

    @TempDir
    Path dir;

    private JsonNode run(Path out) throws IOException {
        AgoraCli.Outcome outcome = AgoraCli.run(List.of("run", dir.resolve("main.agora").toString(),
                "--out", out.toString()));
        assertEquals(0, outcome.exitCode(), outcome::describe);
        lastOut = outcome.out();
        return new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    }

    private String lastOut;

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(file)));
    }

    @Test
    void everyFileReadIsHashedAndARerunSaysWhatItReplaced()
            throws IOException, NoSuchAlgorithmException {
        Files.writeString(dir.resolve("main.agora"), SCENARIO);
        Files.writeString(dir.resolve("fees.agora"), "tariff {\n    fee every trade = 0.001 $/MWh\n}\n");
        Path demand = Files.writeString(dir.resolve("demand.csv"),
                "time,kw\n2024-06-03 00:00,5\n2024-06-03 01:00,6\n2024-06-03 02:00,7\n");
        Path out = dir.resolve("res");

        JsonNode first = run(out);
        JsonNode inputs = first.at("/scenario/inputs");
        assertEquals(3, inputs.size(), inputs::toPrettyString);
        assertEquals(List.of("scenario", "import", "csv"), List.of(inputs.get(0).get("kind").asText(),
                inputs.get(1).get("kind").asText(), inputs.get(2).get("kind").asText()));
        assertEquals(dir.resolve("demand.csv").toString(), inputs.get(2).get("path").asText());
        assertEquals(Files.size(demand), inputs.get(2).get("bytes").asLong());
        assertEquals(sha256(demand), inputs.get(2).get("sha256").asText());
        assertEquals(sha256(dir.resolve("main.agora")), inputs.get(0).get("sha256").asText());
        assertTrue(first.at("/tool/java").asText().contains(System.getProperty("java.version")));
        assertEquals("57.1.0", first.at("/tool/libraries/ojalgo").asText(), first.at("/tool").toString());
        assertTrue(first.at("/tool/libraries/ortools-java").asText().startsWith("9.12"),
                first.at("/tool").toString());
        assertTrue(!lastOut.contains("replaced"), lastOut);

        // the profile tripled: the scenario's text (sourceHash) is the same, the CSV's hash is not
        Files.writeString(demand,
                "time,kw\n2024-06-03 00:00,15\n2024-06-03 01:00,18\n2024-06-03 02:00,21\n");
        JsonNode second = run(out);
        assertEquals(first.at("/scenario/sourceHash"), second.at("/scenario/sourceHash"));
        assertEquals(sha256(demand), second.at("/scenario/inputs/2/sha256").asText());
        assertNotEquals(first.at("/scenario/inputs/2/sha256"), second.at("/scenario/inputs/2/sha256"));
        assertNotEquals(first.at("/designs/full/totalLoad").asDouble(),
                second.at("/designs/full/totalLoad").asDouble());
        assertTrue(Pattern.compile("replaced the earlier results in " + Pattern.quote(out.toString())
                + ": those of " + Pattern.quote(dir.resolve("main.agora").toString())
                + " \\('Recorded inputs'\\), written \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC")
                .matcher(lastOut).find(), lastOut);
    }
}
