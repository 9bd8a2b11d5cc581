package agora.compiler;

import agora.diagnostics.DiagnosticCode;
import agora.diagnostics.Diagnostics;
import agora.diagnostics.SourceSpan;
import agora.scenario.MarketSettings;
import agora.scenario.Scenario;
import agora.scenario.SolveMode;
import agora.solver.OptionRange;
import agora.solver.SolverOptions;
import agora.syntax.MarketItem;
import agora.syntax.Statement;
import agora.units.Dimension;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code market} block. Without one, or where it is silent: design {@code full}, solved
 * centralized with {@code ipm} (the fastest backend), {@link SolverOptions#defaults()}. Design
 * and backend names are checked later against the registered ones.
 */
public final class MarketCompiler {
    static final String DEFAULT_DESIGN = "full";
    /** The backend of a scenario that names none; also the reference other solvers are checked against. */
    public static final String DEFAULT_BACKEND = "ipm";
    private static final double SECONDS_PER_HOUR = 3600.0;

    private final Diagnostics diagnostics;
    private final Evaluator evaluator;
    private final Scope scope;
    private final MarketNames names;
    private final Map<String, SourceSpan> seen = new LinkedHashMap<>();
    private final Map<String, SourceSpan> nameSpans = new LinkedHashMap<>();

    MarketCompiler(Diagnostics diagnostics, Evaluator evaluator, Scope scope, MarketNames names) {
        this.diagnostics = diagnostics;
        this.evaluator = evaluator;
        this.scope = scope;
        this.names = names;
    }

    /**
     * Where the design and backend names of the compiled settings are written, under the keys
     * {@link agora.scenario.Scenario#DESIGN} and {@link agora.scenario.Scenario#BACKEND}; a
     * default has none.
     */
    Map<String, SourceSpan> nameSpans() {
        return Map.copyOf(nameSpans);
    }

    MarketSettings compile(List<Statement.MarketBlock> blocks) {
        String design = DEFAULT_DESIGN;
        SolveMode mode = SolveMode.CENTRALIZED;
        String backend = DEFAULT_BACKEND;
        SolverOptions defaults = SolverOptions.defaults();
        double tolerance = defaults.tolerance();
        Duration timeLimit = defaults.timeLimit();
        int threads = defaults.threads();
        double rho = defaults.admmRho();
        int iterations = defaults.admmMaxIterations();
        double window = defaults.windowHours();
        double commit = defaults.commitHours();
        SourceSpan commitAt = null;
        for (Statement.MarketBlock block : blocks) {
            for (MarketItem item : block.items()) {
                try {
                    if (item instanceof MarketItem.Design d) {
                        if (once("design", d.span())) {
                            design = d.name().text();
                            nameSpans.put(Scenario.DESIGN, d.name().span());
                        }
                    } else if (item instanceof MarketItem.Solve s) {
                        if (once("solve", s.span())) {
                            mode = s.mode().equals("admm") ? SolveMode.ADMM : SolveMode.CENTRALIZED;
                            backend = s.backend() == null ? DEFAULT_BACKEND : s.backend().text();
                            if (s.backend() != null) {
                                nameSpans.put(Scenario.BACKEND, s.backend().span());
                            }
                        }
                    } else {
                        MarketItem.Option o = (MarketItem.Option) item;
                        if (!once(o.name(), o.span())) {
                            continue;
                        }
                        switch (o.name()) {
                            case "tolerance" -> tolerance = inRange(o, OptionRange.TOLERANCE,
                                    positive(o, Dimension.NONE), 1.0);
                            case "time limit" -> timeLimit = Duration.ofMillis(Math.round(1000 * inRange(o,
                                    OptionRange.TIME_LIMIT_SECONDS, positive(o, Dimension.TIME), SECONDS_PER_HOUR)));
                            case "threads" -> threads = (int) inRange(o, OptionRange.THREADS, whole(o, 0), 1.0);
                            case "rho" -> rho = inRange(o, OptionRange.ADMM_RHO, positive(o, Dimension.NONE), 1.0);
                            case "window" -> window = positive(o, Dimension.TIME);
                            case "commit" -> {
                                commit = positive(o, Dimension.TIME);
                                commitAt = o.value().span();
                            }
                            default -> iterations = (int) inRange(o, OptionRange.ADMM_ITERATIONS, whole(o, 1), 1.0);
                        }
                    }
                } catch (EvaluationFailed e) {
                    // reported; keep checking the other settings
                }
            }
        }
        checkNames(design, mode, backend);
        checkWindow(window, commit, commitAt);
        return new MarketSettings(design, mode, backend,
                new SolverOptions(tolerance, timeLimit, threads, rho, iterations, window, commit));
    }

    /** A window keeps at most what it solves; a commit needs a window to be part of. */
    private void checkWindow(double window, double commit, SourceSpan commitAt) {
        if (commitAt == null) {
            return;
        }
        if (window == 0) {
            diagnostics.error(DiagnosticCode.BAD_OPTION, commitAt, "'commit' needs a 'window' to commit part of",
                    "write 'window 48 h' and 'commit 24 h'");
        } else if (commit > window) {
            diagnostics.error(DiagnosticCode.BAD_OPTION, commitAt, "'commit' (" + Formats.number(commit)
                    + " h) is longer than the 'window' (" + Formats.number(window) + " h)",
                    "each window commits at most the steps it solves");
        }
    }

    /** A design or backend the tool has not registered, where the scenario names it. */
    private void checkNames(String design, SolveMode mode, String backend) {
        SourceSpan designAt = nameSpans.get(Scenario.DESIGN);
        if (names.designs() != null && designAt != null && !names.designs().contains(design)) {
            diagnostics.error(DiagnosticCode.UNKNOWN_DESIGN, designAt, MarketNames.unknownDesign(design),
                    MarketNames.designHint(design, names.designs()));
        }
        SourceSpan backendAt = nameSpans.get(Scenario.BACKEND);
        if (names.backends() != null && backendAt != null && mode == SolveMode.CENTRALIZED
                && !names.backends().contains(backend)) {
            diagnostics.error(DiagnosticCode.UNKNOWN_BACKEND, backendAt, MarketNames.unknownBackend(backend),
                    MarketNames.backendHint(backend, names.backends()));
        }
    }

    private boolean once(String setting, SourceSpan at) {
        SourceSpan earlier = seen.putIfAbsent(setting, at);
        if (earlier != null) {
            diagnostics.error(DiagnosticCode.DUPLICATE_NAME, at, "'" + setting + "' is set twice",
                    "first set at " + earlier);
            return false;
        }
        return true;
    }

    /**
     * The option's value (canonical units times {@code toRangeUnits}) within its range, else a
     * positioned error naming the range.
     */
    private double inRange(MarketItem.Option o, OptionRange range, double canonical, double toRangeUnits) {
        double v = canonical * toRangeUnits;
        Optional<String> problem = range.problem(v, Formats.number(v) + (range == OptionRange.TIME_LIMIT_SECONDS ? " s" : ""));
        if (problem.isPresent()) {
            throw evaluator.fail(DiagnosticCode.BAD_OPTION, o.value().span(), problem.get());
        }
        return v;
    }

    private int whole(MarketItem.Option o, int min) {
        double v = evaluator.constant(o.value(), scope, Dimension.NONE, "'" + o.name() + "'");
        if (v != Math.rint(v) || v < min || v > Integer.MAX_VALUE) {
            throw evaluator.fail(DiagnosticCode.BAD_OPTION, o.value().span(), "'" + o.name()
                    + "' must be a whole number of at least " + min + ", found " + Formats.number(v));
        }
        return (int) v;
    }

    private double positive(MarketItem.Option o, Dimension dimension) {
        double v = evaluator.constant(o.value(), scope, dimension, "'" + o.name() + "'");
        if (!(v > 0) || Double.isInfinite(v)) {
            throw evaluator.fail(DiagnosticCode.BAD_OPTION, o.value().span(), "'" + o.name()
                    + "' must be positive, found " + Formats.quantity(v, dimension, evaluator.currency()));
        }
        return v;
    }
}
