package agora.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code agora run examples/fig2-four-peers.agora --backend ojalgo} solves with ojAlgo's own
 * convex solver (the step's message names the ojAlgo class) and prices every trade as the default
 * backend, {@code ipm}, does, to 1e-6 $/MWh. (Both are 28.001 $/MWh: producer p2, dispatched at
 * 15 MW inside its bounds, has the marginal cost 25 + 2 x 0.10 x 15 = 28, and each side of a trade
 * pays the fee of 0.001.)
 */
class OjAlgoBackendRunTest {
    private static final double PRICE_AGREEMENT = 1e-6;
    private static final String FIG2 = "examples/fig2-four-peers.agora";

    private static List<String[]> rows(Path csv) throws IOException {
        return Files.readAllLines(csv).stream().skip(1).map(line -> line.split(",", -1)).toList();
    }

    private static Path run(Path dir, String backend) {
        Path out = dir.resolve(backend);
        AgoraCli.Outcome outcome = AgoraCli.run(List.of("run", FIG2, "--backend", backend, "--out", out.toString()));
        assertEquals(0, outcome.exitCode(), outcome::describe);
        assertTrue(outcome.out().contains("with centralized/" + backend), outcome::describe);
        return out;
    }

    @Test
    void fig2OnOjAlgoSolvesWithOjAlgoAndPricesAsIpm(@TempDir Path dir) throws IOException {
        Path ojalgo = run(dir, "ojalgo");
        Path ipm = run(dir, "ipm");
        List<String[]> steps = rows(ojalgo.resolve("steps.csv"));
        assertEquals(1, steps.size());
        assertEquals("OPTIMAL", steps.get(0)[3]);
        assertEquals("ojAlgo AlternatingDirectionSolver ended OPTIMAL", steps.get(0)[15]);
        List<String[]> ojAlgoTrades = rows(ojalgo.resolve("trades.csv"));
        List<String[]> ipmTrades = rows(ipm.resolve("trades.csv"));
        assertEquals(4, ojAlgoTrades.size());
        assertEquals(ipmTrades.size(), ojAlgoTrades.size());
        for (int k = 0; k < ipmTrades.size(); k++) {
            // seller -> buyer, then the price (trades.csv: ..., kind, seller, buyer, energy, price)
            String trade = ipmTrades.get(k)[5] + "->" + ipmTrades.get(k)[6];
            assertEquals(trade, ojAlgoTrades.get(k)[5] + "->" + ojAlgoTrades.get(k)[6]);
            assertEquals(Double.parseDouble(ipmTrades.get(k)[8]), Double.parseDouble(ojAlgoTrades.get(k)[8]),
                    PRICE_AGREEMENT, "price of " + trade);
        }
    }

    @Test
    void aScenarioThatSaysOjAlgoGetsOjAlgosSolver(@TempDir Path dir) throws IOException {
        String text = Files.readString(Path.of(FIG2)).replace("solve centralized with ipm", "solve centralized with ojalgo");
        Path file = Files.writeString(dir.resolve("fig2-ojalgo.agora"), text);
        Path out = dir.resolve("out");
        AgoraCli.Outcome outcome = AgoraCli.run(List.of("run", file.toString(), "--out", out.toString()));
        assertEquals(0, outcome.exitCode(), outcome::describe);
        assertTrue(outcome.out().contains("with centralized/ojalgo"), outcome::describe);
        assertEquals("ojAlgo AlternatingDirectionSolver ended OPTIMAL", rows(out.resolve("steps.csv")).get(0)[15]);
    }
}
