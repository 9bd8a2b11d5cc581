package agora.market.run;

import agora.market.StepOutcome;
import agora.market.results.Accounting;
import agora.market.results.CollectiveStep;
import agora.market.results.DesignTotals;
import agora.market.results.PeerStep;
import agora.market.results.StepResult;
import agora.market.results.TradeStep;
import agora.scenario.Scenario;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the outputs of a run into a directory, atomically (see {@link AtomicDirectory}):
 *
 * <ul>
 *   <li>{@code summary.json}: totals and solve statistics per design, the scenario, options and
 *       parameters that reproduce the run, the units;</li>
 *   <li>tidy CSVs in long format, one header line, ISO-8601 times, one row per step and item:
 *       {@code peers.csv}, {@code trades.csv}, {@code collectives.csv}, {@code steps.csv}.</li>
 * </ul>
 *
 * Steps are accounted while the files are written, one at a time, so a year of a large scenario
 * need not be held in memory twice.
 */
public final class RunOutput {
    static final List<String> PEERS = List.of("step", "time", "design", "peer", "p", "energy",
            "cost", "payment");
    static final List<String> TRADES = List.of("step", "time", "design", "market", "from", "to",
            "P", "price");
    static final List<String> COLLECTIVES = List.of("step", "time", "design", "collective",
            "price", "import", "export");
    static final List<String> STEPS = List.of("step", "time", "design", "status", "welfare",
            "import", "export", "import_cost", "export_revenue", "load", "exchange", "fees",
            "imbalance", "iterations", "seconds", "message", "conflicts");

    private RunOutput() {
    }

    /**
     * Writes every file into {@code dir} and returns the report of each design.
     *
     * @throws IOException when a file cannot be written; {@code dir} is then left as it was
     */
    public static List<DesignReport> write(Path dir, Scenario scenario, RunSettings settings,
                                           List<RunResult> runs) throws IOException {
        List<DesignReport> reports = new ArrayList<>();
        AtomicDirectory.write(dir, temp -> {
            reports.clear();
            reports.addAll(writeTables(temp, runs));
            SummaryJson.write(temp.resolve(AtomicDirectory.MARKER), scenario, settings, reports);
        });
        return reports;
    }

    private static List<DesignReport> writeTables(Path dir, List<RunResult> runs)
            throws IOException {
        List<DesignReport> reports = new ArrayList<>();
        try (Csv peers = new Csv(dir.resolve("peers.csv"), PEERS);
             Csv trades = new Csv(dir.resolve("trades.csv"), TRADES);
             Csv collectives = new Csv(dir.resolve("collectives.csv"), COLLECTIVES);
             Csv steps = new Csv(dir.resolve("steps.csv"), STEPS)) {
            for (RunResult run : runs) {
                DesignTotals.Collector totals = new DesignTotals.Collector();
                Accounting books = run.accounting();
                for (StepOutcome outcome : run.outcomes()) {
                    StepResult r = books.step(outcome);
                    totals.add(r);
                    String time = r.time().toString();
                    for (PeerStep p : r.peers()) {
                        peers.integer(r.step()).text(time).text(run.design()).text(p.peer())
                                .number(p.p()).number(p.energy()).number(p.cost())
                                .number(p.payment()).end();
                    }
                    for (TradeStep t : r.trades()) {
                        trades.integer(r.step()).text(time).text(run.design()).text(t.market())
                                .text(t.from()).text(t.to()).number(t.power()).number(t.price())
                                .end();
                    }
                    for (CollectiveStep c : r.collectives()) {
                        collectives.integer(r.step()).text(time).text(run.design())
                                .text(c.collective()).number(c.price()).number(c.importEnergy())
                                .number(c.exportEnergy()).end();
                    }
                    steps.integer(r.step()).text(time).text(run.design())
                            .text(r.status().name()).number(r.welfare()).number(r.gridImport())
                            .number(r.gridExport()).number(r.importCost())
                            .number(r.exportRevenue()).number(r.load()).number(r.exchange())
                            .number(r.fees()).number(r.imbalance())
                            .integer(r.stats().iterations()).number(r.stats().seconds())
                            .text(r.message()).text(String.join(";", r.conflicts())).end();
                }
                reports.add(new DesignReport(run.design(), totals.totals(), run.solveSummary(),
                        run.failed()));
            }
        }
        return reports;
    }
}
