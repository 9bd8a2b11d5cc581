package agora.market.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agora.market.MarketTree;
import agora.market.formulation.MarketProblem;
import agora.market.results.AccountingFixtures;
import agora.market.results.Fixtures;
import agora.market.run.RunOutput;
import agora.market.run.RunResult;
import agora.market.run.RunSettings;
import agora.market.run.StepRange;
import agora.scenario.SolveMode;
import agora.solver.SolveStatus;
import agora.solver.SolverOptions;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's data, read back from an output worked out by hand (see AccountingFixtures). */
class ReportModelTest {
    @TempDir
    Path tmp;

    /** Two steps of the full design: w sells d 2 MW at 61, the grid sells d 1 MW at 61. */
    private Path fullOutput() throws IOException {
        MarketTree tree = AccountingFixtures.fullTree();
        RunResult run = new RunResult(MarketProblem.of(tree), "scripted", new StepRange(0, 2),
                List.of(AccountingFixtures.fullOutcome(0), AccountingFixtures.fullOutcome(1)), 0.5);
        RunSettings settings = new RunSettings("hand-made.agora", List.of("full"),
                SolveMode.CENTRALIZED, "ipm", SolverOptions.defaults(), new StepRange(0, 2),
                Map.of(), List.of("run"), "0.1.0");
        Path out = tmp.resolve("out");
        RunOutput.write(out, tree.scenario(), settings, List.of(run));
        return out;
    }

    @Test
    void readsTheRunIntoChartsData() throws IOException {
        JsonNode data = ReportModel.read(fullOutput());

        assertEquals("step", data.at("/buckets/name").asText());
        assertEquals(List.of("2013-06-01T06:00", "2013-06-01T06:30"),
                List.of(data.at("/buckets/times/0").asText(), data.at("/buckets/times/1").asText()));
        // the grid sells 1 MW each step: 0.5 MWh per half hour is a mean of 1 MW
        assertEquals(1, data.at("/grid/full/import/mean/0").asDouble(), 1e-12);
        assertEquals(0, data.at("/grid/full/export/max/1").asDouble(), 1e-12);
        // both bilateral trades at 61: their energy-weighted mean
        assertEquals(61, data.at("/prices/full/bilateral mean/mean/0").asDouble(), 1e-12);
        assertEquals(61, data.at("/duration/full/bilateral mean/0").asDouble(), 1e-12);
        // Figure 7: d bought 1 MWh from w and 0.5 MWh from g in each step; w sold d 1 MWh
        assertEquals(-1, data.at("/fig7/full/d/w/0").asDouble(), 1e-12);
        assertEquals(-0.5, data.at("/fig7/full/d/g/1").asDouble(), 1e-12);
        assertEquals(1, data.at("/fig7/full/w/d/0").asDouble(), 1e-12);
        assertTrue(data.at("/fig7/full/w/g").isMissingNode(), "the g–w link carried nothing");
        // the trading graph: 2 MWh along d–w and 1 MWh along d–g over the two steps
        JsonNode edges = data.at("/graph/full/edges");
        assertEquals(2, edges.size());
        assertEquals("d", edges.get(0).get("source").asText());
        assertEquals("w", edges.get(0).get("target").asText());
        assertEquals(2, edges.get(0).get("mwh").asDouble(), 1e-12);
        assertEquals(1, edges.get(1).get("mwh").asDouble(), 1e-12);
        // bills: d pays w and g 61 $/MWh for 1.5 MWh and 1 $/MWh of fees per step: 93 $
        JsonNode d = data.at("/bills/peers/full/2");
        assertEquals("d", d.get("name").asText());
        assertEquals(2 * 93, d.get("payment").asDouble(), 1e-9);
        assertEquals(-3, d.get("energy").asDouble(), 1e-12);
        // the collectives hold one peer each: c2's bill is d's
        assertEquals(2 * 93, data.at("/bills/collectives/full/1/payment").asDouble(), 1e-9);
        // 205 $ of welfare, 3 MWh of load: shown in $ and MWh
        assertEquals("$", data.at("/units/money").asText());
        assertEquals("MWh", data.at("/units/energy").asText());
        assertEquals("market (bilateral)", data.at("/tree/full/name").asText());
        assertEquals(3, data.at("/tree/full/children").size());
    }

    @Test
    void aDesignWithoutASolvedStepIsShownWithItsFailuresAndThePageStaysValidJson()
            throws IOException {
        MarketTree tree = AccountingFixtures.fullTree();
        RunResult run = new RunResult(MarketProblem.of(tree), "scripted", new StepRange(0, 1),
                List.of(Fixtures.failed(0, SolveStatus.INFEASIBLE, "no balance", List.of("d"))), 0.1);
        RunSettings settings = new RunSettings("hand-made.agora", List.of("full"),
                SolveMode.CENTRALIZED, "ipm", SolverOptions.defaults(), new StepRange(0, 1),
                Map.of(), List.of("run"), "0.1.0");
        Path out = tmp.resolve("failed");
        RunOutput.write(out, tree.scenario(), settings, List.of(run));

        JsonNode data = ReportModel.read(out);
        // nothing solved adds up to nothing; the page says the step failed
        assertEquals(0, data.at("/designs/0/totals/welfare").asDouble(), 0);
        assertEquals(1, data.at("/designs/0/failedSteps").asInt());
        assertEquals(0, data.at("/fig7/full").size());
        assertTrue(data.at("/prices/full").isEmpty());
        String page = ReportPage.of(out);
        String json = page.substring(page.indexOf("id=\"agora-data\">") + 16,
                page.indexOf("</script>", page.indexOf("id=\"agora-data\">")));
        assertEquals(data, new com.fasterxml.jackson.databind.ObjectMapper().readTree(json));
        assertFalse(json.contains("NaN"), "JSON has no NaN");
    }

    @Test
    void limitedLinesAddTheirLoadings() throws IOException {
        Path out = fullOutput();
        // no line has a capacity: lines.csv holds its header only, and the report no lines
        assertEquals(1, Files.readAllLines(out.resolve("lines.csv")).size());
        assertTrue(ReportModel.read(out).at("/lines").isMissingNode());

        String header = Files.readAllLines(out.resolve("lines.csv")).get(0);
        Files.writeString(out.resolve("lines.csv"), header + "\n"
                + "0,2013-06-01T06:00:00,full,feeder,1,2,50,0\n"
                + "1,2013-06-01T06:30:00,full,feeder,-2,2,100,12.5\n");
        JsonNode lines = ReportModel.read(out).at("/lines/full/feeder");
        assertEquals(50, lines.at("/mean/0").asDouble(), 0);
        assertEquals(100, lines.at("/max/1").asDouble(), 0);
    }

    @Test
    void aFolderWithoutAnOutputIsRefusedWithTheReason() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> ReportModel.read(empty));
        assertEquals("it holds no summary.json: not an output of 'agora run --out' or "
                + "'agora sweep --out'", e.getMessage());
        Path out = fullOutput();
        Files.delete(out.resolve("trades.csv"));
        e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> ReportModel.read(out));
        assertEquals("trades.csv is missing", e.getMessage());
    }

    @Test
    void thePageHoldsEverythingItNeeds() throws IOException {
        String page = ReportPage.of(fullOutput());
        assertTrue(page.startsWith(ReportPage.FIRST_LINE + "\n"));
        assertTrue(page.contains("Apache ECharts 5.3.1"));
        assertTrue(page.contains("echarts.init"), "the report's script is inlined");
        assertTrue(page.length() > 1_000_000, "ECharts is inlined: " + page.length());
        assertFalse(page.contains("<script src"), "nothing is fetched");
        Path file = tmp.resolve("report.html");
        Files.writeString(file, page);
        assertTrue(ReportPage.isReport(file));
        Files.writeString(file, "<!DOCTYPE html><html>mine</html>");
        assertFalse(ReportPage.isReport(file));
    }
}
