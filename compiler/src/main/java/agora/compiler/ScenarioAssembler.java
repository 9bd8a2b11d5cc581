package agora.compiler;

import agora.diagnostics.DiagnosticCode;
import agora.diagnostics.Diagnostics;
import agora.diagnostics.SourceSpan;
import agora.scenario.Bus;
import agora.scenario.Collective;
import agora.scenario.MarketSettings;
import agora.scenario.Network;
import agora.scenario.Peer;
import agora.scenario.Preference;
import agora.scenario.Scenario;
import agora.scenario.Tariffs;
import agora.scenario.TimeAxis;
import agora.syntax.Expr;
import agora.syntax.ScenarioParser;
import agora.syntax.Statement;
import agora.units.Units;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Gives the parsed modules their meaning, in dependency order: currency, parameters (with
 * command-line overrides), time axis, profiles, network, collectives, peers, tariffs, market.
 * Each part reports its own errors and the others still run, so one compilation shows them all.
 */
final class ScenarioAssembler {
    private final Diagnostics diagnostics;
    private final List<LoadedModule> modules;
    private final String mainFile;
    private final Map<String, String> overrides;
    private final MarketNames marketNames;
    private final SeedRun seedRun;

    ScenarioAssembler(Diagnostics diagnostics, List<LoadedModule> modules, String mainFile,
                      Map<String, String> overrides, MarketNames marketNames, SeedRun seedRun) {
        this.diagnostics = diagnostics;
        this.modules = modules;
        this.mainFile = mainFile;
        this.overrides = overrides;
        this.marketNames = marketNames;
        this.seedRun = seedRun;
    }

    /** The scenario, or empty when there were errors (all reported). */
    Optional<Scenario> assemble(SourceFiles sources) {
        Declarations d = Declarations.collect(modules, diagnostics);
        String currency = d.currencies.isEmpty() ? Units.DEFAULT_CURRENCY : d.currencies.get(0).symbol();
        checkCurrency(d);
        Map<String, Path> baseDirs = new LinkedHashMap<>();
        modules.forEach(m -> baseDirs.put(m.name(), m.baseDir()));
        Function<String, Path> baseDirOfFile = f -> baseDirs.getOrDefault(f, Path.of("").toAbsolutePath());
        Set<String> standardModules = new LinkedHashSet<>();
        modules.stream().filter(LoadedModule::standard).forEach(m -> standardModules.add(m.name()));
        Evaluator evaluator = new Evaluator(diagnostics, currency, standardModules,
                new Calls(diagnostics, baseDirOfFile, seedRun, file -> sources.recordRead(file, "csv"),
                        sources::recordGenerated));
        LazyScope globals = globals(d, evaluator, diagnostics);
        Map<String, String> params = params(d, globals, evaluator);

        Optional<TimeAxis> time = time(d, evaluator, globals);
        time.ifPresentOrElse(evaluator::setTime, evaluator::horizonBroken);
        time.ifPresent(t -> d.profiles.keySet().forEach(globals::evaluate));

        Network network = new NetworkCompiler(diagnostics, evaluator, globals, time).compile(d.networks);
        Set<String> peerNames = d.peers.keySet();
        Set<String> collectiveNames = d.collectives.keySet();
        Preferences preferences = new Preferences(diagnostics, evaluator, peerNames, collectiveNames);
        List<Collective> collectives =
                new CollectiveCompiler(diagnostics, d, preferences, globals).compile();
        List<Peer> peers = List.of();
        if (time.isPresent()) {
            peers = peers(d, evaluator, globals, time.get(), preferences, network, diagnostics);
        } else {
            reportPeerErrorsWithoutTime(d, currency, standardModules, baseDirOfFile, network);
        }
        Tariffs tariffs = new TariffCompiler(diagnostics, evaluator, globals, collectiveNames, peerNames)
                .compile(d.tariffs);
        MarketCompiler marketCompiler = new MarketCompiler(diagnostics, evaluator, globals, marketNames);
        MarketSettings market = marketCompiler.compile(d.markets);
        checkBusesForDistances(peers, collectives, tariffs);
        new PowerFlowCheck(diagnostics).check(network, peers);
        String name = scenarioName(d);

        if (diagnostics.hasErrors()) {
            return Optional.empty();
        }
        if (time.isEmpty() || name == null) {
            diagnostics.error(DiagnosticCode.INTERNAL_ERROR, SourceSpan.none(mainFile),
                    "internal compiler error: a part of the scenario is missing without an error");
            return Optional.empty();
        }
        SourceSpan span = d.scenarioNames.get(0).span();
        return Optional.of(new Scenario(span, name, currency, time.get(), params, peers, collectives,
                tariffs, network, market, SourceHash.of(sources), sources.names(), marketCompiler.nameSpans()));
    }

    private void checkCurrency(Declarations d) {
        if (d.currencies.isEmpty()) {
            return;
        }
        Statement.Currency c = d.currencies.get(0);
        if (c.symbol().isBlank() || c.symbol().chars().anyMatch(ch -> Character.isWhitespace(ch)
                || Character.isDigit(ch) || ch == '/')) {
            diagnostics.error(DiagnosticCode.INVALID_VALUE, c.span(), "'" + c.symbol()
                    + "' cannot be a currency symbol", "use a sign such as $, € or £");
        }
    }

    private String scenarioName(Declarations d) {
        if (d.scenarioNames.isEmpty()) {
            diagnostics.error(DiagnosticCode.MISSING_DECLARATION, new SourceSpan(mainFile, 1, 1, 1),
                    "the scenario has no name", "begin the file with scenario \"a name\"");
            return null;
        }
        return d.scenarioNames.get(0).name();
    }

    private Optional<TimeAxis> time(Declarations d, Evaluator evaluator, Scope globals) {
        if (d.times.isEmpty()) {
            diagnostics.error(DiagnosticCode.MISSING_DECLARATION, new SourceSpan(mainFile, 1, 1, 1),
                    "the scenario has no time axis",
                    "declare one, e.g. time from 2012-07-01 00:00 step 30 min count 48");
            return Optional.empty();
        }
        return TimeCompiler.compile(d.times.get(0), evaluator, globals);
    }

    // ------------------------------------------------------------------------------ parameters

    private Map<String, String> params(Declarations d, LazyScope globals, Evaluator evaluator) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Map.Entry<String, String> o : overrides.entrySet()) {
            if (!d.params.containsKey(o.getKey())) {
                diagnostics.error(DiagnosticCode.UNKNOWN_PARAMETER, SourceSpan.none("--set " + o.getKey()),
                        "unknown parameter '" + o.getKey() + "'", paramHint(o.getKey(), d.params.keySet()));
            }
        }
        for (Statement.Param p : d.params.values()) {
            String name = p.name().text();
            Optional<Value> fallback = globals.evaluate(name);
            if (fallback.isEmpty()) {
                continue;
            }
            Value value = fallback.get();
            if (value instanceof Value.Num n && !n.isConstant() || value instanceof Value.Bool) {
                diagnostics.error(DiagnosticCode.INVALID_VALUE, p.value().span(), "parameter '" + name
                        + "' must be a number, a quantity or a string, found " + value.describe(evaluator.currency()),
                        "declare a profile for values that change over time");
                continue;
            }
            String text = value instanceof Value.Text t ? t.value() : p.valueText();
            if (overrides.containsKey(name)) {
                String given = overrides.get(name);
                Optional<Value> overridden = override(name, given, value, evaluator);
                if (overridden.isEmpty()) {
                    continue;
                }
                globals.set(name, overridden.get());
                text = given;
            }
            texts.put(name, text);
        }
        return texts;
    }

    private static String paramHint(String name, Set<String> known) {
        String hint = Names.hint(name, known);
        if (hint != null) {
            return hint;
        }
        return known.isEmpty() ? "the scenario declares no parameters"
                : "parameters: " + String.join(", ", known);
    }

    /** The value of {@code --set name=given}: a string for a string parameter, else a literal. */
    private Optional<Value> override(String name, String given, Value fallback, Evaluator evaluator) {
        if (fallback instanceof Value.Text) {
            return Optional.of(new Value.Text(given));
        }
        String where = "--set " + name;
        Optional<Expr> expr = ScenarioParser.parseExpression(where, given, diagnostics);
        if (expr.isEmpty()) {
            return Optional.empty();
        }
        Value.Num expected = (Value.Num) fallback;
        LazyScope empty = new LazyScope(null, evaluator, diagnostics);
        try {
            Value v = evaluator.eval(expr.get(), empty);
            if (v instanceof Value.Num n && n.isConstant() && n.dimension().equals(expected.dimension())) {
                return Optional.of(v);
            }
            diagnostics.error(DiagnosticCode.DIMENSION_MISMATCH, SourceSpan.none(where), "parameter '" + name
                    + "' must be " + expected.describe(evaluator.currency()) + ", found "
                    + v.describe(evaluator.currency()) + " ('" + given + "')");
        } catch (EvaluationFailed e) {
            // reported
        }
        return Optional.empty();
    }

    // ----------------------------------------------------------------------------------- peers

    private static LazyScope globals(Declarations d, Evaluator evaluator, Diagnostics diagnostics) {
        LazyScope globals = new LazyScope(null, evaluator, diagnostics);
        d.params.forEach((name, p) -> globals.define(name, p.value()));
        d.profiles.forEach((name, p) -> globals.define(name, p.value()));
        return globals;
    }

    /** Any date will do for the stand-in horizon: only errors that no date changes are kept. */
    private static final LocalDateTime STAND_IN_START = LocalDateTime.of(2000, 1, 1, 0, 0);

    /** Errors in a peer that are the same on any horizon: names, units, types, buses, properties. */
    private static final Set<DiagnosticCode> HORIZON_INDEPENDENT = EnumSet.of(DiagnosticCode.UNDEFINED_NAME,
            DiagnosticCode.CYCLIC_DEFINITION, DiagnosticCode.UNKNOWN_UNIT, DiagnosticCode.DIMENSION_MISMATCH,
            DiagnosticCode.TYPE_MISMATCH, DiagnosticCode.CSV_FILE_MISSING, DiagnosticCode.CSV_COLUMN_MISSING,
            DiagnosticCode.UNKNOWN_GENERATOR, DiagnosticCode.UNKNOWN_BUS, DiagnosticCode.MISSING_PROPERTY,
            DiagnosticCode.UNKNOWN_PROPERTY, DiagnosticCode.GRID_PRICE_MISSING, DiagnosticCode.SELF_PREFERENCE);

    /**
     * Without a horizon the peers cannot be compiled (their profiles need one), yet a broken
     * 'time' statement must not hide an unknown kind or an undefined name in a peer until it is
     * fixed. So the peers are compiled against a stand-in horizon of one step into a scratch
     * list, and only the errors that are the same on any horizon are reported (repeats of errors
     * reported already, in parameters for instance, are dropped by {@link Diagnostics}).
     */
    private void reportPeerErrorsWithoutTime(Declarations d, String currency, Set<String> standardModules,
                                             Function<String, Path> baseDirOfFile, Network network) {
        Diagnostics scratch = new Diagnostics();
        Evaluator evaluator = new Evaluator(scratch, currency, standardModules, new Calls(scratch, baseDirOfFile, seedRun, file -> { }));
        TimeAxis standIn = new TimeAxis(STAND_IN_START, Duration.ofHours(1), 1);
        evaluator.setTime(standIn);
        Preferences preferences = new Preferences(scratch, evaluator, d.peers.keySet(), d.collectives.keySet());
        peers(d, evaluator, globals(d, evaluator, scratch), standIn, preferences, network, scratch);
        scratch.all().stream().filter(e -> HORIZON_INDEPENDENT.contains(e.code())).forEach(diagnostics::report);
    }

    private List<Peer> peers(Declarations d, Evaluator evaluator, Scope globals, TimeAxis time,
                             Preferences preferences, Network network, Diagnostics diagnostics) {
        KindResolver kinds = new KindResolver(d.kinds, diagnostics);
        Set<Integer> buses = network.buses().stream().map(Bus::id)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        PeerCompiler compiler = new PeerCompiler(diagnostics, evaluator, globals, time, kinds, preferences, buses);
        List<Peer> peers = new ArrayList<>();
        for (Declarations.PeerEntry entry : d.peers.values()) {
            compiler.compile(entry.decl()).ifPresent(peers::add);
        }
        return peers;
    }

    /** Network charges and distance preferences need every peer's bus. */
    private void checkBusesForDistances(List<Peer> peers, List<Collective> collectives, Tariffs tariffs) {
        boolean distances = tariffs.networkCharge() > 0
                || collectives.stream().flatMap(c -> c.preferences().stream()).anyMatch(ScenarioAssembler::isDistance)
                || peers.stream().flatMap(p -> p.preferences().stream()).anyMatch(ScenarioAssembler::isDistance);
        if (!distances) {
            return;
        }
        Set<String> reported = new HashSet<>();
        for (Peer p : peers) {
            if (p.bus() == 0 && reported.add(p.name())) {
                diagnostics.error(DiagnosticCode.MISSING_PROPERTY, p.span(), "peer '" + p.name()
                        + "' has no bus, but network charges and distance preferences need one",
                        "write 'at bus N' after its name");
            }
        }
    }

    private static boolean isDistance(Preference p) {
        return p.target() == Preference.Target.DISTANCE;
    }
}
