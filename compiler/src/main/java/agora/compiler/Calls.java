package agora.compiler;

import agora.diagnostics.DiagnosticCode;
import agora.diagnostics.Diagnostics;
import agora.diagnostics.Excerpt;
import agora.profile.ColumnRef;
import agora.profile.CsvColumn;
import agora.profile.CsvColumnReader;
import agora.profile.CsvFormat;
import agora.scenario.TimeAxis;
import agora.stdlib.ProfileGenerator;
import agora.stdlib.ProfileGenerators;
import agora.syntax.Expr;
import agora.units.Dimension;
import agora.units.Unit;
import agora.units.Units;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The functions a scenario can call: {@code csv(path, column: ..., scale: ..., skip: ...,
 * separator: ..., decimal: ..., resample: ...)} and
 * the registered profile generators ({@code solar(capacity: 30 MW, seed: 7)}, ...).
 */
final class Calls {
    static final String CSV = "csv";
    private static final List<String> CSV_ARGUMENT_NAMES = List.of("column", "scale", "skip",
            "separator", "decimal", "resample");
    private static final Set<String> CSV_ARGUMENTS = Set.copyOf(CSV_ARGUMENT_NAMES);
    /** The separators csv(..., separator:) takes. */
    private static final List<String> SEPARATORS = List.of(",", ";", "\t", "|");
    private static final double SECONDS_PER_HOUR = 3600.0;
    /** The argument of a seeded generator that {@link SeedRun} moves. */
    private static final String SEED = "seed";

    private final Diagnostics diagnostics;
    private final Function<String, Path> baseDirOfFile;
    private final Consumer<Path> csvRead;
    private final Consumer<String> generated;
    private final SeedRun seedRun;
    private final Map<String, ProfileGenerator> generators = new LinkedHashMap<>();
    private TimeAxis time;
    /** The 'time' statement failed (and said why): profiles fail without a word of their own. */
    private boolean horizonBroken;

    /** @param baseDirOfFile the folder relative paths in a file are resolved against, by file name */
    /**
     * @param seedRun the run of seeds a sweep moves every seeded generator by
     * @param csvRead told of every CSV file read for a profile
     */
    Calls(Diagnostics diagnostics, Function<String, Path> baseDirOfFile, SeedRun seedRun,
          Consumer<Path> csvRead) {
        this(diagnostics, baseDirOfFile, seedRun, csvRead, name -> { });
    }

    /** @param generated told the name of every generator a profile is made by */
    Calls(Diagnostics diagnostics, Function<String, Path> baseDirOfFile, SeedRun seedRun,
          Consumer<Path> csvRead, Consumer<String> generated) {
        this.diagnostics = diagnostics;
        this.baseDirOfFile = baseDirOfFile;
        this.seedRun = seedRun;
        this.csvRead = csvRead;
        this.generated = generated;
        ProfileGenerators.all().forEach(g -> generators.put(g.name(), g));
    }

    /** The 'time' statement failed, with its own error. */
    void horizonBroken() {
        this.horizonBroken = true;
    }

    void setTime(TimeAxis time) {
        this.time = time;
    }

    Value call(Expr.Call call, Scope scope, Evaluator evaluator) {
        String name = call.function().text();
        if (name.equals(CSV)) {
            return csv(call, scope, evaluator);
        }
        ProfileGenerator generator = generators.get(name);
        if (generator == null) {
            Set<String> known = new LinkedHashSet<>();
            known.add(CSV);
            known.addAll(generators.keySet());
            String hint = Optional.ofNullable(Names.hint(name, known))
                    .orElse("functions: " + String.join(", ", known));
            throw evaluator.fail(DiagnosticCode.UNKNOWN_GENERATOR, call.function().span(),
                    "unknown function '" + name + "'", hint);
        }
        Value profile = generate(call, generator, scope, evaluator);
        generated.accept(generator.name());
        return profile;
    }

    // ------------------------------------------------------------------------------------ csv

    private Value csv(Expr.Call call, Scope scope, Evaluator evaluator) {
        Expr pathExpr = null;
        Map<String, Expr> named = new LinkedHashMap<>();
        for (Expr.Argument a : call.arguments()) {
            if (a.name() == null) {
                if (pathExpr != null || !named.isEmpty()) {
                    throw evaluator.fail(DiagnosticCode.BAD_ARGUMENT, a.span(),
                            "csv takes one positional argument, the file; name the others (column:, scale:, skip:, "
                                    + "separator:, decimal:, resample:)");
                }
                pathExpr = a.value();
                continue;
            }
            String argument = a.name().text();
            if (!CSV_ARGUMENTS.contains(argument)) {
                throw evaluator.fail(DiagnosticCode.BAD_ARGUMENT, a.name().span(),
                        "csv has no argument '" + argument + "'",
                        Optional.ofNullable(Names.hint(argument, CSV_ARGUMENT_NAMES))
                                .orElse("csv takes a file, column:, scale:, skip:, separator:, "
                                        + "decimal: and resample:"));
            }
            if (named.put(argument, a.value()) != null) {
                throw evaluator.fail(DiagnosticCode.BAD_ARGUMENT, a.name().span(),
                        "argument '" + argument + "' is given twice");
            }
        }
        if (pathExpr == null) {
            throw evaluator.fail(DiagnosticCode.BAD_ARGUMENT, call.span(),
                    "csv needs the file as its first argument, e.g. csv(\"price.csv\", column: 2)");
        }
        if (!named.containsKey("column")) {
            throw evaluator.fail(DiagnosticCode.BAD_ARGUMENT, call.span(),
                    "csv needs 'column:', a header name such as \"3\" or a position such as 2");
        }
        String written = evaluator.text(pathExpr, scope, "the file of csv(...)");
        ColumnRef column = column(named.get("column"), scope, evaluator);
        Value.Num scale = Value.Num.constant(1, Dimension.NONE);
        if (named.containsKey("scale")) {
            Value v = evaluator.eval(named.get("scale"), scope);
            if (!(v instanceof Value.Num n && n.isConstant())) {
                throw evaluator.fail(DiagnosticCode.BAD_ARGUMENT, named.get("scale").span(),
                        "'scale' must be a constant number or quantity, such as 1 MW");
            }
            scale = (Value.Num) v;
        }
        OptionalInt skip = named.containsKey("skip")
                ? OptionalInt.of(evaluator.wholeNumber(named.get("skip"), scope, 0, "'skip'"))
                : OptionalInt.empty();
        CsvFormat format = format(named, scope, evaluator);
        Optional<Resampling> resampling = named.containsKey("resample")
                ? Optional.of(resampling(named.get("resample"), scope, evaluator))
                : Optional.empty();
        TimeAxis horizon = requireTime(call, evaluator);
        Path file = resolve(written, call, evaluator);
        String shown = Excerpt.quote(written); // as messages name the file
        Optional<CsvColumn> read = CsvColumnReader.read(file, shown, column, skip, format,
                call.span(), diagnostics);
        if (read.isEmpty()) {
            throw new EvaluationFailed();
        }
        csvRead.accept(file);
        if (resampling.isPresent()) {
            Optional<double[]> resampled = resample(read.get(), resampling.get(), horizon, shown,
                    call, named.get("resample"), evaluator);
            if (resampled.isPresent()) {
                double[] values = resampled.get();
                for (int i = 0; i < values.length; i++) {
                    values[i] *= scale.constant();
                }
                return Value.Num.series(values, scale.dimension());
            }
        }
        double[] raw = read.get().values();
        int first = firstRowOfHorizon(read.get(), horizon, shown, call, evaluator);
        if (raw.length - first < horizon.count()) {
            throw evaluator.fail(DiagnosticCode.PROFILE_TOO_SHORT, call.span(), column.describe()
                    + " of '" + shown + "' has " + (raw.length - first) + " values"
                    + (first > 0 ? " from its row of " + Formats.time(horizon.start()) : "")
                    + ", fewer than the " + horizon.count() + " steps of the horizon");
        }
        double[] values = new double[horizon.count()];
        for (int i = 0; i < values.length; i++) {
            values[i] = raw[first + i] * scale.constant();
        }
        return Value.Num.series(values, scale.dimension());
    }

    /** How csv(..., resample:) turns rows of another step into the horizon's steps. */
    private enum Resampling {
        /** A power or a price: the mean of the rows in a step; a longer row's value in each step. */
        MEAN,
        /** An energy: the sum of the rows in a step; a longer row's value shared equally. */
        SUM
    }

    /** csv(..., separator:, decimal:): how the file writes its cells. */
    private static CsvFormat format(Map<String, Expr> named, Scope scope, Evaluator evaluator) {
        char separator = ',';
        char decimal = '.';
        if (named.containsKey("separator")) {
            Expr e = named.get("separator");
            String text = evaluator.text(e, scope, "'separator'");
            if (!SEPARATORS.contains(text)) {
                throw evaluator.fail(DiagnosticCode.BAD_ARGUMENT, e.span(), "'separator' must be "
                        + "\",\", \";\", \"|\" or a tab \"\\t\", found \"" + Excerpt.quote(text)
                        + "\"");
            }
            separator = text.charAt(0);
        }
        if (named.containsKey("decimal")) {
            Expr e = named.get("decimal");
            String text = evaluator.text(e, scope, "'decimal'");
            if (!text.equals(".") && !text.equals(",")) {
                throw evaluator.fail(DiagnosticCode.BAD_ARGUMENT, e.span(), "'decimal' must be "
                        + "\".\" or \",\", found \"" + Excerpt.quote(text) + "\"");
            }
            decimal = text.charAt(0);
        }
        if (separator == decimal) {
            Expr e = named.containsKey("decimal") ? named.get("decimal") : named.get("separator");
            throw evaluator.fail(DiagnosticCode.BAD_ARGUMENT, e.span(), "a file with decimal "
                    + "commas cannot separate its cells with commas",
                    "such files usually separate them with ';': separator: \";\"");
        }
        return new CsvFormat(separator, decimal);
    }

    private static Resampling resampling(Expr e, Scope scope, Evaluator evaluator) {
        String text = evaluator.text(e, scope, "'resample'");
        return switch (text) {
            case "mean" -> Resampling.MEAN;
            case "sum" -> Resampling.SUM;
            default -> throw evaluator.fail(DiagnosticCode.BAD_ARGUMENT, e.span(), "'resample' "
                    + "must be \"mean\" (for a power or a price) or \"sum\" (for an energy), "
                    + "found \"" + Excerpt.quote(text) + "\"");
        };
    }

    /**
     * The horizon's values from a dated file whose rows are another whole number of times
     * shorter or longer than the horizon's step, or empty when the file's step is the horizon's
     * (read as usual).
     */
    private static Optional<double[]> resample(CsvColumn column, Resampling how, TimeAxis horizon,
                                               String shown, Expr.Call call, Expr argument,
                                               Evaluator evaluator) {
        List<LocalDateTime> times = column.timestamps();
        if (times.size() < 2 || times.get(0) == null || times.get(1) == null) {
            throw evaluator.fail(DiagnosticCode.BAD_ARGUMENT, argument.span(), "'" + shown
                    + "' has no dated rows to resample",
                    "resample: reads a file whose lines begin with dates, one row every step of "
                            + "its own");
        }
        LocalDateTime fileStart = times.get(0);
        long fileStep = Duration.between(fileStart, times.get(1)).toSeconds();
        long step = horizon.step().toSeconds();
        if (fileStep == step) {
            return Optional.empty();
        }
        if (fileStep <= 0 || (fileStep < step ? step % fileStep : fileStep % step) != 0) {
            throw evaluator.fail(DiagnosticCode.CSV_TIMES_MISMATCH, call.span(), "'" + shown
                    + "' has a row every " + duration(Duration.ofSeconds(fileStep))
                    + ", which does not divide into the horizon's steps of "
                    + duration(horizon.step()) + " or they into it",
                    "resample: takes a file whose step is a whole number of the horizon's steps, "
                            + "or divides one into a whole number of rows");
        }
        long lead = Duration.between(fileStart, horizon.start()).toSeconds();
        if (lead < 0 || lead % Math.min(fileStep, step) != 0) {
            throw timesMismatch(evaluator, call, "'" + shown + "' has no row for the horizon's "
                    + "start " + Formats.time(horizon.start()) + ": its rows begin at "
                    + Formats.time(fileStart) + ", one every " + duration(Duration.ofSeconds(fileStep)));
        }
        double[] raw = column.values();
        double[] values = new double[horizon.count()];
        long firstRow;
        long lastRow;
        if (fileStep < step) {
            int rows = (int) (step / fileStep);
            long first = lead / fileStep;
            firstRow = first;
            lastRow = first + (long) rows * horizon.count() - 1;
            requireRows(raw, lastRow, shown, call, evaluator, horizon);
            for (int i = 0; i < values.length; i++) {
                double total = 0;
                for (int r = 0; r < rows; r++) {
                    total += raw[(int) (first + (long) i * rows + r)];
                }
                values[i] = how == Resampling.SUM ? total : total / rows;
            }
        } else {
            int steps = (int) (fileStep / step);
            long firstStep = lead / step; // counted in the horizon's steps from the file's start
            firstRow = firstStep / steps;
            lastRow = (firstStep + horizon.count() - 1) / steps;
            requireRows(raw, lastRow, shown, call, evaluator, horizon);
            for (int i = 0; i < values.length; i++) {
                double row = raw[(int) ((firstStep + i) / steps)];
                values[i] = how == Resampling.SUM ? row / steps : row;
            }
        }
        for (long row : new long[] {firstRow, lastRow}) {
            LocalDateTime expected = fileStart.plusSeconds(row * fileStep);
            LocalDateTime found = times.get((int) row);
            if (!expected.equals(found)) {
                throw timesMismatch(evaluator, call, "line " + (column.firstDataLine() + row)
                        + " of '" + shown + "' has "
                        + (found == null ? "no date" : Formats.time(found)) + " where "
                        + Formats.time(expected) + " belongs: its rows are not one every "
                        + duration(Duration.ofSeconds(fileStep)) + " (a missing or repeated row, "
                        + "daylight saving?)");
            }
        }
        return Optional.of(values);
    }

    private static void requireRows(double[] raw, long lastRow, String shown, Expr.Call call,
                                    Evaluator evaluator, TimeAxis horizon) {
        if (lastRow >= raw.length) {
            throw evaluator.fail(DiagnosticCode.PROFILE_TOO_SHORT, call.span(), "'" + shown
                    + "' ends before the horizon's last step: resampling its " + raw.length
                    + " rows needs " + (lastRow + 1) + " for the " + horizon.count()
                    + " steps from " + Formats.time(horizon.start()));
        }
    }

    /**
     * The row of the horizon's first step. A file whose lines begin with dates is read by them: from
     * its row of the horizon's start, its rows one step of the horizon apart (checked between its
     * first two rows and at the horizon's last step), so a scenario of one day in 2013 reads that
     * day, not the file's first. A file without dates is read from its first row.
     */
    private static int firstRowOfHorizon(CsvColumn column, TimeAxis horizon, String shown,
                                         Expr.Call call, Evaluator evaluator) {
        try {
            return firstDatedRow(column, horizon, shown, call, evaluator);
        } catch (agora.profile.ZonedTimestampException e) {
            throw evaluator.fail(DiagnosticCode.CSV_TIMES_MISMATCH, call.span(), "'" + shown
                    + "' dates its lines with a time-zone offset (" + e.offset() + " in '"
                    + Excerpt.quote(e.cell()) + "'), which Agora would have to drop",
                    "the horizon has no time zone: write the file's times in the scenario's local "
                            + "time, without an offset");
        }
    }

    private static int firstDatedRow(CsvColumn column, TimeAxis horizon, String shown,
                                     Expr.Call call, Evaluator evaluator) {
        List<LocalDateTime> times = column.timestamps();
        if (times.isEmpty() || times.get(0) == null) {
            return 0;
        }
        LocalDateTime fileStart = times.get(0);
        Duration fileStep = times.size() > 1 && times.get(1) != null
                ? Duration.between(fileStart, times.get(1)) : horizon.step();
        if (!fileStep.equals(horizon.step())) {
            throw evaluator.fail(DiagnosticCode.CSV_TIMES_MISMATCH, call.span(), "'" + shown
                    + "' has a row every " + duration(fileStep) + " (lines "
                    + column.firstDataLine() + " and " + (column.firstDataLine() + 1)
                    + "), the horizon a step every " + duration(horizon.step()),
                    "to read it at the horizon's step, say how: resample: \"mean\" (a power or "
                            + "a price) or resample: \"sum\" (an energy)");
        }
        Duration lead = Duration.between(fileStart, horizon.start());
        if (lead.isNegative() || lead.toSeconds() % fileStep.toSeconds() != 0) {
            throw timesMismatch(evaluator, call, "'" + shown + "' has no row for the horizon's start "
                    + Formats.time(horizon.start()) + ": its rows begin at " + Formats.time(fileStart)
                    + ", one every " + duration(fileStep));
        }
        long first = lead.toSeconds() / fileStep.toSeconds();
        if (first >= times.size()) {
            throw timesMismatch(evaluator, call, "'" + shown + "' ends before the horizon's start "
                    + Formats.time(horizon.start()) + ": its rows run from " + Formats.time(fileStart)
                    + ", " + times.size() + " of them one every " + duration(fileStep));
        }
        long last = first + horizon.count() - 1;
        if (last >= times.size()) {
            return (int) first; // too short: reported with the count of rows from the start
        }
        for (long row : new long[] {first, last}) {
            LocalDateTime expected = horizon.at((int) (row - first));
            if (!expected.equals(times.get((int) row))) {
                LocalDateTime found = times.get((int) row);
                throw timesMismatch(evaluator, call, "line " + (column.firstDataLine() + row) + " of '"
                        + shown + "' has " + (found == null ? "no date" : Formats.time(found))
                        + " where the step of " + Formats.time(expected) + " belongs: its rows are not "
                        + "one every " + duration(fileStep) + " (a missing or repeated row, daylight saving?)");
            }
        }
        return (int) first;
    }

    private static EvaluationFailed timesMismatch(Evaluator evaluator, Expr.Call call, String message) {
        return evaluator.fail(DiagnosticCode.CSV_TIMES_MISMATCH, call.span(), message,
                "a file whose lines begin with dates must have a row for every step of the horizon, "
                        + "dated at the step's start");
    }

    /** "30 min", "1 h" as a file's or the horizon's step, as quantities are written elsewhere. */
    private static String duration(Duration d) {
        return Formats.quantity(d.toSeconds() / SECONDS_PER_HOUR, Dimension.TIME, Units.DEFAULT_CURRENCY);
    }

    private static ColumnRef column(Expr e, Scope scope, Evaluator evaluator) {
        Value v = evaluator.eval(e, scope);
        if (v instanceof Value.Text t) {
            return ColumnRef.header(t.value());
        }
        if (v instanceof Value.Num n && n.isConstant() && n.dimension().isNone()
                && n.constant() == Math.rint(n.constant()) && n.constant() >= 1) {
            return ColumnRef.position((int) n.constant());
        }
        throw evaluator.fail(DiagnosticCode.BAD_ARGUMENT, e.span(),
                "'column' must be a header name such as \"3\" or a position from 1, found "
                        + v.describe(evaluator.currency()));
    }

    private Path resolve(String written, Expr.Call call, Evaluator evaluator) {
        try {
            Path path = Path.of(written);
            if (path.isAbsolute()) {
                return path;
            }
            return baseDirOfFile.apply(call.span().file()).resolve(path).normalize();
        } catch (InvalidPathException e) {
            throw evaluator.fail(DiagnosticCode.CSV_FILE_MISSING, call.span(),
                    "'" + Excerpt.quote(written) + "' is not a valid file path: " + e.getReason());
        }
    }

    /**
     * The horizon a profile function fills. Before it is known (in a parameter, which is evaluated
     * first, or in the 'time' statement itself) a profile is an error where it is asked for; both
     * failed without any error before (E0901 in the 'time' statement, a parameter left out).
     */
    private TimeAxis requireTime(Expr.Call call, Evaluator evaluator) {
        if (time != null) {
            return time;
        }
        if (horizonBroken) {
            throw new EvaluationFailed(); // the missing or broken 'time' is reported on its own
        }
        throw evaluator.fail(DiagnosticCode.INVALID_VALUE, call.span(), call.function().text()
                + "(...) makes a profile, one value per step of the horizon, which is not known here",
                "parameters and the 'time' statement take constants; declare a profile for values that change over time");
    }

    // ----------------------------------------------------------------------------- generators

    private Value generate(Expr.Call call, ProfileGenerator generator, Scope scope, Evaluator evaluator) {
        Map<String, ProfileGenerator.Parameter> parameters = new LinkedHashMap<>();
        generator.parameters().forEach(p -> parameters.put(p.name(), p));
        Map<String, Double> arguments = new LinkedHashMap<>();
        for (Expr.Argument a : call.arguments()) {
            if (a.name() == null) {
                throw evaluator.fail(DiagnosticCode.BAD_ARGUMENT, a.span(), "arguments of "
                        + generator.name() + " must be named, e.g. " + example(generator));
            }
            String argument = a.name().text();
            ProfileGenerator.Parameter p = parameters.get(argument);
            if (p == null) {
                String hint = Optional.ofNullable(Names.hint(argument, parameters.keySet()))
                        .orElse(generator.name() + " takes " + String.join(", ", parameters.keySet()));
                throw evaluator.fail(DiagnosticCode.BAD_ARGUMENT, a.name().span(),
                        generator.name() + " has no parameter '" + argument + "'", hint);
            }
            if (arguments.containsKey(argument)) {
                throw evaluator.fail(DiagnosticCode.BAD_ARGUMENT, a.name().span(),
                        "argument '" + argument + "' is given twice");
            }
            Dimension dimension = canonical(p.unit());
            arguments.put(argument, evaluator.constant(a.value(), scope, dimension, "'" + argument + "'"));
        }
        List<String> missing = new ArrayList<>();
        for (ProfileGenerator.Parameter p : generator.parameters()) {
            if (p.isRequired() && !arguments.containsKey(p.name())) {
                missing.add(p.name());
            }
        }
        if (!missing.isEmpty()) {
            throw evaluator.fail(DiagnosticCode.BAD_ARGUMENT, call.span(), generator.name()
                    + " needs '" + String.join("', '", missing) + "'", "e.g. " + example(generator));
        }
        if (parameters.containsKey(SEED)) {
            double seed = arguments.getOrDefault(SEED, parameters.get(SEED).defaultValue());
            arguments.put(SEED, seedRun.seed(seed));
        }
        TimeAxis horizon = requireTime(call, evaluator);
        double[] values;
        try {
            values = generator.generate(horizon.start(), horizon.step(), horizon.count(), arguments);
        } catch (IllegalArgumentException e) {
            throw evaluator.fail(DiagnosticCode.BAD_ARGUMENT, call.span(), e.getMessage());
        }
        return Value.Num.series(values, canonical(generator.outputUnit()));
    }

    private static Dimension canonical(String unit) {
        return Units.parse(unit, Units.DEFAULT_CURRENCY).map(Unit::dimension)
                .orElseThrow(() -> new IllegalStateException("generator declares unknown unit " + unit));
    }

    private static String example(ProfileGenerator g) {
        List<String> parts = new ArrayList<>();
        for (ProfileGenerator.Parameter p : g.parameters()) {
            if (p.isRequired()) {
                parts.add(p.name() + ": 1" + (p.unit().isEmpty() ? "" : " " + p.unit()));
            }
        }
        if (g.parameters().stream().anyMatch(p -> p.name().equals("seed"))) {
            parts.add("seed: 1");
        }
        return g.name() + "(" + String.join(", ", parts) + ")";
    }
}
