package agora.market.designs;

import agora.diagnostics.SourceSpan;
import agora.scenario.Bus;
import agora.scenario.Clearing;
import agora.scenario.Collective;
import agora.scenario.CollectiveFee;
import agora.scenario.Line;
import agora.scenario.MarketSettings;
import agora.scenario.Network;
import agora.scenario.Peer;
import agora.scenario.PeerKind;
import agora.scenario.Preference;
import agora.scenario.Profile;
import agora.scenario.QuadraticCost;
import agora.scenario.Scenario;
import agora.scenario.Storage;
import agora.scenario.SolveMode;
import agora.scenario.Tariffs;
import agora.scenario.TimeAxis;
import agora.solver.SolverOptions;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds compiled {@link Scenario}s in code for tests, as the compiler would from a file: every
 * peer and collective gets a source position in declaration order (file {@code fixture.agora},
 * one line each), so source ordering is exercised too.
 *
 * <p>Constant bounds and costs are given as numbers; per-step profiles as arrays.
 */
public final class ScenarioFixture {
    public static final String FILE = "fixture.agora";

    private final String name;
    private int steps = 1;
    private Duration step = Duration.ofHours(1);
    private int line = 1;
    private final Map<String, PeerSpec> peers = new LinkedHashMap<>();
    private final Map<String, CollectiveSpec> collectives = new LinkedHashMap<>();
    private double tradeFee;
    private final List<CollectiveFee> fees = new ArrayList<>();
    private double networkCharge;
    private Tariffs.DistanceMetric metric = Tariffs.DistanceMetric.HOPS;
    private final Set<Integer> buses = new LinkedHashSet<>();
    private final List<Line> lines = new ArrayList<>();
    private int slack;
    private String design = "full";
    private SolverOptions options = SolverOptions.defaults();

    private ScenarioFixture(String name) {
        this.name = name;
    }

    public static ScenarioFixture named(String name) {
        return new ScenarioFixture(name);
    }

    /** Horizon length (default 1 step of 1 h); set before adding profile-valued peers. */
    public ScenarioFixture steps(int count, Duration length) {
        this.steps = count;
        this.step = length;
        return this;
    }

    public ScenarioFixture design(String designName) {
        this.design = designName;
        return this;
    }

    /** A producer with hourly cost a p² + b p, bounds pmin..pmax MW. */
    public ScenarioFixture producer(String peer, double pmin, double pmax, double a, double b) {
        return peer(peer, PeerKind.PRODUCER, pmin, pmax, new QuadraticCost(a, b, 0));
    }

    /** A consumer with hourly cost a p² + b p (b > 0: willingness to pay), bounds pmin..pmax MW. */
    public ScenarioFixture consumer(String peer, double pmin, double pmax, double a, double b) {
        return peer(peer, PeerKind.CONSUMER, pmin, pmax, new QuadraticCost(a, b, 0));
    }

    public ScenarioFixture prosumer(String peer, double pmin, double pmax, double a, double b) {
        return peer(peer, PeerKind.PROSUMER, pmin, pmax, new QuadraticCost(a, b, 0));
    }

    public ScenarioFixture peer(String peer, PeerKind kind, double pmin, double pmax, QuadraticCost cost) {
        return peer(peer, kind, constant(pmin), constant(pmax), cost);
    }

    public ScenarioFixture peer(String peer, PeerKind kind, double[] pmin, double[] pmax,
                                QuadraticCost cost) {
        PeerSpec spec = new PeerSpec(span(peer), peer, kind);
        spec.pmin = pmin;
        spec.pmax = pmax;
        spec.cost = cost;
        peers.put(peer, spec);
        return this;
    }

    /** A storage peer: its injection within -charge power .. discharge power, costless. */
    public ScenarioFixture storage(String peer, Storage storage) {
        peer(peer, PeerKind.STORAGE, -storage.chargePower(), storage.dischargePower(), QuadraticCost.ZERO);
        peers.get(peer).storage = storage;
        return this;
    }

    /** Windows (hours; 0 = whole horizon) in which steps coupled by storage are solved. */
    public ScenarioFixture window(double hours, double commitHours) {
        this.options = SolverOptions.defaults().withWindow(hours, commitHours);
        return this;
    }

    /** The grid: import price π+ and export price π- in currency/MWh, constant. */
    public ScenarioFixture grid(String peer, double importPrice, double exportPrice) {
        return grid(peer, constant(importPrice), constant(exportPrice));
    }

    public ScenarioFixture grid(String peer, double[] importPrice, double[] exportPrice) {
        PeerSpec spec = new PeerSpec(span(peer), peer, PeerKind.GRID);
        spec.pmin = constant(Double.NEGATIVE_INFINITY);
        spec.pmax = constant(Double.POSITIVE_INFINITY);
        spec.cost = QuadraticCost.ZERO;
        spec.importPrice = importPrice;
        spec.exportPrice = exportPrice;
        peers.put(peer, spec);
        return this;
    }

    /** A top-level collective; members are added with {@link #member}. */
    public ScenarioFixture collective(String collective, Clearing clearing) {
        return collective(collective, clearing, null);
    }

    /** A collective inside {@code parent} (null: top level). */
    public ScenarioFixture collective(String collective, Clearing clearing, String parent) {
        collectives.put(collective, new CollectiveSpec(span(collective), collective, clearing, parent));
        return this;
    }

    /** Puts already declared peers into a collective. */
    public ScenarioFixture member(String collective, String... peerNames) {
        for (String p : peerNames) {
            collectives.get(collective).peers.add(p);
        }
        return this;
    }

    public ScenarioFixture at(String peer, int bus) {
        peers.get(peer).bus = bus;
        buses.add(bus);
        return this;
    }

    public ScenarioFixture energy(String peer, String... types) {
        peers.get(peer).types.addAll(List.of(types));
        return this;
    }

    /** The slack bus of the DC power flow (by default the grid's bus). */
    public ScenarioFixture slack(int bus) {
        this.slack = bus;
        return this;
    }

    /** A line; reactance and resistance in p.u. */
    public ScenarioFixture line(int from, int to, double resistance, double reactance) {
        return line(from, to, resistance, reactance, null);
    }

    /** A line with a capacity in MW ({@code l<from>_<to>}), limited in every step (set the steps first). */
    public ScenarioFixture limitedLine(int from, int to, double reactance, double capacity) {
        return line(from, to, 0.0, reactance, agora.scenario.Profile.constant(capacity, steps));
    }

    private ScenarioFixture line(int from, int to, double resistance, double reactance,
                                 agora.scenario.Profile capacity) {
        buses.add(from);
        buses.add(to);
        lines.add(new Line(span("line"), "l" + from + "_" + to, from, to, resistance, reactance, capacity));
        return this;
    }

    /** A preference of a peer or a collective. */
    public ScenarioFixture prefers(String owner, Preference.Target target, String value, double cost) {
        Preference preference = new Preference(span("prefers"), target, value, cost);
        if (peers.containsKey(owner)) {
            peers.get(owner).preferences.add(preference);
        } else {
            collectives.get(owner).preferences.add(preference);
        }
        return this;
    }

    public ScenarioFixture tradeFee(double gamma) {
        this.tradeFee = gamma;
        return this;
    }

    public ScenarioFixture fee(String first, String second, double perMWh) {
        fees.add(new CollectiveFee(span("fee"), first, second, perMWh));
        return this;
    }

    public ScenarioFixture networkCharge(double perMWh, Tariffs.DistanceMetric distanceMetric) {
        this.networkCharge = perMWh;
        this.metric = distanceMetric;
        return this;
    }

    public Scenario build() {
        List<Peer> builtPeers = new ArrayList<>();
        for (PeerSpec p : peers.values()) {
            builtPeers.add(new Peer(p.span, p.name, p.kind, p.kind.keyword(), p.bus,
                    profile(p.pmin), profile(p.pmax), p.cost, Set.copyOf(p.types),
                    p.importPrice == null ? null : profile(p.importPrice),
                    p.exportPrice == null ? null : profile(p.exportPrice), List.copyOf(p.preferences),
                    p.storage));
        }
        List<Collective> builtCollectives = new ArrayList<>();
        for (CollectiveSpec c : collectives.values()) {
            List<String> children = collectives.values().stream()
                    .filter(o -> c.name.equals(o.parent)).map(o -> o.name).toList();
            builtCollectives.add(new Collective(c.span, c.name, "community", c.clearing, c.parent,
                    List.copyOf(c.peers), children, List.copyOf(c.preferences)));
        }
        List<Bus> busList = buses.stream().map(id -> new Bus(span("bus"), id)).toList();
        Tariffs tariffs = new Tariffs(tradeFee, List.copyOf(fees), networkCharge, metric);
        MarketSettings market = new MarketSettings(design, SolveMode.CENTRALIZED, "ipm", options);
        return new Scenario(new SourceSpan(FILE, 1, 1, 8), name, "$",
                new TimeAxis(LocalDateTime.of(2024, 1, 1, 0, 0), step, steps), Map.of(),
                builtPeers, builtCollectives, tariffs, new Network(busList, List.copyOf(lines), slack, null),
                market, "fixture", List.of(FILE));
    }

    private double[] constant(double value) {
        double[] v = new double[steps];
        java.util.Arrays.fill(v, value);
        return v;
    }

    private static Profile profile(double[] values) {
        return new Profile("fixture", values.clone());
    }

    private SourceSpan span(String what) {
        return new SourceSpan(FILE, ++line, 5, what.length());
    }

    private static final class PeerSpec {
        final SourceSpan span;
        final String name;
        final PeerKind kind;
        double[] pmin;
        double[] pmax;
        QuadraticCost cost;
        int bus;
        double[] importPrice;
        double[] exportPrice;
        Storage storage;
        final Set<String> types = new LinkedHashSet<>();
        final List<Preference> preferences = new ArrayList<>();

        PeerSpec(SourceSpan span, String name, PeerKind kind) {
            this.span = span;
            this.name = name;
            this.kind = kind;
        }
    }

    private static final class CollectiveSpec {
        final SourceSpan span;
        final String name;
        final Clearing clearing;
        final String parent;
        final List<String> peers = new ArrayList<>();
        final List<Preference> preferences = new ArrayList<>();

        CollectiveSpec(SourceSpan span, String name, Clearing clearing, String parent) {
            this.span = span;
            this.name = name;
            this.clearing = clearing;
            this.parent = parent;
        }
    }
}
