package agora.cli;

import agora.scenario.SolveMode;
import agora.solver.SolverOptions;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/** How to solve: overrides of the scenario's {@code market} block. */
final class SolveArgs {
    @Option(names = "--backend", paramLabel = "NAME",
            description = "solver backend for centralized solves (ojalgo, ortools, ...)")
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

    /** The scenario's options with the flags given laid over them, each checked. */
    SolverOptions options(SolverOptions base) {
        double tol = tolerance == null ? base.tolerance() : positive("--tolerance", tolerance);
        Duration limit = timeLimit == null ? base.timeLimit()
                : Duration.ofMillis(Math.round(positive("--time-limit", timeLimit) * 1000));
        int n = threads == null ? base.threads() : atLeast("--threads", threads, 0);
        double r = rho == null ? base.admmRho() : positive("--rho", rho);
        int its = iterations == null ? base.admmMaxIterations()
                : atLeast("--iterations", iterations, 1);
        return new SolverOptions(tol, limit, n, r, its);
    }

    private static double positive(String option, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new UsageError(option + " must be a positive number, got " + value);
        }
        return value;
    }

    private static int atLeast(String option, int value, int min) {
        if (value < min) {
            throw new UsageError(option + " must be at least " + min + ", got " + value);
        }
        return value;
    }
}
