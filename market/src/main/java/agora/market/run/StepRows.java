package agora.market.run;

import agora.market.results.StepResult;
import agora.scenario.Scenario;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of {@code steps.csv} ({@link OutputTables#STEPS}), the one place they are formatted: for
 * {@code agora run}'s output and for a sweep's per-step table, which puts columns of its own (the
 * variant and its values) before the same columns. Numbers at the precision of the solve
 * ({@link PlainDecimal}), as in every output file.
 */
public final class StepRows implements Closeable {
    private final Csv csv;
    private final int leading;

    /**
     * Rows of {@code table} (the steps table, or {@link #withLeading} of it) into {@code out},
     * which is closed with this; with {@code header}, the header line first.
     *
     * @param tolerance the solve's relative tolerance (the precision of the numbers)
     */
    public StepRows(OutputStream out, OutputTables.Table table, double tolerance, boolean header)
            throws IOException {
        this.csv = new Csv(out, table.header(), PlainDecimal.forTolerance(tolerance), header);
        this.leading = table.fields().size() - OutputTables.STEPS.fields().size();
        if (leading < 0) {
            throw new IllegalArgumentException(table.file() + " has fewer columns than steps.csv");
        }
    }

    /** The steps table with {@code fields} before its own columns, under another file name. */
    public static OutputTables.Table withLeading(String file, String description,
                                                 List<OutputTables.Field> fields) {
        List<OutputTables.Field> all = new ArrayList<>(fields);
        all.addAll(OutputTables.STEPS.fields());
        return new OutputTables.Table(file, OutputTables.STEPS.name(), description, all);
    }

    /** The header line of {@code table}, as the CSV files have it (with its line end). */
    public static byte[] headerLine(OutputTables.Table table) {
        List<String> cells = table.header().stream().map(Csv::quote).toList();
        return (String.join(",", cells) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * {@code datapackage.json} describing {@code tables} of a scenario's results (see
     * {@link RunOutput#DATA_PACKAGE}).
     *
     * @param command the command that wrote them, for the package's description
     */
    public static void writeDataPackage(OutputStream out, Scenario scenario, String command,
                                        List<OutputTables.Table> tables, double tolerance)
            throws IOException {
        DataPackage.write(out, scenario, command, tables, PlainDecimal.forTolerance(tolerance));
    }

    /** One step of {@code design}, after the values of the leading columns. */
    public void write(List<String> leadingValues, String design, StepResult r) throws IOException {
        if (leadingValues.size() != leading) {
            throw new IllegalArgumentException(leadingValues.size() + " leading values for "
                    + leading + " leading columns");
        }
        for (String value : leadingValues) {
            csv.text(value);
        }
        row(csv, design, r);
    }

    /** The columns of {@link OutputTables#STEPS} for one step, ending the row. */
    static void row(TableWriter steps, String design, StepResult r) throws IOException {
        String message = r.conflicts().isEmpty() ? r.message()
                : r.message() + " [conflicts: " + String.join("; ", r.conflicts()) + "]";
        steps.integer(r.step()).time(r.time()).text(design)
                .text(r.status().name()).number(r.welfare()).number(r.gridImport())
                .number(r.gridExport()).number(r.importCost())
                .number(r.exportRevenue()).number(r.load()).number(r.exchange())
                .number(r.fees()).number(r.imbalance())
                .integer(r.stats().iterations()).number(r.stats().seconds())
                .text(message).end();
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
