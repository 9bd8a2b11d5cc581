package agora.market.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agora.market.MarketTree;
import agora.market.formulation.MarketProblem;
import agora.market.StepOutcome;
import agora.market.results.AccountingFixtures;
import agora.market.results.Fixtures;
import agora.scenario.SolveMode;
import agora.solver.SolveStatus;
import agora.solver.SolverOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunOutputTest {
    @TempDir
    Path tmp;

    /** Steps 0 and 1 of the hand-made pool market (see AccountingTest), step 1 infeasible. */
    private static RunResult communityRun() {
        MarketTree tree = AccountingFixtures.communityTree(0.5, 4);
        List<StepOutcome> outcomes = List.of(AccountingFixtures.communityOutcome(0, 39),
                Fixtures.failed(1, SolveStatus.INFEASIBLE, "balance, of c1", List.of("d", "w")));
        return new RunResult(MarketProblem.of(tree), "scripted", new StepRange(0, 2), outcomes, 0.5);
    }

    private static RunSettings settings() {
        return new RunSettings("hand-made.agora", List.of("community"), SolveMode.CENTRALIZED,
                "ipm", SolverOptions.defaults(), new StepRange(0, 2), Map.of("seed", "7"),
                List.of("run", "hand-made.agora", "--set", "seed=7"), "0.1.0");
    }

    @Test
    void writesTidyCsvsAndASummary() throws IOException {
        Path out = tmp.resolve("out");
        RunResult run = communityRun();
        List<DesignReport> reports = RunOutput.write(out, run.tree().scenario(), settings(),
                List.of(run));

        assertEquals(List.of(
                "step,time,design,peer,p,energy,cost,payment",
                "0,2013-06-01T06:00,community,g,-3.0,-0.75,-30.0,30.0",
                "0,2013-06-01T06:00,community,w,5.0,1.25,12.5,-48.75",
                "0,2013-06-01T06:00,community,d,-2.0,-0.5,-49.0,19.5"),
                Files.readAllLines(out.resolve("peers.csv")));
        assertEquals(List.of(
                "step,time,design,market,from,to,P,price",
                "0,2013-06-01T06:00,community,market,g,c1,-3.0,39.5",
                "0,2013-06-01T06:00,community,c1,w,market,5.0,39.0",
                "0,2013-06-01T06:00,community,c1,d,market,-2.0,39.0"),
                Files.readAllLines(out.resolve("trades.csv")));
        assertEquals(List.of(
                "step,time,design,collective,price,import,export",
                "0,2013-06-01T06:00,community,c1,39.0,0,0.75"),
                Files.readAllLines(out.resolve("collectives.csv")));
        List<String> steps = Files.readAllLines(out.resolve("steps.csv"));
        assertEquals(3, steps.size());
        assertEquals("0,2013-06-01T06:00,community,OPTIMAL,65.75,0,0.75,0,30.0,0.5,0,0.75,0,"
                + "12,0.01,optimal,", steps.get(1));
        // a failed step: no numbers, its message quoted because it holds a comma
        assertEquals("1,2013-06-01T06:15,community,INFEASIBLE,,,,,,,,,,0,0.01,"
                + "\"balance, of c1\",d;w", steps.get(2));

        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        JsonNode design = summary.get("designs").get("community");
        assertEquals(65.75, design.get("socialWelfare").asDouble(), 1e-12);
        assertEquals(30.0, design.get("exportRevenue").asDouble(), 1e-12);
        assertEquals(0.75, design.get("totalExport").asDouble(), 1e-12);
        assertEquals(1, design.get("failedSteps").asInt());
        assertEquals("INFEASIBLE", design.get("failures").get(0).get("status").asText());
        assertEquals(1, design.get("solve").get("statusCounts").get("INFEASIBLE").asInt());
        assertEquals("0123abcd", summary.get("scenario").get("sourceHash").asText());
        assertEquals("7", summary.get("scenario").get("params").get("seed").asText());
        assertEquals("0.1.0", summary.get("tool").get("version").asText());
        assertTrue(summary.get("conventions").get("energy").asText().startsWith("energy = MW × Δt"));
        assertEquals(1, reports.size());
        assertEquals(1, reports.get(0).failed().size());
        assertEquals(List.of("out"), listing(tmp)); // no temporary directory left behind
    }

    @Test
    void aFailureWhileWritingLeavesNoDirectory() {
        Path out = tmp.resolve("out");
        IOException e = assertThrows(IOException.class, () -> AtomicDirectory.write(out, dir -> {
            Files.writeString(dir.resolve("peers.csv"), "step\n");
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertFalse(Files.exists(out));
        assertEquals(List.of(), listing(tmp));
    }

    @Test
    void aFailureWhileReplacingKeepsThePreviousOutput() throws IOException {
        Path out = tmp.resolve("out");
        AtomicDirectory.write(out, dir -> Files.writeString(dir.resolve("summary.json"), "old"));
        assertThrows(IllegalStateException.class, () -> AtomicDirectory.write(out, dir -> {
            Files.writeString(dir.resolve("summary.json"), "new");
            throw new IllegalStateException("accounting failed");
        }));
        assertEquals("old", Files.readString(out.resolve("summary.json")));
        assertEquals(List.of("out"), listing(tmp));
    }

    @Test
    void aPreviousOutputIsReplacedWhole() throws IOException {
        Path out = tmp.resolve("out");
        AtomicDirectory.write(out, dir -> {
            Files.writeString(dir.resolve("summary.json"), "old");
            Files.writeString(dir.resolve("stale.csv"), "x");
        });
        AtomicDirectory.write(out, dir -> Files.writeString(dir.resolve("summary.json"), "new"));
        assertEquals(List.of("summary.json"), listing(out));
        assertEquals("new", Files.readString(out.resolve("summary.json")));
    }

    @Test
    void aFolderThatIsNoOutputIsNeverReplaced() throws IOException {
        Path mine = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(mine.resolve("thesis.tex"), "precious");
        assertThrows(IOException.class,
                () -> AtomicDirectory.write(mine, dir -> Files.writeString(dir.resolve("a"), "")));
        assertEquals("precious", Files.readString(mine.resolve("thesis.tex")));
        assertEquals(List.of("mine"), listing(tmp));
    }

    private static List<String> listing(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
