package agora.solver;

import java.util.Optional;

/**
 * The range in which each solver option gives a meaningful solve, checked in one place wherever
 * an option is set (the scenario's market block, the command line). Outside it a solve either
 * cannot work or reports nonsense as converged: a tolerance of 1 accepts any point, an ADMM
 * penalty of 1e308 "converges" in one round at absurd prices.
 */
public enum OptionRange {
    /** feasibility and optimality tolerance: tighter than 1e-12 is below double round-off */
    TOLERANCE("tolerance", 1e-12, 1e-2),
    /** limit per step, seconds: from a millisecond to a week */
    TIME_LIMIT_SECONDS("time limit", 1e-3, 7 * 24 * 3600.0),
    /** worker threads, 0 = all cores */
    THREADS("threads", 0, 4096),
    /** initial ADMM penalty: residual balancing moves it by factors of 2 from there */
    ADMM_RHO("rho", 1e-6, 1e6),
    /** ADMM rounds per step */
    ADMM_ITERATIONS("iterations", 1, 100_000_000);

    private final String setting;
    private final double min;
    private final double max;

    OptionRange(String setting, double min, double max) {
        this.setting = setting;
        this.min = min;
        this.max = max;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    /**
     * Why {@code value} is out of range, naming the range; empty when it is in range.
     *
     * @param shown the value as the user wrote it, for the message
     */
    public Optional<String> problem(double value, String shown) {
        if (value >= min && value <= max) {
            return Optional.empty();
        }
        return Optional.of("'" + setting + "' must lie between " + format(min) + " and "
                + format(max) + (this == TIME_LIMIT_SECONDS ? " seconds" : "") + ", found " + shown);
    }

    /** {@code 4096}, {@code 0.01}, {@code 1e-6}: whole numbers plainly, others as Java writes them, e lowercase. */
    private static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return String.valueOf((long) v);
        }
        return String.valueOf(v).replace(".0E", "e").replace("E", "e");
    }

    /** Every problem of a set of options, in a fixed order; empty when all are in range. */
    public static java.util.List<String> problems(SolverOptions options) {
        java.util.List<String> out = new java.util.ArrayList<>();
        TOLERANCE.problem(options.tolerance(), String.valueOf(options.tolerance())).ifPresent(out::add);
        double seconds = options.timeLimit().toMillis() / 1000.0;
        TIME_LIMIT_SECONDS.problem(seconds, seconds + " s").ifPresent(out::add);
        THREADS.problem(options.threads(), String.valueOf(options.threads())).ifPresent(out::add);
        ADMM_RHO.problem(options.admmRho(), String.valueOf(options.admmRho())).ifPresent(out::add);
        ADMM_ITERATIONS.problem(options.admmMaxIterations(), String.valueOf(options.admmMaxIterations()))
                .ifPresent(out::add);
        return out;
    }
}
