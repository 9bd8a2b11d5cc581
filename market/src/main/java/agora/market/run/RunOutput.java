package agora.market.run;

import agora.market.StepOutcome;
import agora.market.formulation.StorageUnit;
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
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
 *       no line has a capacity) and, with storage, {@code storage.csv}, their columns named with their units and numbers at the
 *       precision of the solve ({@link OutputTables}, {@link PlainDecimal}); with
 *       {@link OutputFormat#PARQUET} the same tables as Apache Parquet files instead
 *       ({@code peers.parquet}, ...: {@link ParquetTable}), with {@link OutputFormat#BOTH} in
 *       both formats;</li>
 *   <li>{@code datapackage.json}: the Frictionless Data package describing those tables (types,
 *       units, meanings), so that they can be read without looking anything up.</li>
 * </ul>
 *
 * Rows are written as steps are accounted ({@link #write}), so a run never holds its horizon in
 * memory; {@link #finish} writes the summary and moves everything into place. Thread-safe:
 * {@link #abort} may come from a shutdown hook while the run writes.
 */
public final class RunOutput implements AutoCloseable {
    /** The Frictionless Data package describing the CSV files. */
    public static final String DATA_PACKAGE = "datapackage.json";

    private final OutputFolder folder;
    private final OutputPlan plan;
    private final List<OutputTables.Table> tables;
    private final PlainDecimal numbers;
    private final boolean priced;
    private final boolean congestion;
    private final TableWriter peers;
    private final TableWriter trades;
    private final TableWriter collectives;
    private final TableWriter steps;
    private final TableWriter lines;
    /** Null when the scenario has no storage. */
    private final TableWriter storage;
    private long rowsOfSteps;
    private long tradesLeftOut;

    private RunOutput(OutputFolder folder, OutputPlan plan) throws IOException {
        this.folder = folder;
        this.plan = plan;
        this.tables = plan.tables();
        this.numbers = PlainDecimal.forTolerance(plan.tolerance());
        this.priced = plan.pricedCollectives();
        this.congestion = plan.limitedLines();
        this.peers = writer(tables.get(0));
        this.trades = writer(tables.get(1));
        this.collectives = writer(tables.get(2));
        this.steps = writer(tables.get(3));
        this.lines = writer(tables.get(4));
        this.storage = tables.size() > 5 ? writer(tables.get(5)) : null;
    }

    /** The writer of {@code table} in the plan's format(s). */
    private TableWriter writer(OutputTables.Table table) throws IOException {
        OutputFormat format = plan.format();
        TableWriter csv = format.csv()
                ? new Csv(folder.create(table.file()), table.header(), numbers) : null;
        TableWriter parquet = format.parquet() ? new ParquetTable(
                folder.create(table.parquetFile()), table, numbers, plan.currency()) : null;
        if (csv == null) {
            return parquet;
        }
        return parquet == null ? csv : TableWriter.both(csv, parquet);
    }

    /**
     * Starts the output into {@code dir}, before any step is solved, so that a folder that cannot
     * take it stops the run at once.
     *
     * @throws IOException when the folder cannot be used (see {@link OutputFolder#open})
     */
    public static RunOutput open(Path dir, OutputPlan plan) throws IOException {
        OutputFolder folder = OutputFolder.open(dir, plan.files());
        try {
            return new RunOutput(folder, plan);
        } catch (Throwable e) { // rethrown as it is: only the staging folder is removed
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
        return write(dir, scenario, settings, runs, OutputFormat.CSV);
    }

    /**
     * Writes every file of finished runs into {@code dir}, the tables in {@code format}, and
     * returns the report of each design.
     *
     * @throws IOException when a file cannot be written; {@code dir} is then left as it was
     */
    public static List<DesignReport> write(Path dir, Scenario scenario, RunSettings settings,
                                           List<RunResult> runs, OutputFormat format)
            throws IOException {
        OutputPlan plan = OutputPlan.of(runs.stream().map(RunResult::tree).toList(),
                settings.options().tolerance(), settings.allTrades()).withFormat(format);
        try (RunOutput output = open(dir, plan)) {
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
        LocalDateTime time = r.time();
        double largest = 0;
        for (PeerStep p : r.peers()) {
            peers.integer(r.step()).time(time).text(design).text(p.peer())
                    .number(p.p()).number(p.energy()).number(p.cost())
                    .number(p.payment()).end();
            largest = Math.max(largest, Math.abs(p.p()));
        }
        double smallest = smallestTrade(largest);
        for (TradeStep t : r.trades()) {
            double power = t.power();
            if (!plan.allTrades() && !(Math.abs(power) >= smallest)) {
                tradesLeftOut++;
                continue;
            }
            boolean forward = power >= 0;
            trades.integer(r.step()).time(time).text(design).text(t.market())
                    .text(t.pool() ? "pool" : "bilateral")
                    .text(forward ? t.from() : t.to()).text(forward ? t.to() : t.from())
                    .number(Math.abs(power) * plan.stepHours()).number(t.price());
            if (congestion) {
                trades.number(forward ? t.congestion() : -t.congestion());
            }
            trades.end();
        }
        for (CollectiveStep c : r.collectives()) {
            collectives.integer(r.step()).time(time).text(design).text(c.collective());
            if (priced) {
                collectives.number(c.price());
            }
            collectives.number(c.importEnergy()).number(c.exportEnergy()).end();
        }
        StepRows.row(steps, design, r);
        for (LineStep l : r.lines()) {
            lines.integer(r.step()).time(time).text(design).text(l.line()).number(l.flow())
                    .number(l.capacity()).number(100 * l.loading()).number(l.price()).end();
        }
        rowsOfSteps++;
    }

    /** Writes each storage unit's charge, discharge and state of charge in one solved step. */
    public synchronized void writeStorage(String design, StepResult r, StepOutcome outcome,
                                          List<StorageUnit> units) throws IOException {
        if (storage == null || !outcome.isOptimal()) {
            return;
        }
        for (StorageUnit u : units) {
            storage.integer(r.step()).time(r.time()).text(design).text(u.name())
                    .number(outcome.storageCharge(u.index())).number(outcome.storageDischarge(u.index()))
                    .number(outcome.storageState(u.index())).end();
        }
    }

    /** The smallest trade (MW) written in a step whose largest injection is {@code largest} MW. */
    private double smallestTrade(double largest) {
        return OutputPlan.smallestTrade(plan.tolerance(), largest);
    }

    /** The run whose output this one replaced (which scenario, when), once finished. */
    public Optional<Manifest.Origin> replaced() {
        return folder.replaced();
    }

    /** Steps written so far (over all designs). */
    public synchronized long stepsWritten() {
        return rowsOfSteps;
    }

    /** Trades left out so far as smaller than the tolerance (0 with --all-trades). */
    public synchronized long tradesLeftOut() {
        return tradesLeftOut;
    }

    /**
     * Writes {@code datapackage.json} and {@code summary.json} and moves every file into the
     * folder.
     *
     * @throws IOException when something cannot be written; the partial output is then removed
     */
    public synchronized void finish(Scenario scenario, RunSettings settings,
                                    List<DesignReport> reports) throws IOException {
        try {
            for (TableWriter table : writers()) {
                table.close();
            }
            try (OutputStream description = folder.create(DATA_PACKAGE)) {
                DataPackage.write(description, scenario, "agora run", tables, numbers, plan.format());
            }
            try (OutputStream summary = folder.create(OutputFolder.MANIFEST)) {
                SummaryJson.write(summary, scenario, settings, reports, plan.designs(),
                        folder.written(), plan.format());
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
        boolean removed;
        try {
            for (TableWriter table : writers()) {
                try {
                    table.close();
                } catch (IOException | RuntimeException e) {
                    // the file is removed with the staging folder just below
                }
            }
        } finally { // even when closing failed in some worse way
            removed = folder.abort();
        }
        return removed;
    }

    private List<TableWriter> writers() {
        return storage == null ? List.of(peers, trades, collectives, steps, lines)
                : List.of(peers, trades, collectives, steps, lines, storage);
    }

    /** Same as {@link #abort}: an output that was not finished is removed. */
    @Override
    public void close() {
        abort();
    }
}
