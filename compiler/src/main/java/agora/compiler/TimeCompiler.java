package agora.compiler;

import agora.diagnostics.DiagnosticCode;
import agora.scenario.TimeAxis;
import agora.syntax.Statement;
import agora.units.Dimension;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** {@code time from 2012-07-01 00:00 step 30 min count 17520} to a {@link TimeAxis}. */
final class TimeCompiler {
    private static final double SECONDS_PER_HOUR = 3600.0;
    /** Ten years of minutes: more steps than any study needs, few enough to fit in memory. */
    static final int MAX_STEPS = 5_256_000;
    /** The last moment a horizon may reach. */
    private static final LocalDateTime LAST_END = LocalDateTime.of(9999, 12, 31, 23, 59);

    private TimeCompiler() {
    }

    static Optional<TimeAxis> compile(Statement.Time t, Evaluator evaluator, Scope scope) {
        LocalDateTime start;
        try {
            start = parseStart(t.start());
        } catch (DateTimeParseException e) {
            evaluator.fail(DiagnosticCode.INVALID_VALUE, t.startSpan(), "'" + t.start()
                    + "' is not a valid date and time", "write yyyy-MM-dd HH:mm, e.g. 2012-07-01 00:00");
            return Optional.empty();
        }
        try {
            double hours = evaluator.constant(t.step(), scope, Dimension.TIME, "the time step");
            // dates past LAST_END cannot be printed as yyyy-MM-dd, and Duration arithmetic overflows
            double available = Duration.between(start, LAST_END).getSeconds();
            if (hours * SECONDS_PER_HOUR > available) {
                throw evaluator.fail(DiagnosticCode.INVALID_VALUE, t.step().span(), "a time step of "
                        + Formats.number(hours) + " h from " + t.start() + " ends after " + Formats.time(LAST_END));
            }
            long seconds = Math.round(hours * SECONDS_PER_HOUR);
            if (hours <= 0 || Math.abs(seconds - hours * SECONDS_PER_HOUR) > 1e-6) {
                throw evaluator.fail(DiagnosticCode.INVALID_VALUE, t.step().span(),
                        "the time step must be a positive whole number of seconds, found "
                                + Formats.number(hours * SECONDS_PER_HOUR) + " s");
            }
            int count = evaluator.wholeNumber(t.count(), scope, 1, "the step count");
            if (count > MAX_STEPS) {
                throw evaluator.fail(DiagnosticCode.INVALID_VALUE, t.count().span(),
                        "the step count must be at most " + MAX_STEPS + ", found " + count);
            }
            if ((double) seconds * count > available) {
                throw evaluator.fail(DiagnosticCode.INVALID_VALUE, t.count().span(), count + " steps of "
                        + Formats.number(hours) + " h from " + t.start() + " end after " + Formats.time(LAST_END));
            }
            return Optional.of(new TimeAxis(start, Duration.ofSeconds(seconds), count));
        } catch (EvaluationFailed e) {
            return Optional.empty();
        }
    }

    private static LocalDateTime parseStart(String text) {
        if (text.length() == "yyyy-MM-dd".length()) {
            return LocalDate.parse(text).atStartOfDay();
        }
        return LocalDateTime.parse(text.replace(' ', 'T'));
    }
}
