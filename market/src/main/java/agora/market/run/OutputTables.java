package agora.market.run;

import java.util.List;

/**
 * The tables a run writes, each column with its type, unit and meaning: the one place the CSV
 * headers and {@code datapackage.json} come from, so the two never disagree. Column names carry
 * their units ({@code p_mw}, {@code energy_mwh}, {@code price_per_mwh}); money columns are in the
 * scenario's currency ({@link #MONEY}, named in {@code datapackage.json}); no name is a keyword
 * of Python or SQL.
 */
public final class OutputTables {
    /** The unit of money columns, replaced by the scenario's currency in datapackage.json. */
    static final String MONEY = "{currency}";
    static final String PRICE = "{currency}/MWh";
    /** How times are written: local time of the scenario, to the second, no offset. */
    public static final String TIME_PATTERN = "uuuu-MM-dd'T'HH:mm:ss";
    /** The same as a Frictionless (strptime) format. */
    static final String TIME_FORMAT = "%Y-%m-%dT%H:%M:%S";

    private OutputTables() {
    }

    /**
     * One column.
     *
     * @param type a Frictionless table schema type: string, integer, number, datetime
     * @param unit null when the column has none
     */
    public record Field(String name, String type, String unit, String description) {
    }

    /** One CSV file. */
    public record Table(String file, String name, String description, List<Field> fields) {
        public Table {
            fields = List.copyOf(fields);
        }

        /** The header line's names. */
        public List<String> header() {
            return fields.stream().map(Field::name).toList();
        }

        /** Its Apache Parquet file ({@code peers.parquet} for {@code peers.csv}). */
        public String parquetFile() {
            return file.replaceFirst("\\.csv$", "") + ".parquet";
        }

        /** This table without the column {@code name}. */
        public Table without(String name) {
            return new Table(file, this.name, description,
                    fields.stream().filter(f -> !f.name().equals(name)).toList());
        }
    }

    private static final Field STEP = new Field("step", "integer", null,
            "index of the step in the scenario's horizon, from 0");
    private static final Field TIME = new Field("time", "datetime", null,
            "start of the step, the scenario's local time");
    private static final Field DESIGN = new Field("design", "string", null,
            "market design (full, community, hybrid, a plug-in)");

    public static final Table PEERS = new Table("peers.csv", "peers",
            "what each peer did in each solved step", List.of(STEP, TIME, DESIGN,
            new Field("peer", "string", null, "the peer's name"),
            new Field("p_mw", "number", "MW", "net injection (positive = produces)"),
            new Field("energy_mwh", "number", "MWh", "net injection × step length"),
            new Field("cost", "number", MONEY, "the peer's own cost of the step, Δt·C(p); for "
                    + "the grid its external settlement"),
            new Field("payment", "number", MONEY, "what the peer paid in the market for the "
                    + "step (negative = received): its trades at their prices plus the per-MWh "
                    + "charges it pays on them")));

    public static final Table TRADES = new Table("trades.csv", "trades",
            "the trades of each solved step; trades smaller than the solve's tolerance are left "
                    + "out unless the run was given --all-trades", List.of(STEP, TIME, DESIGN,
            new Field("market", "string", null, "the market the trade is in: a collective, or "
                    + "'market' for the root"),
            new Field("kind", "string", null, "bilateral: a trade along a trade link; pool: a "
                    + "pool member's trade with its pool (the pool does not say which member took "
                    + "it) or the pool's trade with the outside"),
            new Field("seller", "string", null, "who delivered the energy"),
            new Field("buyer", "string", null, "who took the energy"),
            new Field("energy_mwh", "number", "MWh", "energy sold in the step (never negative)"),
            new Field("price_per_mwh", "number", PRICE, "the trade's price (bilateral price, or "
                    + "the community price for pool trades)"),
            new Field("congestion_per_mwh", "number", PRICE, "what the congested lines add per "
                    + "MWh from the seller's bus to the buyer's (the sum of their congestion "
                    + "prices times the difference of the two buses' distribution factors), paid "
                    + "through the two sides' locational charges; empty for a pool trade or a "
                    + "manager's. The column is left out when no line has a capacity")));

    public static final Table COLLECTIVES = new Table("collectives.csv", "collectives",
            "each collective in each solved step, seen from its parent market",
            List.of(STEP, TIME, DESIGN,
                    new Field("collective", "string", null, "the collective's name"),
                    new Field("price_per_mwh", "number", PRICE, "community price (dual of the "
                            + "pool balance); empty where the collective clears bilaterally. The "
                            + "column is left out when no collective of the run is a pool"),
                    new Field("import_mwh", "number", "MWh", "energy its manager bought in the "
                            + "parent market"),
                    new Field("export_mwh", "number", "MWh", "energy its manager sold in the "
                            + "parent market")));

    public static final Table STEPS = new Table("steps.csv", "steps",
            "each step of each design: its status and totals; a step that did not solve keeps "
                    + "its status and message, its numbers are empty", List.of(STEP, TIME, DESIGN,
            new Field("status", "string", null, "OPTIMAL, or why the step did not solve"),
            new Field("welfare", "number", MONEY, "social welfare, −Δt × optimal objective"),
            new Field("import_mwh", "number", "MWh", "energy bought from the grid"),
            new Field("export_mwh", "number", "MWh", "energy sold to the grid"),
            new Field("import_cost", "number", MONEY, "paid to the grid for the import"),
            new Field("export_revenue", "number", MONEY, "received from the grid for the export"),
            new Field("load_mwh", "number", "MWh", "energy consumed by the peers other than the "
                    + "grid and storage"),
            new Field("exchange_mwh", "number", "MWh", "energy traded between different "
                    + "collectives"),
            new Field("fees", "number", MONEY, "every per-MWh charge paid on trades: fees, "
                    + "network charges, preference costs"),
            new Field("imbalance", "number", MONEY, "budget balance of the step's payments "
                    + "(about 0 when prices are the duals of an optimal solution)"),
            new Field("iterations", "integer", null, "solver iterations"),
            new Field("solve_seconds", "number", "s", "time spent solving the step"),
            new Field("message", "string", null, "the solver's message; for a step that did not "
                    + "solve also the conflicting constraints")));

    public static final Table LINES = new Table("lines.csv", "lines",
            "each limited line (a line with a capacity) in each solved step; only the header "
                    + "when no line has a capacity", List.of(STEP, TIME, DESIGN,
            new Field("line", "string", null, "the line's name"),
            new Field("flow_mw", "number", "MW", "DC power flow, positive from its 'from' bus to "
                    + "its 'to' bus"),
            new Field("capacity_mw", "number", "MW", "its capacity in the step"),
            new Field("loading_pct", "number", "%", "100 × |flow| / capacity; empty for a "
                    + "capacity of 0"),
            new Field("congestion_price_per_mwh", "number", PRICE, "the dual of its limit: "
                    + "positive when full in its own direction, negative in the other, 0 when it "
                    + "does not bind")));

    public static final Table STORAGE = new Table("storage.csv", "storage",
            "each storage peer in each solved step; written only when the scenario has storage",
            List.of(STEP, TIME, DESIGN,
            new Field("storage", "string", null, "the storage peer's name"),
            new Field("charge_mw", "number", "MW", "power drawn from the market to charge"),
            new Field("discharge_mw", "number", "MW", "power delivered to the market by "
                    + "discharging"),
            new Field("soc_mwh", "number", "MWh", "state of charge at the end of the step")));

    /** Every table, in the order of the files. */
    public static final List<Table> ALL = List.of(PEERS, TRADES, COLLECTIVES, STEPS, LINES, STORAGE);
}
