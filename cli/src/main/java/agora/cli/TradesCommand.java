package agora.cli;

import agora.market.MarketDesign;
import agora.market.StepOutcome;
import agora.market.results.Accounting;
import agora.market.results.PeerStep;
import agora.market.results.StepResult;
import agora.market.results.TradeStep;
import agora.market.run.MarketRun;
import agora.market.run.OutputPlan;
import agora.market.run.OutputTables;
import agora.market.run.PlainDecimal;
import agora.market.run.ProgressListener;
import agora.market.run.RunResult;
import agora.market.run.StepRange;
import agora.scenario.Peer;
import agora.scenario.Scenario;
import agora.scenario.SolveMode;
import agora.solver.SolverBackend;
import agora.solver.SolverOptions;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code agora trades}: the trades of one peer with each partner over a few steps, per design
 * (the data of the paper's Fig. 7). A pool member trades with its pool, which does not say which
 * member the energy went to or came from: such rows name the pool, not a partner.
 */
@Command(name = "trades", mixinStandardHelpOptions = true,
        description = {"Solve the steps from --from to --to and show one peer's trades with each "
                + "partner, per design (as in the paper's Fig. 7).",
                "Exit status: 0 fine, 1 errors or failed steps, 2 usage, 3 internal."})
final class TradesCommand implements Callable<Integer> {
    /** Trades smaller than this (MW) are not shown on the terminal (they are in the CSV). */
    static final double SHOWN_MW = 1e-6;
    /**
     * The CSV's columns: those of trades.csv (see datapackage.json of a run's output), without
     * the congestion component of runs with line limits.
     */
    static final List<String> CSV_HEADER = OutputTables.TRADES.without("congestion_per_mwh").header();

    private final CliContext ctx;

    @Mixin
    ScenarioArgs scenario = new ScenarioArgs();
    @Mixin
    SolveArgs solve = new SolveArgs();
    @Mixin
    PluginArgs plugins = new PluginArgs();

    @Option(names = "--peer", required = true, paramLabel = "PEER",
            description = "the peer: its name, or its number (1 = the first peer declared; the "
                    + "paper's numbering in examples/ieee14)")
    String peer;

    @Option(names = "--from", required = true, paramLabel = "TIME",
            description = "first step, e.g. 2013-06-01T06:00")
    String from;

    @Option(names = "--to", required = true, paramLabel = "TIME",
            description = "last step (inclusive), e.g. 2013-06-01T07:30")
    String to;

    @Option(names = "--design", paramLabel = "NAME",
            description = "a design, a comma-separated list, or all for the paper's three and the "
                    + "scenario's own design when it is another; default: all")
    String design;

    @Option(names = "--out", paramLabel = "FILE.csv",
            description = "also write the trades here, as rows of trades.csv (seller, buyer, "
                    + "energy_mwh, price_per_mwh)")
    Path out;

    @Option(names = "--all-trades",
            description = "also write trades smaller than the solve's tolerance (left out by "
                    + "default)")
    boolean allTrades;

    private static final PlainDecimal TERMINAL = new PlainDecimal(6);

    /** The solve's tolerance, once known. */
    private double tolerance;

    TradesCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    /**
     * One trade of the peer, seen from the peer: positive {@code power} = the peer sells.
     *
     * @param trade     the trade as the market records it
     * @param smallest  the smallest trade worth writing in its step (MW)
     */
    record Row(int step, String time, String design, String market, String partner, boolean pool,
               double power, double price, TradeStep trade, double smallest) {
    }

    @Override
    public Integer call() {
        Registries registries = plugins.registries(ctx);
        Optional<Loaded> loaded = Loaded.load(ctx, scenario, Choices.names(registries,
                design == null, solve.backend == null && solve.solve == null));
        if (loaded.isEmpty()) {
            return ExitCodes.FAILED;
        }
        Loaded l = loaded.get();
        Scenario s = l.scenario();
        peer = peerName(s, peer);
        List<MarketDesign> designs = Choices.designs(design == null ? Choices.ALL : design, l,
                registries);
        SolveMode mode = solve.mode(s.market().solve());
        SolverBackend backend = mode == SolveMode.CENTRALIZED || solve.backend != null
                ? Choices.backend(solve.backend, l, registries) : null;
        SolverOptions options = solve.options(s.market().options());
        tolerance = options.tolerance();
        RangeArgs range = new RangeArgs();
        range.from = from;
        range.to = to;
        StepRange steps = range.range(s.time());

        List<Row> rows = new ArrayList<>();
        boolean failed = false;
        for (Prepared p : Prepared.all(designs, l, mode, backend, options)) {
            RunResult run = new MarketRun(p.solver(), options.effectiveThreads(),
                    ProgressListener.NONE).run(steps);
            failed |= printDesign(s, run, rows);
        }
        if (out != null) {
            AtomicFile.write(out, csv(rows, s.time().stepHours(), options.tolerance()), TradesCommand::isEarlierOutput,
                    "an earlier output of 'agora trades' (whose first line is its CSV header)");
            ctx.out().println("wrote " + out);
        }
        ctx.out().flush();
        return failed ? ExitCodes.FAILED : ExitCodes.OK;
    }

    /**
     * The peer's name: the argument when a peer has that name, else the name of the peer of that
     * number in declaration order (researchers number peers, as the paper does: "peer 3").
     */
    static String peerName(Scenario s, String argument) {
        if (s.peer(argument).isPresent()) {
            return argument;
        }
        List<Peer> peers = s.peers();
        if (argument.matches("[0-9]{1,9}")) {
            int number = Integer.parseInt(argument);
            if (number >= 1 && number <= peers.size()) {
                return peers.get(number - 1).name();
            }
            throw new UsageError("no peer number " + number + ": the scenario has peers 1 to "
                    + peers.size());
        }
        throw new UsageError("unknown peer '" + argument + "'; peers: "
                + String.join(", ", peers.stream().map(Peer::name).toList()));
    }

    /** Prints one design's trades of the peer and adds them to {@code rows}; true if a step failed. */
    private boolean printDesign(Scenario s, RunResult run, List<Row> rows) {
        // a peer whose bounds stay below 1 MW (a household) reads in kW
        Peer own = s.peer(peer).orElseThrow();
        double bound = Math.max(Math.abs(own.pmin().min()), Math.abs(own.pmax().max()));
        boolean kilowatts = bound < 1;
        double perMw = kilowatts ? 1e3 : 1;
        String unit = kilowatts ? "kW" : "MW";
        ctx.out().println(run.design() + ": trades of " + peer + " (" + unit + "; positive = "
                + peer + " sells; price in " + s.currency() + "/MWh)");
        boolean failed = false;
        boolean poolNoted = false;
        TextTable table = new TextTable(List.of("time", "market", "partner", "P [" + unit + "]",
                "price"));
        for (StepOutcome o : run.outcomes()) {
            StepResult r = Accounting.step(run.tree(), o);
            String time = r.time().toString();
            if (!r.isOptimal()) {
                failed = true;
                table.row(List.of(time, "", "", r.status().name(), r.message()));
                continue;
            }
            double largest = r.peers().stream().mapToDouble(p -> Math.abs(p.p())).max().orElse(0);
            double smallest = OutputPlan.smallestTrade(tolerance, largest);
            for (TradeStep t : r.trades()) {
                Row row = row(r.step(), time, run.design(), t, smallest);
                if (row == null) {
                    continue;
                }
                rows.add(row);
                poolNoted |= row.pool();
                if (Math.abs(row.power()) > SHOWN_MW) {
                    table.row(List.of(time, row.market(), row.partner(),
                            format(row.power() * perMw), format(row.price())));
                }
            }
            PeerStep step = r.peers().stream().filter(p -> p.peer().equals(peer)).findFirst()
                    .orElseThrow();
            table.row(List.of(time, "", "net injection p", format(step.p() * perMw), ""));
        }
        ctx.out().print(table.render());
        if (poolNoted) {
            ctx.out().println("note: " + peer + " is a pool member here: it trades with its pool "
                    + "as a whole, at the community price; a pool does not split trades by partner.");
        }
        ctx.out().println();
        return failed;
    }

    /** The trade seen from the peer, or null when the peer is not one of its sides. */
    private Row row(int step, String time, String designName, TradeStep t, double smallest) {
        if (t.from().equals(peer)) {
            String partner = t.pool() ? "pool " + t.to() : t.to();
            return new Row(step, time, designName, t.market(), partner, t.pool(), t.power(),
                    t.price(), t, smallest);
        }
        if (!t.pool() && t.to().equals(peer)) {
            return new Row(step, time, designName, t.market(), t.from(), false, -t.power(),
                    t.price(), t, smallest);
        }
        return null;
    }

    /** True when the file's first line is this command's CSV header. */
    static boolean isEarlierOutput(Path file) {
        String header = String.join(",", CSV_HEADER) + "\n";
        return AtomicFile.head(file, header.length()).equals(header);
    }

    /** The rows as trades.csv writes them: from seller to buyer, energy, price. */
    private String csv(List<Row> rows, double stepHours, double tolerance) {
        PlainDecimal numbers = PlainDecimal.forTolerance(tolerance);
        DateTimeFormatter times = DateTimeFormatter.ofPattern(OutputTables.TIME_PATTERN);
        StringBuilder out = new StringBuilder(String.join(",", CSV_HEADER)).append('\n');
        for (Row r : rows) {
            TradeStep t = r.trade();
            if (!allTrades && !(Math.abs(t.power()) >= r.smallest())) {
                continue;
            }
            boolean forward = t.power() >= 0;
            out.append(r.step()).append(',')
                    .append(times.format(LocalDateTime.parse(r.time()))).append(',')
                    .append(r.design()).append(',').append(t.market()).append(',')
                    .append(t.pool() ? "pool" : "bilateral").append(',')
                    .append(forward ? t.from() : t.to()).append(',')
                    .append(forward ? t.to() : t.from()).append(',')
                    .append(numbers.format(Math.abs(t.power()) * stepHours)).append(',')
                    .append(numbers.format(t.price())).append('\n');
        }
        return out.toString();
    }

    /** Six significant digits, plainly; solver noise (1e-14) and -0 read 0. */
    private static String format(double x) {
        return TERMINAL.format(x);
    }
}
