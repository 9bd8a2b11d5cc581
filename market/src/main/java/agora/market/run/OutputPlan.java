package agora.market.run;

import agora.market.MarketTree;
import java.util.List;

/**
 * What a run's output needs to know before the first row: the designs it will hold (their
 * markets go into {@code summary.json}, and whether any collective is a pool decides whether
 * {@code collectives.csv} has a price column), the step length (energies of trades), the solve's
 * tolerance (the precision of the numbers and the smallest trade written) and whether every
 * trade is written.
 *
 * @param designs   the lowered designs, in the order they are run
 * @param tolerance the solve's relative tolerance
 * @param allTrades write trades smaller than the tolerance too ({@code --all-trades})
 * @param format    the tables' file format
 */
public record OutputPlan(List<MarketTree> designs, double stepHours, double tolerance,
                         boolean allTrades, OutputFormat format) {

    public OutputPlan {
        designs = List.copyOf(designs);
    }

    /** A plan that writes CSV files. */
    public OutputPlan(List<MarketTree> designs, double stepHours, double tolerance,
                      boolean allTrades) {
        this(designs, stepHours, tolerance, allTrades, OutputFormat.CSV);
    }

    /** This plan writing the tables in {@code tableFormat}. */
    public OutputPlan withFormat(OutputFormat tableFormat) {
        return new OutputPlan(designs, stepHours, tolerance, allTrades, tableFormat);
    }

    /** The scenario's currency (the unit of money columns). */
    String currency() {
        return designs.get(0).scenario().currency();
    }

    /** Every file the output writes, the summary (manifest) first. */
    List<String> files() {
        List<String> files = new java.util.ArrayList<>(List.of(OutputFolder.MANIFEST,
                RunOutput.DATA_PACKAGE));
        for (OutputTables.Table t : tables()) {
            if (format.csv()) {
                files.add(t.file());
            }
            if (format.parquet()) {
                files.add(t.parquetFile());
            }
        }
        return files;
    }

    /** The plan for {@code designs} of one scenario. */
    public static OutputPlan of(List<MarketTree> designs, double tolerance, boolean allTrades) {
        if (designs.isEmpty()) {
            throw new IllegalArgumentException("an output holds at least one design");
        }
        return new OutputPlan(designs, designs.get(0).scenario().time().stepHours(), tolerance,
                allTrades);
    }

    /**
     * The smallest trade (MW) worth writing in a step whose largest injection is {@code largest}
     * MW, solved to relative {@code tolerance}: smaller ones are solver noise (or nothing).
     */
    public static double smallestTrade(double tolerance, double largest) {
        return tolerance * Math.max(1, largest);
    }

    /** True when a collective of some design clears as a pool (so it has a community price). */
    boolean pricedCollectives() {
        return designs.stream().flatMap(t -> t.markets().stream())
                .anyMatch(m -> m.isPool() && !m.isRoot());
    }

    /** True when the scenario's network has line limits (so trades carry a congestion component). */
    boolean limitedLines() {
        return designs.get(0).scenario().network().hasLimits();
    }

    /** True when some peer stores energy (so storage.csv is written). */
    boolean storage() {
        return designs.get(0).scenario().peers().stream().anyMatch(p -> p.isStorage());
    }

    /** The tables as this run writes them (storage.csv only with storage). */
    List<OutputTables.Table> tables() {
        return OutputTables.ALL.stream().filter(t -> t != OutputTables.STORAGE || storage()).map(t -> {
            if (t == OutputTables.COLLECTIVES && !pricedCollectives()) {
                return t.without("price_per_mwh");
            }
            if (t == OutputTables.TRADES && !limitedLines()) {
                return t.without("congestion_per_mwh");
            }
            return t;
        }).toList();
    }
}
