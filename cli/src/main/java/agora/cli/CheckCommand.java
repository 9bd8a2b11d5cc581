package agora.cli;

import agora.market.DesignException;
import agora.market.Market;
import agora.market.MarketDesign;
import agora.market.MarketDesigns;
import agora.market.MarketTree;
import agora.market.run.MemoryEstimate;
import agora.scenario.Collective;
import agora.scenario.CollectiveFee;
import agora.scenario.Line;
import agora.scenario.MarketSettings;
import agora.scenario.Peer;
import agora.scenario.PeerKind;
import agora.scenario.Preference;
import agora.scenario.Profile;
import agora.scenario.Scenario;
import agora.scenario.SolveMode;
import agora.scenario.Tariffs;
import agora.scenario.TimeAxis;
import agora.topology.Topology;
import agora.units.Numbers;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code agora check}: compiles a scenario and summarises it (peers by kind, collectives, trading
 * pairs under every registered design, network, horizon), or prints its diagnostics.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check a scenario and summarise it: peers, collectives, trading pairs per "
                + "design, network and horizon.",
                "Exit status: 0 fine, 1 errors (printed on stderr), 2 usage, 3 internal."})
final class CheckCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    ScenarioArgs scenario = new ScenarioArgs();
    @Mixin
    PluginArgs plugins = new PluginArgs();

    CheckCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Registries registries = plugins.registries(ctx);
        Optional<Loaded> loaded = Loaded.load(ctx, scenario, Choices.names(registries, true, true));
        if (loaded.isEmpty()) {
            return ExitCodes.FAILED;
        }
        Loaded l = loaded.get();
        Scenario s = l.scenario();
        // The scenario's own choices must hold: an unknown name or a design that does not apply
        // is an error of the scenario.
        List<MarketDesign> own = Choices.designs(null, l, registries);
        if (s.market().solve() == SolveMode.CENTRALIZED) {
            Choices.backend(null, l, registries);
        }
        Topology topology = Topology.of(s);
        List<MemoryEstimate.MarketSize> ownSizes = new ArrayList<>();
        Map<String, String> pairs = tradingPairs(topology, own, l, registries.designs().all(),
                ownSizes);
        HeapCheck heap = HeapCheck.of(ownSizes, s.market().solve(), s.market().backend(),
                s.market().options().effectiveThreads(), s.time().count());

        PrintWriter out = ctx.out();
        out.println("scenario \"" + s.name() + "\" (" + l.file() + ")");
        out.println(peers(s.peers()));
        fixedAtZero(s.peers()).ifPresent(out::println);
        out.println(collectives(s.collectives(), topology.collectiveDepth()));
        out.println(Describe.count(s.network().buses().size(), "bus", "buses") + ", "
                + Describe.count(s.network().lines().size(), "line"));
        lineLimits(s, topology).ifPresent(out::println);
        tariffs(s).ifPresent(out::println);
        preferences(s).ifPresent(out::println);
        out.println(horizon(s.time()));
        out.println(market(s.market()));
        if (s.hasStorage()) {
            out.println(windows(s.market().options()));
        }
        out.println("trading pairs per design:");
        int width = pairs.keySet().stream().mapToInt(String::length).max().orElse(0);
        pairs.forEach((design, text) -> out.println("  " + design
                + " ".repeat(width - design.length()) + "  " + text));
        if (heap.noteworthy()) {
            out.println("memory: " + heap.need() + (heap.fits() ? ""
                    : "; too little: 'agora run' will refuse it. To run it:\n" + heap.remedies()));
        }
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * Every registered design lowered; the scenario's own design must apply (the sizes of its
     * markets go to {@code ownSizes}).
     */
    private static Map<String, String> tradingPairs(Topology topology, List<MarketDesign> own,
                                                    Loaded l, List<MarketDesign> registered,
                                                    List<MemoryEstimate.MarketSize> ownSizes) {
        Set<String> ownNames = own.stream().map(MarketDesign::name).collect(Collectors.toSet());
        Map<String, String> out = new LinkedHashMap<>();
        for (MarketDesign design : registered) {
            String mark = ownNames.contains(design.name()) ? " (the scenario's design)" : "";
            try {
                MarketTree tree = MarketDesigns.lower(design, topology);
                if (!mark.isEmpty()) {
                    ownSizes.add(MemoryEstimate.MarketSize.of(tree)); // no problem built: check stays light
                }
                out.put(design.name(), pairs(tree) + mark);
            } catch (DesignException e) {
                if (!mark.isEmpty()) {
                    throw new UserError(l.render(e.diagnostics()).stripTrailing());
                }
                out.put(design.name(), "does not apply: " + e.getMessage());
            }
        }
        return out;
    }

    static String pairs(MarketTree tree) {
        List<Market> pools = tree.markets().stream().filter(Market::isPool).toList();
        String text = Describe.count(tree.links().size(), "trading pair");
        if (!pools.isEmpty()) {
            int members = pools.stream().mapToInt(m -> m.participants().size()).sum();
            text += ", " + Describe.count(pools.size(), "pool") + " ("
                    + Describe.count(members, "member") + ")";
        }
        return text;
    }

    /**
     * {@code fixed at 0 MW, no trades: z1, z2}: the peers whose bounds are 0 MW in every step,
     * which every design leaves out of trading; empty when there are none.
     */
    static Optional<String> fixedAtZero(List<Peer> peers) {
        List<String> idle = peers.stream().filter(p -> !p.isGrid()
                && new agora.market.Participant.PeerMember(p).isIdle()).map(Peer::name).toList();
        return idle.isEmpty() ? Optional.empty()
                : Optional.of("fixed at 0 MW, no trades: " + String.join(", ", idle));
    }

    /** {@code 20 peers: 11 consumers, 8 producers, 1 grid}. */
    /**
     * The limited lines with their capacities, and the slack bus of the DC power flow; empty
     * when no line has a capacity.
     */
    static Optional<String> lineLimits(Scenario s, Topology topology) {
        List<Line> limited = s.network().lines().stream()
                .filter(Line::isLimited).toList();
        if (limited.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder("line limits (DC power flow, slack bus "
                + topology.powerFlow().slack() + "):");
        for (Line line : limited) {
            Profile c = line.capacity();
            String capacity = c.isConstant() && c.length() > 0 ? Numbers.format(c.at(0)) + " MW"
                    : Numbers.format(c.min()) + " .. " + Numbers.format(c.max()) + " MW (" + c.description() + ")";
            out.append("\n  ").append(line.name()).append(" ").append(line.from()).append(" -> ")
                    .append(line.to()).append(": ").append(capacity);
        }
        return Optional.of(out.toString());
    }

    /** The per-MWh charges on trades; empty when there are none. */
    static Optional<String> tariffs(Scenario s) {
        Tariffs t = s.tariffs();
        String per = " " + s.currency() + "/MWh";
        List<String> items = new ArrayList<>();
        if (t.tradeFee() > 0) {
            items.add("fee every trade " + Numbers.format(t.tradeFee()) + per);
        }
        for (CollectiveFee fee : t.collectiveFees()) {
            items.add("fee " + fee.first() + " <-> " + fee.second() + " " + Numbers.format(fee.feePerMWh()) + per);
        }
        if (t.networkCharge() > 0) {
            items.add("network charge " + Numbers.format(t.networkCharge()) + per + " per "
                    + switch (t.distance()) {
                        case HOPS -> "hop";
                        case REACTANCE -> "reactance";
                        case IMPEDANCE -> "impedance";
                    });
        }
        return items.isEmpty() ? Optional.empty()
                : Optional.of("tariffs: " + String.join("; ", items));
    }

    /** Every preference of peers and collectives, in scenario order; empty when there are none. */
    static Optional<String> preferences(Scenario s) {
        List<String> items = new ArrayList<>();
        for (Collective c : s.collectives()) {
            c.preferences().forEach(p -> items.add(c.name() + " (its members) " + preference(p, s.currency())));
        }
        for (Peer peer : s.peers()) {
            peer.preferences().forEach(p -> items.add(peer.name() + " " + preference(p, s.currency())));
        }
        return items.isEmpty() ? Optional.empty()
                : Optional.of("preferences: " + String.join("; ", items));
    }

    private static String preference(Preference p, String currency) {
        String cost = Numbers.format(p.costPerMWh()) + " " + currency + "/MWh";
        return switch (p.target()) {
            case ENERGY -> "prefers energy " + p.value() + " by " + cost;
            case COLLECTIVE -> "prefers collective " + p.value() + " by " + cost;
            case PARTNER -> "prefers partner " + p.value() + " by " + cost;
            case DISTANCE -> "prefers distance by " + cost + " per unit";
        };
    }

    static String peers(List<Peer> peers) {
        List<String> kinds = new ArrayList<>();
        for (PeerKind kind : List.of(PeerKind.CONSUMER, PeerKind.PRODUCER, PeerKind.PROSUMER,
                PeerKind.STORAGE, PeerKind.GRID)) {
            long n = peers.stream().filter(p -> p.kind() == kind).count();
            if (n > 0) {
                kinds.add(Describe.count(n, kind == PeerKind.STORAGE ? "storage peer" : kind.keyword()));
            }
        }
        return Describe.count(peers.size(), "peer") + (kinds.isEmpty() ? "" : ": "
                + String.join(", ", kinds));
    }

    /** {@code 3 collectives (3 communities), depth 1}. */
    static String collectives(List<Collective> collectives, int depth) {
        if (collectives.isEmpty()) {
            return "no collectives";
        }
        Map<String, Long> byKeyword = collectives.stream().collect(
                Collectors.groupingBy(Collective::keyword, LinkedHashMap::new, Collectors.counting()));
        String kinds = byKeyword.entrySet().stream()
                .map(e -> Describe.count(e.getValue(), e.getKey(),
                        e.getKey().equals("community") ? "communities" : e.getKey() + "s"))
                .collect(Collectors.joining(", "));
        return Describe.count(collectives.size(), "collective") + " (" + kinds + "), depth "
                + depth;
    }

    /** {@code 17520 steps of 30 min from 2012-07-01T00:00}. */
    static String horizon(TimeAxis time) {
        return Describe.count(time.count(), "step") + " of " + Describe.duration(time.step())
                + " from " + time.start() + " to " + time.at(time.count() - 1)
                + " (Δt " + ResultsTable.stepHours(time.stepHours()) + ")";
    }

    /** How steps coupled by storage are solved: {@code storage couples the steps: windows of 48 h, ...}. */
    static String windows(agora.solver.SolverOptions o) {
        if (o.windowHours() == 0) {
            return "storage couples the steps: solved together over the whole horizon";
        }
        double commit = o.commitHours() == 0 ? o.windowHours() : o.commitHours();
        return "storage couples the steps: solved in windows of " + agora.units.Numbers.format(o.windowHours())
                + " h, each committing " + agora.units.Numbers.format(commit) + " h";
    }

    static String market(MarketSettings m) {
        String solve = m.solve() == SolveMode.CENTRALIZED
                ? "centralized with " + m.backend() : m.solve().keyword();
        return "market: design " + m.design() + ", solve " + solve;
    }
}
