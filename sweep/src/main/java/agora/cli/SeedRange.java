package agora.cli;

import agora.compiler.SeedRun;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * {@code --seeds FROM..TO}: the runs of random numbers every seeded profile generator draws, run
 * {@code k} as {@link SeedRun} defines it (run 1 is the scenario as written).
 */
record SeedRange(int from, int to) {
    private static final Pattern RANGE = Pattern.compile("\\s*(\\d{1,9})\\s*\\.\\.\\s*(\\d{1,9})\\s*");

    /** @throws UsageError when the text is not a range of runs from 1 to {@link SeedRun#MAX_RUN} */
    static SeedRange parse(String text) {
        Matcher m = RANGE.matcher(text);
        if (!m.matches()) {
            throw new UsageError("--seeds '" + text + "' needs a range of runs, for example 1..20");
        }
        int from = Integer.parseInt(m.group(1));
        int to = Integer.parseInt(m.group(2));
        if (from < 1 || to > SeedRun.MAX_RUN || to < from) {
            throw new UsageError("--seeds '" + text + "': runs go from 1 to " + SeedRun.MAX_RUN
                    + ", the first not after the last");
        }
        return new SeedRange(from, to);
    }

    IntStream runs() {
        return IntStream.rangeClosed(from, to);
    }

    int count() {
        return to - from + 1;
    }
}
