package agora.compiler;

import agora.diagnostics.DiagnosticCode;
import agora.diagnostics.Diagnostics;
import agora.diagnostics.SourceSpan;
import agora.scenario.Peer;
import agora.scenario.PeerKind;
import agora.scenario.Preference;
import agora.scenario.Profile;
import agora.scenario.QuadraticCost;
import agora.scenario.Storage;
import agora.scenario.TimeAxis;
import agora.syntax.Expr;
import agora.syntax.Identifier;
import agora.syntax.PeerDecl;
import agora.syntax.PreferenceDecl;
import agora.syntax.Property;
import agora.syntax.Statement;
import agora.units.Dimension;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compiles one peer: merges its kind's properties with its own (the peer's win, and a kind's
 * expressions see the peer's values), evaluates bounds, cost and prices, and checks them.
 */
final class PeerCompiler {
    private static final String PMIN = "pmin";
    private static final String PMAX = "pmax";
    private static final String OUTPUT = "output";
    private static final String COST = "cost";
    private static final Set<String> BUILT_IN = Set.of(PMIN, PMAX, OUTPUT, COST);
    private static final int MAX_COST_DEGREE = 2;
    /**
     * Kind properties defined through one another that are followed to find a default's type;
     * past it the type is not known before evaluation (which checks it where the value is used).
     */
    private static final int MAX_TYPED_DEFAULT_CHAIN = 200;

    private final Diagnostics diagnostics;
    private final Evaluator evaluator;
    private final Scope globals;
    private final TimeAxis time;
    private final KindResolver kinds;
    private final Preferences preferences;
    private final Set<Integer> buses;

    PeerCompiler(Diagnostics diagnostics, Evaluator evaluator, Scope globals, TimeAxis time,
                 KindResolver kinds, Preferences preferences, Set<Integer> buses) {
        this.diagnostics = diagnostics;
        this.evaluator = evaluator;
        this.globals = globals;
        this.time = time;
        this.kinds = kinds;
        this.preferences = preferences;
        this.buses = buses;
    }

    /** A bound and the property that set it ({@code bounds}, {@code pmin}, {@code output}, ...). */
    private record Source(Expr expr, String property) {
    }

    /** The merged properties of a peer, most derived level first where it matters. */
    private static final class Merged {
        final Map<String, Property.Assignment> named = new LinkedHashMap<>();
        Source lower;
        Source upper;
        Property.Energy energy;
        Property.GridPrice importPrice;
        Property.GridPrice exportPrice;
        final List<PreferenceDecl> preferences = new ArrayList<>();
        /** The kinds' named properties, by name: the most derived kind's definition. */
        final Map<String, KindDefault> kindDefaults = new LinkedHashMap<>();
        /** The peer's own assignments of properties a kind defines. */
        final List<Property.Assignment> overrides = new ArrayList<>();
    }

    /** A kind's definition of a named property. */
    private record KindDefault(Property.Assignment assignment, String kind) {
    }

    Optional<Peer> compile(PeerDecl decl) {
        int errors = diagnostics.errorCount();
        Optional<KindResolver.Chain> chain = kinds.chainFor(decl.kind());
        if (chain.isEmpty()) {
            return Optional.empty();
        }
        PeerKind kind = chain.get().base();
        Merged merged = merge(decl, chain.get().kinds(), kind);
        LazyScope scope = new LazyScope(globals, evaluator, diagnostics);
        merged.named.forEach((name, assignment) -> {
            if (!BUILT_IN.contains(name)) {
                scope.define(name, assignment.value());
            }
        });
        evaluator.enter(origin(decl, chain.get().kinds(), merged));
        try {
            return compile(decl, kind, merged, scope, errors);
        } finally {
            evaluator.leave();
        }
    }

    private Optional<Peer> compile(PeerDecl decl, PeerKind kind, Merged merged, LazyScope scope, int errors) {
        checkOverrides(decl, merged, scope);
        merged.named.keySet().stream().filter(n -> !BUILT_IN.contains(n)).forEach(scope::evaluate);

        String name = decl.name().text();
        int bus = bus(decl);
        Storage storage = kind == PeerKind.STORAGE ? storage(decl, merged, scope) : null;
        Profile[] bounds = kind == PeerKind.GRID ? gridBounds(decl, merged)
                : kind == PeerKind.STORAGE ? storageBounds(storage)
                : bounds(decl, merged, scope, kind);
        QuadraticCost cost = kind == PeerKind.GRID || kind == PeerKind.STORAGE ? QuadraticCost.ZERO
                : cost(merged, scope, name);
        Profile importPrice = gridPrice(merged.importPrice, scope, kind, name);
        Profile exportPrice = gridPrice(merged.exportPrice, scope, kind, name);
        if (kind == PeerKind.GRID) {
            checkGridPrices(decl, importPrice, exportPrice, merged);
        }
        Set<String> energy = new LinkedHashSet<>();
        if (merged.energy != null) {
            merged.energy.types().forEach(t -> energy.add(t.text()));
        }
        List<Preference> prefs = preferences.compile(merged.preferences, scope, decl.name().text());
        if (diagnostics.errorCount() > errors || bounds == null || cost == null) {
            return Optional.empty();
        }
        String template = decl.kind().text();
        return Optional.of(new Peer(decl.span(), name, kind, template, bus, bounds[0], bounds[1], cost,
                Collections.unmodifiableSet(energy),
                importPrice, exportPrice, prefs, storage));
    }

    // ----------------------------------------------------------------------------- overrides

    private static Evaluator.Origin origin(PeerDecl decl, List<Statement.Kind> chain, Merged merged) {
        Map<String, Expr> defaults = new LinkedHashMap<>();
        merged.kindDefaults.forEach((name, d) -> defaults.put(name, d.assignment().value()));
        Set<String> overrides = new LinkedHashSet<>();
        merged.overrides.forEach(a -> {
            defaults.remove(a.name().text());
            overrides.add(a.name().text());
        });
        return new Evaluator.Origin(decl.name().text(), decl.span(), OverrideBlame.of(chain, defaults, overrides));
    }

    /**
     * A value a peer sets for a property its kind defines must be of the type of the kind's
     * default ({@code margin = 10 $/MW} where {@code grid_connection} has {@code margin = 10 $/MWh}):
     * reported at the peer's value, which the user wrote, rather than where the kind's own
     * expressions (in std/peers.agora, say) would trip over it.
     */
    private void checkOverrides(PeerDecl decl, Merged merged, LazyScope scope) {
        StaticTypes kindTypes = kindTypes(merged);
        for (Property.Assignment own : merged.overrides) {
            String property = own.name().text();
            Optional<Value> actual = scope.evaluate(property);
            if (actual.isPresent() && !inRange(actual.get(), own, decl)) {
                scope.reject(property);
                continue;
            }
            KindDefault d = merged.kindDefaults.get(property);
            Optional<StaticTypes.Type> expected = kindTypes.of(d.assignment().value());
            if (actual.isEmpty() || expected.isEmpty() || expected.get().equals(StaticTypes.Type.of(actual.get()))) {
                continue;
            }
            String currency = evaluator.currency();
            boolean bothNumbers = expected.get().isNumber() && actual.get() instanceof Value.Num;
            diagnostics.error(bothNumbers ? DiagnosticCode.DIMENSION_MISMATCH : DiagnosticCode.TYPE_MISMATCH,
                    own.value().span(), "'" + property + "' of peer '" + decl.name().text() + "' must be "
                            + expected.get().describe(currency) + ", as in kind '" + d.kind() + "', found "
                            + actual.get().describe(currency),
                    "kind '" + d.kind() + "' sets " + property + " = " + ExprPrinter.print(d.assignment().value())
                            + " (" + d.assignment().span() + ")");
            scope.reject(property);
        }
    }

    /**
     * Whether a value the peer sets for a kind's property is within the magnitudes Agora takes
     * ({@link Magnitudes}); else reported at the peer's own value (a household's peak of 1.8e308
     * kW would otherwise be reported inside the kind, where a generator uses it).
     */
    private boolean inRange(Value value, Property.Assignment own, PeerDecl decl) {
        try {
            evaluator.inRange(value, own.value().span(), "'" + own.name().text() + "' of peer '" + decl.name().text() + "'");
            return true;
        } catch (EvaluationFailed e) {
            return false;
        }
    }

    /**
     * Types of the kinds' properties from their defaults alone; other names from the globals.
     * Each default is typed once (a0 = a1 + a1, a1 = a2 + a2, ... would otherwise be typed 2^n
     * times), along a chain of at most {@value #MAX_TYPED_DEFAULT_CHAIN} defaults.
     */
    private StaticTypes kindTypes(Merged merged) {
        Map<String, Optional<StaticTypes.Type>> typed = new HashMap<>();
        Set<String> inProgress = new LinkedHashSet<>();
        StaticTypes[] types = new StaticTypes[1];
        types[0] = new StaticTypes(evaluator::currencyOf, evaluator.definitions(), n -> {
            String name = n.name();
            KindDefault d = merged.kindDefaults.get(name);
            if (d == null) {
                try {
                    return globals.lookup(name, n.span()).map(StaticTypes.Type::of);
                } catch (EvaluationFailed e) {
                    return Optional.empty();
                }
            }
            if (typed.containsKey(name)) {
                return typed.get(name);
            }
            if (inProgress.size() >= MAX_TYPED_DEFAULT_CHAIN || !inProgress.add(name)) {
                return Optional.empty(); // too far to follow, or a cycle (reported when evaluated)
            }
            try {
                Optional<StaticTypes.Type> type = types[0].of(d.assignment().value());
                typed.put(name, type);
                return type;
            } finally {
                inProgress.remove(name);
            }
        });
        return types[0];
    }

    // ------------------------------------------------------------------------------- merging

    private Merged merge(PeerDecl decl, List<Statement.Kind> chain, PeerKind kind) {
        Merged merged = new Merged();
        Set<String> declaredByKinds = new LinkedHashSet<>(BUILT_IN);
        if (kind == PeerKind.STORAGE) {
            declaredByKinds.addAll(StorageCompiler.PROPERTIES);
        }
        chain.forEach(k -> k.properties().forEach(p -> {
            if (p instanceof Property.Assignment a) {
                declaredByKinds.add(a.name().text());
            }
        }));
        // base-most kind first, so that more derived levels (and the peer itself) override
        for (int i = chain.size() - 1; i >= 0; i--) {
            Statement.Kind k = chain.get(i);
            applyLevel(decl, k.properties(), k.name().text(), declaredByKinds, merged);
        }
        applyLevel(decl, decl.properties(), null, declaredByKinds, merged);
        return merged;
    }

    /** @param kindName the kind whose properties these are, or null for the peer's own */
    private void applyLevel(PeerDecl decl, List<Property> properties, String kindName,
                            Set<String> declaredByKinds, Merged merged) {
        boolean own = kindName == null;
        Map<String, SourceSpan> seen = new LinkedHashMap<>();
        Source lower = null;
        Source upper = null;
        for (Property p : properties) {
            if (p instanceof Property.Bounds b) {
                lower = once(seen, "pmin", "bounds", b.span(), lower, new Source(b.lower(), "bounds"));
                upper = once(seen, "pmax", "bounds", b.span(), upper, new Source(b.upper(), "bounds"));
            } else if (p instanceof Property.Assignment a) {
                String n = a.name().text();
                if (own && !declaredByKinds.contains(n)) {
                    diagnostics.error(DiagnosticCode.UNKNOWN_PROPERTY, a.name().span(), "peer '"
                            + decl.name().text() + "' has no property '" + n + "'", unknownHint(n, declaredByKinds));
                    continue;
                }
                switch (n) {
                    case PMIN -> lower = once(seen, "pmin", n, a.span(), lower, new Source(a.value(), n));
                    case PMAX -> upper = once(seen, "pmax", n, a.span(), upper, new Source(a.value(), n));
                    case OUTPUT -> {
                        lower = once(seen, "pmin", n, a.span(), lower, new Source(a.value(), n));
                        upper = once(seen, "pmax", n, a.span(), upper, new Source(a.value(), n));
                    }
                    default -> {
                        if (seen.containsKey(n)) {
                            twice(n, a.span(), seen.get(n));
                        }
                        seen.put(n, a.span());
                        merged.named.put(n, a);
                        if (!own) {
                            merged.kindDefaults.put(n, new KindDefault(a, kindName));
                        } else if (merged.kindDefaults.containsKey(n)) {
                            merged.overrides.add(a);
                        }
                    }
                }
            } else if (p instanceof Property.Energy e) {
                if (seen.containsKey("energy")) {
                    twice("energy", e.span(), seen.get("energy"));
                }
                seen.put("energy", e.span());
                merged.energy = e;
            } else if (p instanceof Property.GridPrice g) {
                String key = g.direction().keyword() + " price";
                if (seen.containsKey(key)) {
                    twice(key, g.span(), seen.get(key));
                }
                seen.put(key, g.span());
                if (g.direction() == Property.Direction.IMPORT) {
                    merged.importPrice = g;
                } else {
                    merged.exportPrice = g;
                }
            } else if (p instanceof PreferenceDecl pref) {
                merged.preferences.add(pref);
            }
        }
        if (lower != null) {
            merged.lower = lower;
        }
        if (upper != null) {
            merged.upper = upper;
        }
    }

    private static String unknownHint(String name, Set<String> known) {
        String hint = Names.hint(name, known);
        return hint != null ? hint : "properties here: " + String.join(", ", known)
                + "; a new property must first be declared in a kind";
    }

    /** Records that {@code bound} is set by {@code property}; reports a second setting in one body. */
    private Source once(Map<String, SourceSpan> seen, String bound, String property, SourceSpan at,
                        Source previous, Source next) {
        if (previous != null) {
            diagnostics.error(DiagnosticCode.DUPLICATE_NAME, at, bound + " is set twice: by '"
                    + previous.property() + "' and by '" + property + "'", "set it once, with 'bounds', '"
                    + bound + "' or 'output'");
        }
        seen.putIfAbsent(bound, at);
        return next;
    }

    private void twice(String property, SourceSpan at, SourceSpan first) {
        diagnostics.error(DiagnosticCode.DUPLICATE_NAME, at, "property '" + property + "' is set twice",
                "first set at " + first);
    }

    // -------------------------------------------------------------------------------- bounds

    private int bus(PeerDecl decl) {
        if (decl.bus() == null) {
            return 0;
        }
        if (!buses.contains(decl.bus())) {
            String hint = buses.isEmpty() ? "no network is declared; add a network block or import std.ieee14"
                    : "the network has buses " + BusList.describe(buses);
            diagnostics.error(DiagnosticCode.UNKNOWN_BUS, decl.busSpan(),
                    "bus " + decl.bus() + " is not in the network", hint);
        }
        return decl.bus();
    }

    /**
     * A storage peer's properties; it takes no bounds (its powers bound it) and no cost (its
     * cycle cost prices it), reported at what sets them.
     */
    private Storage storage(PeerDecl decl, Merged merged, Scope scope) {
        String name = decl.name().text();
        if (merged.lower != null || merged.upper != null) {
            Source s = merged.lower != null ? merged.lower : merged.upper;
            diagnostics.error(DiagnosticCode.UNKNOWN_PROPERTY, s.expr().span(), "storage '" + name
                    + "' takes no '" + s.property() + "': its charge_power and discharge_power bound it");
        }
        if (merged.named.containsKey(COST)) {
            diagnostics.error(DiagnosticCode.UNKNOWN_PROPERTY, merged.named.get(COST).name().span(),
                    "storage '" + name + "' takes no 'cost'", "price what cycling it costs with 'cycle_cost = ... $/MWh'");
        }
        return new StorageCompiler(diagnostics, evaluator).compile(name, decl.name().span(), merged.named, scope)
                .orElse(null);
    }

    /** -charge_power .. discharge_power in every step, or null after an error. */
    private Profile[] storageBounds(Storage storage) {
        if (storage == null) {
            return null;
        }
        return new Profile[] {
            new Profile("-charge_power", constant(-storage.chargePower())),
            new Profile("discharge_power", constant(storage.dischargePower()))};
    }

    private double[] constant(double value) {
        double[] values = new double[time.count()];
        java.util.Arrays.fill(values, value);
        return values;
    }

    private Profile[] gridBounds(PeerDecl decl, Merged merged) {
        if (merged.lower != null || merged.upper != null) {
            Source s = merged.lower != null ? merged.lower : merged.upper;
            diagnostics.error(DiagnosticCode.UNKNOWN_PROPERTY, s.expr().span(), "grid peer '"
                    + decl.name().text() + "' takes no '" + s.property() + "': its net position is free");
        }
        if (merged.named.containsKey(COST)) {
            diagnostics.error(DiagnosticCode.UNKNOWN_PROPERTY, merged.named.get(COST).name().span(),
                    "grid peer '" + decl.name().text() + "' takes no 'cost': its import and export prices price it");
        }
        return new Profile[] {
            Profile.constant(Double.NEGATIVE_INFINITY, time.count()),
            Profile.constant(Double.POSITIVE_INFINITY, time.count())};
    }

    private Profile[] bounds(PeerDecl decl, Merged merged, Scope scope, PeerKind kind) {
        String name = decl.name().text();
        if (merged.lower == null || merged.upper == null) {
            String missing = merged.lower == null && merged.upper == null ? "no bounds"
                    : merged.lower == null ? "no lower bound (pmin)" : "no upper bound (pmax)";
            diagnostics.error(DiagnosticCode.MISSING_PROPERTY, decl.name().span(), "peer '" + name
                    + "' has " + missing, "set 'bounds = low .. high', 'pmin = ...' and 'pmax = ...', or 'output = ...'");
            return null;
        }
        Value.Num lower = power(merged.lower, scope);
        // 'output' sets both bounds with one expression: evaluated (and its errors reported) once
        Value.Num upper = merged.upper.expr() == merged.lower.expr() ? lower : power(merged.upper, scope);
        if (lower == null || upper == null) {
            return null;
        }
        double[] lo = lower.values(time.count());
        double[] hi = upper.values(time.count());
        SourceSpan at = decl.name().span();
        for (int t = 0; t < lo.length; t++) {
            if (lo[t] > hi[t]) {
                diagnostics.error(DiagnosticCode.BOUNDS_CROSSED, at, "bounds of '" + name + "' cross"
                        + when(t, lower, upper) + ": pmin " + mw(lo[t]) + " > pmax " + mw(hi[t]));
                return null;
            }
        }
        if (kind == PeerKind.PRODUCER) {
            int t = firstIndex(lo, v -> v < 0);
            if (t >= 0) {
                diagnostics.error(DiagnosticCode.PRODUCER_CONSUMES, at, "producer '" + name + "' may consume"
                        + when(t, lower, lower) + ": pmin " + mw(lo[t]) + " < 0",
                        "a producer only injects (p >= 0); declare it a prosumer to let it consume");
                return null;
            }
        }
        if (kind == PeerKind.CONSUMER) {
            int t = firstIndex(hi, v -> v > 0);
            if (t >= 0) {
                diagnostics.error(DiagnosticCode.CONSUMER_PRODUCES, at, "consumer '" + name + "' may produce"
                        + when(t, upper, upper) + ": pmax " + mw(hi[t]) + " > 0",
                        "a consumer only withdraws (p <= 0); declare it a prosumer to let it produce");
                return null;
            }
        }
        return new Profile[] {
            new Profile(ExprPrinter.print(merged.lower.expr()), lo),
            new Profile(ExprPrinter.print(merged.upper.expr()), hi)};
    }

    private Value.Num power(Source source, Scope scope) {
        try {
            return evaluator.number(source.expr(), scope, Dimension.POWER,
                    source.property().equals("bounds") ? "a bound" : "'" + source.property() + "'");
        } catch (EvaluationFailed e) {
            return null;
        }
    }

    /** " at 2012-07-01 13:30 (step 27)" when a profile is involved, "" for constants. */
    private String when(int step, Value.Num a, Value.Num b) {
        if (a.isConstant() && b.isConstant()) {
            return "";
        }
        return " at " + Formats.time(time.at(step)) + " (step " + step + ")";
    }

    private static int firstIndex(double[] values, java.util.function.DoublePredicate test) {
        for (int t = 0; t < values.length; t++) {
            if (test.test(values[t])) {
                return t;
            }
        }
        return -1;
    }

    private static String mw(double v) {
        return Formats.number(v) + " MW";
    }

    // ---------------------------------------------------------------------------------- cost

    private QuadraticCost cost(Merged merged, Scope scope, String peer) {
        Property.Assignment assignment = merged.named.get(COST);
        if (assignment == null) {
            return QuadraticCost.ZERO;
        }
        Scope withP = new CostScope(scope);
        List<Expr> terms = new ArrayList<>();
        List<Integer> signs = new ArrayList<>();
        flatten(assignment.value(), 1, terms, signs);
        double[] sum = new double[MAX_COST_DEGREE + 1];
        boolean ok = true;
        for (int i = 0; i < terms.size(); i++) {
            Optional<Value.Poly> term = term(terms.get(i), withP);
            if (term.isEmpty()) {
                ok = false;
                continue;
            }
            for (int k = 0; k <= MAX_COST_DEGREE; k++) {
                sum[k] += signs.get(i) * term.get().coefficient(k);
            }
        }
        if (!ok) {
            return null;
        }
        if (!(Double.isFinite(sum[0]) && Double.isFinite(sum[1]) && Double.isFinite(sum[2]))) {
            diagnostics.error(DiagnosticCode.INVALID_VALUE, assignment.value().span(), "cost of '" + peer
                    + "' is too large: its terms add up beyond the largest number Agora can hold, about 1.8e308");
            return null;
        }
        for (int k = 0; k <= MAX_COST_DEGREE; k++) {
            if (Magnitudes.tooLarge(sum[k])) {
                Dimension d = Dimension.COST_RATE.dividedBy(Dimension.POWER.pow(k));
                diagnostics.error(DiagnosticCode.MAGNITUDE_OUT_OF_RANGE, assignment.value().span(), "cost of '" + peer
                        + "' is out of range: " + (k == 0 ? "its constant term" : "the coefficient of p" + (k == 2 ? "²" : ""))
                        + " is " + Formats.quantity(sum[k], d, evaluator.currency()) + ", beyond the largest magnitude"
                        + " Agora takes, " + Formats.quantity(Magnitudes.LARGEST, d, evaluator.currency()),
                        Magnitudes.HINT);
                return null;
            }
            sum[k] = Magnitudes.snap(sum[k]); // noise from input or unit scaling: 0 on every backend
        }
        if (sum[2] < 0) {
            diagnostics.error(DiagnosticCode.NON_CONVEX_COST, assignment.value().span(), "cost of '" + peer
                    + "' is not convex: the coefficient of p² is " + Formats.number(sum[2]) + " "
                    + Dimension.QUADRATIC_COST.format(evaluator.currency()),
                    "the quadratic coefficient must be zero or positive");
            return null;
        }
        return new QuadraticCost(sum[2], sum[1], sum[0]);
    }

    /**
     * Splits a sum into its terms, so that each term's unit is checked on its own. Iterative
     * (terms in source order), as a generated cost may sum thousands of terms.
     */
    private static void flatten(Expr e, int sign, List<Expr> terms, List<Integer> signs) {
        Deque<Expr> pending = new ArrayDeque<>(List.of(e));
        Deque<Integer> pendingSigns = new ArrayDeque<>(List.of(sign));
        while (!pending.isEmpty()) {
            Expr next = pending.pop();
            int nextSign = pendingSigns.pop();
            if (next instanceof Expr.Binary b && (b.operator() == Expr.Operator.ADD
                    || b.operator() == Expr.Operator.SUBTRACT)) {
                // the right operand waits below the left one: the left side's terms come first
                pending.push(b.right());
                pendingSigns.push(b.operator() == Expr.Operator.ADD ? nextSign : -nextSign);
                pending.push(b.left());
                pendingSigns.push(nextSign);
            } else {
                terms.add(next);
                signs.add(nextSign);
            }
        }
    }

    private Optional<Value.Poly> term(Expr e, Scope scope) {
        try {
            Value v = evaluator.eval(e, scope);
            if (!(v instanceof Value.Poly || v instanceof Value.Num)) {
                throw evaluator.fail(DiagnosticCode.TYPE_MISMATCH, e.span(), "a cost term must be a number times a power of p, found "
                        + v.describe(evaluator.currency()));
            }
            Value.Poly poly = Polynomials.of(v, e, evaluator);
            int degree = poly.degree();
            if (degree > MAX_COST_DEGREE) {
                throw evaluator.fail(DiagnosticCode.INVALID_VALUE, e.span(),
                        "cost must be at most quadratic in p, found a term in p^" + degree);
            }
            if (!poly.dimension().equals(Dimension.COST_RATE)) {
                Dimension found = poly.coefficientDimension(degree);
                Dimension wanted = Dimension.COST_RATE.dividedBy(Dimension.POWER.pow(degree));
                String which = degree == 0 ? "a constant cost term" : "the coefficient of p" + (degree == 2 ? "²" : "");
                throw evaluator.fail(DiagnosticCode.DIMENSION_MISMATCH, e.span(), which + " must be in "
                        + wanted.format(evaluator.currency()) + ", found " + describe(found));
            }
            return Optional.of(poly);
        } catch (EvaluationFailed failed) {
            return Optional.empty();
        }
    }

    private String describe(Dimension d) {
        return d.isNone() ? "a plain number" : d.format(evaluator.currency());
    }

    /** Adds the cost variable p (MW) to a peer's scope. */
    private record CostScope(Scope inner) implements Scope {
        @Override
        public Optional<Value> lookup(String name, SourceSpan at) {
            return name.equals("p") ? Optional.of(Value.Poly.variable()) : inner.lookup(name, at);
        }

        @Override
        public Set<String> names() {
            Set<String> all = new LinkedHashSet<>(inner.names());
            all.add("p");
            return all;
        }
    }

    // ---------------------------------------------------------------------------- grid prices

    private Profile gridPrice(Property.GridPrice price, Scope scope, PeerKind kind, String peer) {
        if (price == null) {
            return null;
        }
        if (kind != PeerKind.GRID) {
            diagnostics.error(DiagnosticCode.UNKNOWN_PROPERTY, price.span(), "only a grid peer has an "
                    + price.direction().keyword() + " price; '" + peer + "' is a " + kind.keyword());
            return null;
        }
        try {
            Value.Num v = evaluator.number(price.value(), scope, Dimension.PRICE,
                    "the " + price.direction().keyword() + " price");
            return new Profile(ExprPrinter.print(price.value()), Magnitudes.snap(v.values(time.count())));
        } catch (EvaluationFailed e) {
            return null;
        }
    }

    private void checkGridPrices(PeerDecl decl, Profile importPrice, Profile exportPrice, Merged merged) {
        String name = decl.name().text();
        List<String> missing = new ArrayList<>();
        if (merged.importPrice == null) {
            missing.add("'import price = ...'");
        }
        if (merged.exportPrice == null) {
            missing.add("'export price = ...'");
        }
        if (!missing.isEmpty()) {
            diagnostics.error(DiagnosticCode.GRID_PRICE_MISSING, decl.name().span(), "grid peer '" + name
                    + "' needs " + String.join(" and ", missing));
            return;
        }
        if (importPrice == null || exportPrice == null) {
            return;
        }
        for (int t = 0; t < time.count(); t++) {
            if (importPrice.at(t) < exportPrice.at(t)) {
                String at = importPrice.isConstant() && exportPrice.isConstant() ? ""
                        : " at " + Formats.time(time.at(t)) + " (step " + t + ")";
                diagnostics.error(DiagnosticCode.GRID_PRICES_CROSSED, decl.name().span(), "import price of '"
                        + name + "' is below its export price" + at + ": "
                        + Formats.quantity(importPrice.at(t), Dimension.PRICE, evaluator.currency()) + " < "
                        + Formats.quantity(exportPrice.at(t), Dimension.PRICE, evaluator.currency()),
                        "the grid would sell cheaper than it buys: an arbitrage without bound");
                return;
            }
        }
    }

    static String identifiers(List<Identifier> ids) {
        return String.join(", ", ids.stream().map(Identifier::text).toList());
    }
}
