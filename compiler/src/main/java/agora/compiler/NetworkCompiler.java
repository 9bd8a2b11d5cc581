package agora.compiler;

import agora.diagnostics.DiagnosticCode;
import agora.diagnostics.Diagnostics;
import agora.diagnostics.SourceSpan;
import agora.scenario.Bus;
import agora.scenario.Line;
import agora.scenario.Network;
import agora.scenario.Profile;
import agora.scenario.TimeAxis;
import agora.syntax.NetworkItem;
import agora.syntax.Property;
import agora.syntax.Statement;
import agora.units.Dimension;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Buses, lines and the slack bus of every {@code network} block. Line properties: {@code r} and
 * {@code x} in p.u. (required), {@code capacity} in power units, a constant or a profile
 * (optional: unlimited).
 */
final class NetworkCompiler {
    private static final List<String> LINE_PROPERTIES = List.of("r", "x", "capacity");
    /**
     * The most buses a scenario's network may have, over all its {@code bus} statements: far
     * more than a distribution feeder or a national grid model has, and few enough that a range
     * is expanded at once.
     */
    static final int MAX_BUSES = 100_000;
    /** The largest bus number: six digits, as power-flow data numbers its buses (PSS/E: 999997). */
    static final int MAX_BUS_NUMBER = 999_999;

    private final Diagnostics diagnostics;
    private final Evaluator evaluator;
    private final Scope scope;
    /** The horizon, for capacity profiles; empty when the time statement is broken. */
    private final Optional<TimeAxis> time;

    NetworkCompiler(Diagnostics diagnostics, Evaluator evaluator, Scope scope, Optional<TimeAxis> time) {
        this.diagnostics = diagnostics;
        this.evaluator = evaluator;
        this.scope = scope;
        this.time = time;
    }

    Network compile(List<Statement.NetworkBlock> blocks) {
        Map<Integer, Bus> buses = new LinkedHashMap<>();
        List<NetworkItem.LineDecl> lineDecls = new ArrayList<>();
        List<NetworkItem.Slack> slacks = new ArrayList<>();
        for (Statement.NetworkBlock block : blocks) {
            for (NetworkItem item : block.items()) {
                if (item instanceof NetworkItem.Buses b) {
                    addBuses(b, buses);
                } else if (item instanceof NetworkItem.Slack slack) {
                    slacks.add(slack);
                } else {
                    lineDecls.add((NetworkItem.LineDecl) item);
                }
            }
        }
        NetworkItem.Slack slack = slack(slacks, buses.keySet());
        Map<String, Line> lines = new LinkedHashMap<>();
        Map<String, SourceSpan> declared = new LinkedHashMap<>();
        for (NetworkItem.LineDecl decl : lineDecls) {
            // names first, so that a duplicate is reported even when the line has other errors
            SourceSpan earlier = declared.putIfAbsent(decl.name().text(), decl.span());
            if (earlier != null) {
                diagnostics.error(DiagnosticCode.DUPLICATE_NAME, decl.name().span(), "duplicate line '"
                        + decl.name().text() + "'", "first declared at " + earlier);
            }
            Line line = line(decl, buses.keySet());
            if (line != null && earlier == null) {
                lines.put(line.name(), line);
            }
        }
        return new Network(List.copyOf(buses.values()), List.copyOf(lines.values()),
                slack == null ? 0 : slack.bus(), slack == null ? null : slack.span());
    }

    /** The slack bus the user named: once, at a declared bus; null when none (or in error). */
    private NetworkItem.Slack slack(List<NetworkItem.Slack> slacks, Set<Integer> buses) {
        NetworkItem.Slack chosen = null;
        for (NetworkItem.Slack slack : slacks) {
            if (chosen != null) {
                diagnostics.error(DiagnosticCode.DUPLICATE_NAME, slack.span(), "the slack bus is named twice",
                        "first named at " + chosen.span());
            } else if (!buses.contains(slack.bus())) {
                diagnostics.error(DiagnosticCode.UNKNOWN_BUS, slack.busSpan(), "slack bus " + slack.bus()
                        + " is not in the network", buses.isEmpty() ? "declare the buses, e.g. bus 1 .. 14"
                        : "the network has buses " + BusList.describe(buses));
                chosen = slack;
            } else {
                chosen = slack;
            }
        }
        return chosen == null || !buses.contains(chosen.bus()) ? null : chosen;
    }

    private void addBuses(NetworkItem.Buses b, Map<Integer, Bus> buses) {
        if (b.first() < 1 || b.last() < b.first()) {
            diagnostics.error(DiagnosticCode.INVALID_VALUE, b.span(), "bus numbers must be positive and a range must go up, found "
                    + b.first() + (b.first() == b.last() ? "" : " .. " + b.last()));
            return;
        }
        if (b.last() > MAX_BUS_NUMBER) {
            diagnostics.error(DiagnosticCode.INVALID_VALUE, b.span(), "bus numbers go from 1 to " + MAX_BUS_NUMBER
                    + ", found " + b.last());
            return;
        }
        long count = (long) b.last() - b.first() + 1;
        if (buses.size() + count > MAX_BUSES) {
            diagnostics.error(DiagnosticCode.INVALID_VALUE, b.span(), "a network has at most " + MAX_BUSES
                    + " buses, this one would have " + (buses.size() + count),
                    "bus numbers need not be consecutive: declare the buses the lines and peers use");
            return;
        }
        for (int id = b.first(); id <= b.last(); id++) {
            Bus earlier = buses.putIfAbsent(id, new Bus(b.span(), id));
            if (earlier != null) {
                diagnostics.error(DiagnosticCode.DUPLICATE_NAME, b.span(), "bus " + id + " is declared twice",
                        "first declared at " + earlier.span());
                return;
            }
        }
    }

    private Line line(NetworkItem.LineDecl decl, Set<Integer> buses) {
        boolean ok = checkBus(decl.from(), decl.fromSpan(), decl, buses);
        ok &= checkBus(decl.to(), decl.toSpan(), decl, buses);
        if (decl.from() == decl.to()) {
            diagnostics.error(DiagnosticCode.LINE_TO_ITSELF, decl.toSpan(), "line '" + decl.name().text()
                    + "' connects bus " + decl.from() + " to itself", "a line joins two different buses");
            ok = false;
        }
        Map<String, Property.Assignment> props = new LinkedHashMap<>();
        for (Property.Assignment a : decl.properties()) {
            String n = a.name().text();
            if (!LINE_PROPERTIES.contains(n)) {
                diagnostics.error(DiagnosticCode.UNKNOWN_PROPERTY, a.name().span(), "line '"
                        + decl.name().text() + "' has no property '" + n + "'",
                        Names.closest(n, LINE_PROPERTIES).map(c -> "did you mean '" + c + "'?")
                                .orElse("line properties: r, x (p.u.) and capacity"));
                ok = false;
            } else if (props.put(n, a) != null) {
                diagnostics.error(DiagnosticCode.DUPLICATE_NAME, a.name().span(), "property '" + n + "' is set twice");
                ok = false;
            }
        }
        for (String required : List.of("r", "x")) {
            if (!props.containsKey(required)) {
                diagnostics.error(DiagnosticCode.MISSING_PROPERTY, decl.name().span(), "line '"
                        + decl.name().text() + "' needs '" + required + " = ...' (p.u.)");
                ok = false;
            }
        }
        if (!ok) {
            return null;
        }
        try {
            double r = evaluator.constant(props.get("r").value(), scope, Dimension.NONE, "the resistance r");
            double x = evaluator.constant(props.get("x").value(), scope, Dimension.NONE, "the reactance x");
            Profile capacity = null;
            if (props.containsKey("capacity")) {
                capacity = capacity(props.get("capacity"), decl.name().text());
                if (capacity == null) {
                    return null;
                }
            }
            return new Line(decl.span(), decl.name().text(), decl.from(), decl.to(), r, x, capacity);
        } catch (EvaluationFailed e) {
            return null;
        }
    }

    /**
     * A line's capacity in MW per step, a constant or a profile (dynamic line rating), never
     * negative; null when the horizon is broken (already reported) and the capacity varies.
     */
    private Profile capacity(Property.Assignment property, String line) throws EvaluationFailed {
        Value.Num value = evaluator.number(property.value(), scope, Dimension.POWER, "the capacity");
        if (value.isConstant()) {
            if (value.constant() < 0) {
                throw evaluator.fail(DiagnosticCode.INVALID_VALUE, property.value().span(),
                        "the capacity of a line cannot be negative, found " + Formats.number(value.constant()) + " MW");
            }
            return Profile.constant(value.constant(), time.map(TimeAxis::count).orElse(0));
        }
        if (time.isEmpty()) {
            return null;
        }
        double[] values = value.values(time.get().count());
        for (int step = 0; step < values.length; step++) {
            if (values[step] < 0) {
                throw evaluator.fail(DiagnosticCode.INVALID_VALUE, property.value().span(),
                        "the capacity of line '" + line + "' cannot be negative, found "
                                + Formats.number(values[step]) + " MW in step " + step);
            }
        }
        return new Profile(ExprPrinter.print(property.value()), values);
    }

    private boolean checkBus(int bus, SourceSpan at, NetworkItem.LineDecl decl, Set<Integer> buses) {
        if (buses.contains(bus)) {
            return true;
        }
        diagnostics.error(DiagnosticCode.LINE_UNKNOWN_BUS, at, "line '" + decl.name().text()
                + "' ends at bus " + bus + ", which is not in the network",
                buses.isEmpty() ? "declare the buses first, e.g. bus 1 .. 14"
                        : "the network has buses " + BusList.describe(buses));
        return false;
    }
}
