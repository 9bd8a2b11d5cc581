package agora.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agora.market.run.DesignReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** agora sweep in embedded Spark (local[2]) against agora run's computation, on the IEEE 14-bus case. */
class SweepTest {
    private static final double RELATIVE = 1e-9;
    private static final String FILE = SweepHarness.IEEE14.toString();

    @TempDir
    Path tmp;

    @Test
    void aSweepOfThreeFeesAndThreeDesignsOverAWeekEqualsTheNineRunsRowForRow() throws Exception {
        Path out = tmp.resolve("sweep");
        SweepHarness.Result r = SweepHarness.sweep(FILE, "--vary", "fee_scale=0,1,2",
                "--design", "full,community,hybrid", "--steps", "336", "--block-steps", "112",
                "--master", "local[2]", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("variant 3 of 3: fee_scale=2"), r.out());
        assertTrue(r.err().contains("27 tasks"), r.err()); // 3 variants x 3 designs x 3 blocks
        List<Map<String, String>> rows = SweepHarness.csv(out.resolve("sweep.csv"));
        assertEquals(9, rows.size());
        int i = 0;
        for (String fee : List.of("0", "1", "2")) {
            for (String design : List.of("full", "community", "hybrid")) {
                Map<String, String> row = rows.get(i++);
                assertEquals(fee, row.get("fee_scale"));
                assertEquals(design, row.get("design"));
                DesignReport run = SweepHarness.run(SweepHarness.IEEE14, Map.of("fee_scale", fee), design, 336);
                assertSameFigures(run, row);
                assertEquals(run.solve().iterationsMax(), Long.parseLong(row.get("iterations_max")));
                assertEquals(run.solve().iterationsMedian(), Long.parseLong(row.get("iterations_median")));
            }
        }
        // the fees between communities matter to the hybrid design only: its welfare falls with them
        double w0 = Double.parseDouble(rows.get(2).get("welfare"));
        double w2 = Double.parseDouble(rows.get(8).get("welfare"));
        assertTrue(w2 < w0, w0 + " then " + w2);
        JsonNode variant = new ObjectMapper().readTree(out.resolve("variant-3.json").toFile());
        assertEquals("2", variant.path("variant").path("fee_scale").asText());
        assertEquals("2", variant.path("scenario").path("params").path("fee_scale").asText(), variant.toString());
    }

    @Test
    void aTaskThatFailsOnItsFirstAttemptIsRetriedAndEveryRowIsThereOnce() throws Exception {
        Path out = tmp.resolve("fault");
        // 2 variants x 1 design x 3 blocks = 6 tasks; task 4 (variant 2, second block) fails once
        SweepHarness.Result r = SweepHarness.sweepWithFailingTask(4, FILE, "--vary", "fee_scale=0,2",
                "--design", "hybrid", "--steps", "48", "--block-steps", "16", "--master", "local[2]",
                "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("1 task succeeded on a retry"), r.err());
        List<Map<String, String>> rows = SweepHarness.csv(out.resolve("sweep.csv"));
        assertEquals(List.of("1", "2"), rows.stream().map(row -> row.get("variant")).toList());
        for (Map<String, String> row : rows) {
            assertEquals("48", row.get("steps"));
            assertSameFigures(SweepHarness.run(SweepHarness.IEEE14,
                    Map.of("fee_scale", row.get("fee_scale")), "hybrid", 48), row);
        }
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(6, summary.path("tasks").asInt());
        assertEquals(1, summary.path("tasks_retried").asInt());
    }

    @Test
    void perStepRowsAreAgoraRunsStepsCsvOnceEachEvenWhenATaskIsRetried() throws Exception {
        Path out = tmp.resolve("per-step");
        // 2 variants x 1 design x 3 blocks = 6 tasks; task 4 (variant 2, second block) fails once
        SweepHarness.Result r = SweepHarness.sweepWithFailingTask(4, FILE, "--vary", "fee_scale=0,2",
                "--design", "hybrid", "--steps", "48", "--block-steps", "16", "--master", "local[2]",
                "--per-step", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("1 task succeeded on a retry"), r.err());
        List<String> lines = Files.readAllLines(out.resolve("steps.csv"));
        Path runOut = tmp.resolve("run");
        SweepHarness.Result run = SweepHarness.agora("run", FILE, "--set", "fee_scale=2", "--design",
                "hybrid", "--steps", "48", "--out", runOut.toString());
        assertEquals(0, run.exit(), run.err());
        List<String> runLines = Files.readAllLines(runOut.resolve("steps.csv"));
        assertEquals("variant,fee_scale," + runLines.get(0), lines.get(0));
        // every step of each variant once, in order: 48 + 48 rows, the retried block's included
        assertEquals(1 + 2 * 48, lines.size());
        List<Map<String, String>> rows = SweepHarness.csv(out.resolve("steps.csv"));
        List<Map<String, String>> runRows = SweepHarness.csv(runOut.resolve("steps.csv"));
        for (int i = 0; i < 96; i++) {
            Map<String, String> row = rows.get(i);
            assertEquals(i < 48 ? "1" : "2", row.get("variant"));
            assertEquals(i < 48 ? "0" : "2", row.get("fee_scale"));
            assertEquals(Integer.toString(i % 48), row.get("step"));
        }
        // variant 2's rows are agora run's steps.csv for fee_scale=2, cell for cell (but the times)
        for (int i = 0; i < 48; i++) {
            Map<String, String> expected = new LinkedHashMap<>(runRows.get(i));
            Map<String, String> actual = new LinkedHashMap<>(rows.get(48 + i));
            actual.keySet().removeAll(List.of("variant", "fee_scale"));
            expected.remove("solve_seconds");
            actual.remove("solve_seconds");
            assertEquals(expected, actual, "step " + i);
        }
        JsonNode pkg = new ObjectMapper().readTree(out.resolve("datapackage.json").toFile());
        JsonNode fields = pkg.path("resources").path(0).path("schema").path("fields");
        assertEquals("steps.csv", pkg.path("resources").path(0).path("path").asText());
        assertEquals(lines.get(0), String.join(",", fields.findValuesAsText("name")));
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertTrue(summary.path("files").has("steps.csv"), summary.toString());
        // the rows kept aside while the tasks came back are gone
        try (var files = Files.list(out)) {
            assertEquals(List.of(), files.map(p -> p.getFileName().toString())
                    .filter(name -> name.startsWith(".")).toList());
        }
    }

    @Test
    void perStepNeedsAnOutputFolder() {
        SweepHarness.Result r = SweepHarness.sweep(FILE, "--per-step", "--steps", "4");
        assertEquals(ExitCodes.USAGE, r.exit(), r.err());
        assertTrue(r.err().contains("--per-step writes steps.csv into the sweep's output: give --out DIR"),
                r.err());
    }

    @Test
    void twentySeedRunsGiveTwentyResultsAndTheirPercentiles() throws Exception {
        Path out = tmp.resolve("seeds");
        SweepHarness.Result r = SweepHarness.sweep(FILE, "--seeds", "1..20", "--design", "hybrid",
                "--steps", "24", "--block-steps", "24", "--master", "local[2]", "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        List<Map<String, String>> rows = SweepHarness.csv(out.resolve("sweep.csv"));
        assertEquals(20, rows.size());
        double[] welfare = rows.stream().mapToDouble(row -> Double.parseDouble(row.get("welfare"))).toArray();
        Set<Double> distinct = new HashSet<>();
        Arrays.stream(welfare).forEach(distinct::add);
        assertEquals(20, distinct.size(), Arrays.toString(welfare));
        // run 1 is the scenario as written
        assertSameFigures(SweepHarness.run(SweepHarness.IEEE14, Map.of(), "hybrid", 24), rows.get(0));

        Map<String, String> stats = SweepHarness.csv(out.resolve("seeds.csv")).stream()
                .filter(row -> row.get("figure").equals("welfare")).findFirst().orElseThrow();
        assertEquals("20", stats.get("runs"));
        double[] sorted = welfare.clone();
        Arrays.sort(sorted);
        // type 7: h = 19 q; p5 lies 0.95 of the way from the smallest to the second smallest
        double p5 = sorted[0] + 0.95 * (sorted[1] - sorted[0]);
        double p95 = sorted[18] + 0.05 * (sorted[19] - sorted[18]);
        assertEquals(p5, Double.parseDouble(stats.get("p5")), 1e-9 * Math.abs(p5));
        assertEquals(p95, Double.parseDouble(stats.get("p95")), 1e-9 * Math.abs(p95));
        assertEquals(Arrays.stream(welfare).average().orElseThrow(), Double.parseDouble(stats.get("mean")),
                1e-9 * Math.abs(p5));
    }

    @Test
    void stepsThatDoNotSolveAreReportedInTheirRowAndTheSweepExitsWithOne() throws Exception {
        Path file = twoPeers();
        Path out = tmp.resolve("infeasible");
        SweepHarness.Result r = SweepHarness.sweep(file.toString(), "--vary", "need=1 MW,5 MW",
                "--master", "local[1]", "--out", out.toString());
        assertEquals(ExitCodes.FAILED, r.exit(), r.err());
        assertTrue(r.err().contains("variant 2, full: 2 steps did not solve, the first at step 0: INFEASIBLE"),
                r.err());
        List<Map<String, String>> rows = SweepHarness.csv(out.resolve("sweep.csv"));
        assertEquals(List.of("0", "2"), rows.stream().map(row -> row.get("failed_steps")).toList());
        // 3 MW sold at every step at 20 $/MWh to a consumer who values it at 60 - 0.1 * 3
        assertEquals(2 * (60 * 3 - 0.1 * 9 - 20 * 3), Double.parseDouble(rows.get(0).get("welfare")), 1e-3);
    }

    @Test
    void rangeValuesAreUnitCheckedLikeSet() throws Exception {
        Path file = twoPeers();
        SweepHarness.Result wrong = SweepHarness.sweep(file.toString(), "--vary", "need=0..2 step 1");
        assertEquals(ExitCodes.FAILED, wrong.exit());
        assertTrue(wrong.err().contains("variant 1 (need=0):"), wrong.err());
        assertTrue(wrong.err().contains("parameter 'need' must be a power (MW), found a plain number"), wrong.err());
        assertTrue(wrong.err().contains("3 of 3 variants have errors"), wrong.err());

        Path out = tmp.resolve("range");
        SweepHarness.Result right = SweepHarness.sweep(file.toString(), "--vary", "need=0..2 step 1 MW",
                "--master", "local[1]", "--out", out.toString());
        assertEquals(0, right.exit(), right.err());
        assertEquals(List.of("0 MW", "1 MW", "2 MW"), SweepHarness.csv(out.resolve("sweep.csv")).stream()
                .map(row -> row.get("need")).toList());
    }

    private Path twoPeers() throws java.io.IOException {
        Path file = tmp.resolve("two.agora");
        Files.writeString(file, """
                scenario "two peers"
                param need = 1 MW
                time from 2019-01-01 00:00 step 1 h count 2
                producer p1 { bounds = need .. 10 MW; cost = 20 $/MWh * p }
                consumer d1 { bounds = -3 MW .. 0 MW; cost = 0.1 $/MW²h * p² + 60 $/MWh * p }
                market { design full solve centralized with ipm }
                """);
        return file;
    }

    @Test
    void everyVariantIsCheckedBeforeAnyWorkAndAllErrorsAreShownWithTheVariantsValues() {
        Path out = tmp.resolve("never");
        SweepHarness.Result r = SweepHarness.sweep(FILE, "--vary", "fee_scale=1,2 $/MWh,3,abc",
                "--steps", "4", "--out", out.toString());
        assertEquals(ExitCodes.FAILED, r.exit(), r.err());
        assertTrue(r.err().contains("variant 2 (fee_scale=2 $/MWh):"), r.err());
        assertTrue(r.err().contains("variant 4 (fee_scale=abc):"), r.err());
        assertFalse(r.err().contains("variant 1 ("), r.err());
        assertFalse(r.err().contains("variant 3 ("), r.err());
        assertTrue(r.err().contains("2 of 4 variants have errors; nothing was solved"), r.err());
        assertFalse(r.err().contains("tasks"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aParameterTheScenarioDoesNotDeclareIsAnErrorOfTheScenario() {
        SweepHarness.Result r = SweepHarness.sweep(FILE, "--vary", "fee_scal=1,2", "--steps", "4");
        assertEquals(ExitCodes.FAILED, r.exit());
        assertTrue(r.err().contains("unknown parameter 'fee_scal'"), r.err());
        assertTrue(r.err().contains("fee_scale"), r.err()); // the hint
    }

    private static void assertSameFigures(DesignReport run, Map<String, String> row) {
        assertEquals(run.totals().steps(), Integer.parseInt(row.get("steps")));
        assertEquals(run.totals().optimalSteps(), Integer.parseInt(row.get("optimal_steps")));
        SweepTable.FIGURES.forEach((name, figure) -> {
            double expected = figure.applyAsDouble(run.totals());
            double actual = Double.parseDouble(row.get(name));
            assertEquals(expected, actual, RELATIVE * Math.max(1, Math.abs(expected)),
                    name + " of " + row);
        });
    }
}
