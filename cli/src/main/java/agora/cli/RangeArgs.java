package agora.cli;

import agora.market.run.StepRange;
import agora.scenario.TimeAxis;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Option;

/** Which steps to solve: {@code --from TS --to TS} (both inclusive) or {@code --steps N}. */
final class RangeArgs {
    @Option(names = "--from", paramLabel = "TIME",
            description = "first step, e.g. 2013-06-01T06:00 (or '2013-06-01 06:00')")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "last step (inclusive)")
    String to;

    @Option(names = "--steps", paramLabel = "N", description = "only the first N steps")
    Integer steps;

    /** The steps asked for; every step of the horizon when nothing is given. */
    StepRange range(TimeAxis time) {
        if (steps != null && (from != null || to != null)) {
            throw new UsageError("--steps cannot be combined with --from/--to");
        }
        if (steps != null) {
            if (steps < 1 || steps > time.count()) {
                throw new UsageError("--steps must be between 1 and " + time.count()
                        + " (the scenario's steps), got " + steps);
            }
            return new StepRange(0, steps);
        }
        int first = from == null ? 0 : step("--from", from, time);
        int last = to == null ? time.count() - 1 : step("--to", to, time);
        if (last < first) {
            throw new UsageError("--to " + to + " is before --from " + from);
        }
        return new StepRange(first, last + 1);
    }

    static int step(String option, String text, TimeAxis time) {
        LocalDateTime t = parse(option, text);
        int index = time.indexOf(t);
        if (index < 0) {
            throw new UsageError(option + " " + text + " is not a step of the scenario ("
                    + time.count() + " steps of " + Describe.duration(time.step()) + " from "
                    + time.start() + ")");
        }
        return index;
    }

    /** ISO date-time ({@code 2013-06-01T06:00}), with a space for the T, or a date (midnight). */
    static LocalDateTime parse(String option, String text) {
        String iso = text.trim().replace(' ', 'T');
        try {
            return iso.contains("T") ? LocalDateTime.parse(iso) : LocalDate.parse(iso).atStartOfDay();
        } catch (DateTimeParseException e) {
            throw new UsageError(option + " expects a time like 2013-06-01T06:00, got '" + text + "'");
        }
    }
}
