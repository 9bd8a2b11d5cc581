package agora.cli;

import agora.scenario.SolveMode;
import agora.solver.OptionRange;
import agora.solver.SolverOptions;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/** How to solve: overrides of the scenario's {@code market} block. */
final class SolveArgs {
    @Option(names = "--backend", paramLabel = "NAME",
            description = "solver backend for centralized solves (ipm, ojalgo, ortools, ...)")
    String backend;

    @Option(names = "--solve", paramLabel = "MODE", description = "centralized or admm")
    String solve;

    @Option(names = "--tolerance", paramLabel = "X", description = "solver tolerance")
    Double tolerance;

    @Option(names = "--time-limit", paramLabel = "SECONDS", description = "limit per step")
    Double timeLimit;

    @Option(names = "--threads", paramLabel = "N",
            description = "steps solved in parallel (0 = all cores)")
    Integer threads;

    @Option(names = "--rho", paramLabel = "R", description = "ADMM penalty parameter")
    Double rho;

    @Option(names = "--iterations", paramLabel = "N", description = "ADMM iteration limit per step")
    Integer iterations;

    @Option(names = "--window", paramLabel = "HOURS",
            description = "solve steps coupled by storage in windows of this many hours (0 = the "
                    + "whole horizon); default: the scenario's")
    Double window;

    @Option(names = "--commit", paramLabel = "HOURS",
            description = "hours of each window kept before the next one starts (0 = the whole "
                    + "window); default: the scenario's")
    Double commit;

    /** The solve mode: the flag's, else the scenario's. */
    SolveMode mode(SolveMode scenarioMode) {
        return solve == null ? scenarioMode : parseMode(solve);
    }

    static SolveMode parseMode(String keyword) {
        return Arrays.stream(SolveMode.values()).filter(m -> m.keyword().equals(keyword))
                .findFirst().orElseThrow(() -> new UsageError("unknown solve mode '" + keyword
                        + "'; expected one of: " + Arrays.stream(SolveMode.values())
                        .map(SolveMode::keyword).collect(Collectors.joining(", "))));
    }

    /** The scenario's options with the flags given laid over them, each checked against its range. */
    SolverOptions options(SolverOptions base) {
        double tol = tolerance == null ? base.tolerance() : inRange("--tolerance", OptionRange.TOLERANCE, tolerance);
        Duration limit = timeLimit == null ? base.timeLimit() : Duration.ofMillis(Math.round(
                inRange("--time-limit", OptionRange.TIME_LIMIT_SECONDS, timeLimit) * 1000));
        int n = threads == null ? base.threads() : (int) inRange("--threads", OptionRange.THREADS, threads);
        double r = rho == null ? base.admmRho() : inRange("--rho", OptionRange.ADMM_RHO, rho);
        int its = iterations == null ? base.admmMaxIterations()
                : (int) inRange("--iterations", OptionRange.ADMM_ITERATIONS, iterations);
        double w = window == null ? base.windowHours() : hours("--window", window);
        double c = commit == null ? (window == null ? base.commitHours() : 0.0) : hours("--commit", commit);
        if (c > 0 && w == 0) {
            throw new UsageError("--commit " + c + " needs a window to commit part of: add --window HOURS");
        }
        if (c > w && w > 0) {
            throw new UsageError("--commit " + c + " is longer than the window (" + w + " h)");
        }
        return new SolverOptions(tol, limit, n, r, its, w, c);
    }

    private static double hours(String option, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new UsageError(option + " must be a number of hours, 0 or more, found " + value);
        }
        return value;
    }

    private static double inRange(String option, OptionRange range, double value) {
        range.problem(value, String.valueOf(value)).ifPresent(problem -> {
            throw new UsageError(option + ": " + problem);
        });
        return value;
    }
}
