package agora.market.run;

import agora.market.StepOutcome;
import agora.market.results.CollectiveStep;
import agora.market.results.LineStep;
import agora.market.results.PeerStep;
import agora.market.results.StepResult;
import agora.market.results.TradeStep;
import agora.scenario.Scenario;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the outputs of a run into a folder (see {@link OutputFolder}: nothing of the user's is
 * replaced, nothing is left half-written):
 *
 * <ul>
 *   <li>{@code summary.json}: totals and solve statistics per design, the scenario, options and
 *       parameters that reproduce the run, the units, and the files written (size and SHA-256);</li>
 *   <li>tidy CSVs in long format, one header line, ISO-8601 times, one row per step and item:
 *       {@code peers.csv}, {@code trades.csv}, {@code collectives.csv}, {@code steps.csv} and
 *       {@code lines.csv} (the limited lines' flows and congestion prices; only its header when
 *       no line has a capacity).</li>
 * </ul>
 *
 * Rows are written as steps are accounted ({@link #write}), so a run never holds its horizon in
 * memory; {@link #finish} writes the summary and moves everything into place. Thread-safe:
 * {@link #abort} may come from a shutdown hook while the run writes.
 */
public final class RunOutput implements AutoCloseable {
    static final String PEERS_FILE = "peers.csv";
    static final String TRADES_FILE = "trades.csv";
    static final String COLLECTIVES_FILE = "collectives.csv";
    static final String STEPS_FILE = "steps.csv";
    static final String LINES_FILE = "lines.csv";
    /** Every file of an output, the summary (manifest) first. */
    public static final List<String> FILES = List.of(OutputFolder.MANIFEST, PEERS_FILE, TRADES_FILE,
            COLLECTIVES_FILE, STEPS_FILE, LINES_FILE);
    static final List<String> PEERS = List.of("step", "time", "design", "peer", "p", "energy",
            "cost", "payment");
    static final List<String> TRADES = List.of("step", "time", "design", "market", "from", "to",
            "P", "price");
    static final List<String> COLLECTIVES = List.of("step", "time", "design", "collective",
            "price", "import", "export");
    static final List<String> STEPS = List.of("step", "time", "design", "status", "welfare",
            "import", "export", "import_cost", "export_revenue", "load", "exchange", "fees",
            "imbalance", "iterations", "seconds", "message", "conflicts");
    static final List<String> LINES = List.of("step", "time", "design", "line", "flow_mw",
            "capacity_mw", "loading_pct", "congestion_price_per_mwh");

    private final OutputFolder folder;
    private final Csv peers;
    private final Csv trades;
    private final Csv collectives;
    private final Csv steps;
    private final Csv lines;
    private long rowsOfSteps;

    private RunOutput(OutputFolder folder) throws IOException {
        this.folder = folder;
        this.peers = new Csv(folder.create(PEERS_FILE), PEERS);
        this.trades = new Csv(folder.create(TRADES_FILE), TRADES);
        this.collectives = new Csv(folder.create(COLLECTIVES_FILE), COLLECTIVES);
        this.steps = new Csv(folder.create(STEPS_FILE), STEPS);
        this.lines = new Csv(folder.create(LINES_FILE), LINES);
    }

    /**
     * Starts the output into {@code dir}, before any step is solved, so that a folder that cannot
     * take it stops the run at once.
     *
     * @throws IOException when the folder cannot be used (see {@link OutputFolder#open})
     */
    public static RunOutput open(Path dir) throws IOException {
        OutputFolder folder = OutputFolder.open(dir, FILES);
        try {
            return new RunOutput(folder);
        } catch (IOException | RuntimeException e) {
            folder.abort();
            throw e;
        }
    }

    /**
     * Writes every file of finished runs into {@code dir} and returns the report of each design.
     *
     * @throws IOException when a file cannot be written; {@code dir} is then left as it was
     */
    public static List<DesignReport> write(Path dir, Scenario scenario, RunSettings settings,
                                           List<RunResult> runs) throws IOException {
        try (RunOutput output = open(dir)) {
            List<DesignReport> reports = new ArrayList<>();
            for (RunResult run : runs) {
                DesignAccounts accounts = new DesignAccounts(run.problem(), output);
                for (StepOutcome o : run.outcomes()) {
                    accounts.accept(o);
                }
                reports.add(accounts.report(run.solveSummary()));
            }
            output.finish(scenario, settings, reports);
            return reports;
        }
    }

    /** The folder the files go to. */
    public Path folder() {
        return folder.folder();
    }

    /** Writes the rows of one step of {@code design}; steps come in order, design by design. */
    public synchronized void write(String design, StepResult r) throws IOException {
        if (folder.aborted()) {
            throw new InterruptedIOException("the output to " + folder.folder() + " was abandoned");
        }
        String time = r.time().toString();
        for (PeerStep p : r.peers()) {
            peers.integer(r.step()).text(time).text(design).text(p.peer())
                    .number(p.p()).number(p.energy()).number(p.cost())
                    .number(p.payment()).end();
        }
        for (TradeStep t : r.trades()) {
            trades.integer(r.step()).text(time).text(design).text(t.market())
                    .text(t.from()).text(t.to()).number(t.power()).number(t.price())
                    .end();
        }
        for (CollectiveStep c : r.collectives()) {
            collectives.integer(r.step()).text(time).text(design)
                    .text(c.collective()).number(c.price()).number(c.importEnergy())
                    .number(c.exportEnergy()).end();
        }
        steps.integer(r.step()).text(time).text(design)
                .text(r.status().name()).number(r.welfare()).number(r.gridImport())
                .number(r.gridExport()).number(r.importCost())
                .number(r.exportRevenue()).number(r.load()).number(r.exchange())
                .number(r.fees()).number(r.imbalance())
                .integer(r.stats().iterations()).number(r.stats().seconds())
                .text(r.message()).text(String.join(";", r.conflicts())).end();
        for (LineStep l : r.lines()) {
            lines.integer(r.step()).text(time).text(design).text(l.line()).number(l.flow())
                    .number(l.capacity()).number(100 * l.loading()).number(l.price()).end();
        }
        rowsOfSteps++;
    }

    /** Steps written so far (over all designs). */
    public synchronized long stepsWritten() {
        return rowsOfSteps;
    }

    /**
     * Writes {@code summary.json} and moves every file into the folder.
     *
     * @throws IOException when something cannot be written; the partial output is then removed
     */
    public synchronized void finish(Scenario scenario, RunSettings settings,
                                    List<DesignReport> reports) throws IOException {
        try {
            for (Csv csv : List.of(peers, trades, collectives, steps, lines)) {
                csv.close();
            }
            try (OutputStream summary = folder.create(OutputFolder.MANIFEST)) {
                SummaryJson.write(summary, scenario, settings, reports, folder.written());
            }
            folder.commit();
        } finally {
            abort(); // does nothing once committed
        }
    }

    /**
     * Removes what was written so far (a failed write, or Ctrl-C); the folder is left as it was.
     * Does nothing once {@link #finish} is done.
     *
     * @return true when a partial output was removed
     */
    public synchronized boolean abort() {
        for (Csv csv : List.of(peers, trades, collectives, steps, lines)) {
            try {
                csv.close();
            } catch (IOException e) {
                // the file is removed with the staging folder just below
            }
        }
        return folder.abort();
    }

    /** Same as {@link #abort}: an output that was not finished is removed. */
    @Override
    public void close() {
        abort();
    }
}
