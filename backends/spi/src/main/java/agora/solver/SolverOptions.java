package agora.solver;

import java.time.Duration;

/**
 * The one solver-neutral vocabulary of options. Each backend maps what it understands and
 * ignores the rest (the ADMM solver reads {@code admmRho} and {@code admmMaxIterations}).
 *
 * @param tolerance         feasibility and optimality tolerance (relative where the solver allows)
 * @param timeLimit         limit per solve of one step
 * @param threads           worker threads for solving steps in parallel (0 = all cores)
 * @param admmRho           initial ADMM penalty parameter
 * @param admmMaxIterations ADMM iteration limit per step
 * @param windowHours       steps coupled in time (storage) are solved together over windows of
 *                          this many hours; 0 = the whole horizon in one window
 * @param commitHours       of each window, the hours kept before the next window starts from
 *                          their end; 0 = the whole window
 */
public record SolverOptions(double tolerance, Duration timeLimit, int threads, double admmRho,
                            int admmMaxIterations, double windowHours, double commitHours) {

    /** Options that solve coupled steps over the whole horizon at once. */
    public SolverOptions(double tolerance, Duration timeLimit, int threads, double admmRho,
                         int admmMaxIterations) {
        this(tolerance, timeLimit, threads, admmRho, admmMaxIterations, 0.0, 0.0);
    }

    /** These options with other windows for coupled steps (hours; 0 = whole horizon, whole window). */
    public SolverOptions withWindow(double window, double commit) {
        return new SolverOptions(tolerance, timeLimit, threads, admmRho, admmMaxIterations, window, commit);
    }

    public static final double DEFAULT_TOLERANCE = 1e-7;
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(60);
    public static final double DEFAULT_ADMM_RHO = 1.0;
    /**
     * Rounds before a step is reported NOT_CONVERGED. On 1,000 seeded wide random markets
     * (conformance) 16 needed more than 10,000 rounds (the most 61,568) and all converged within
     * this; a step of a small market takes about 10 µs a round, and the time limit still bounds
     * a large one.
     */
    public static final int DEFAULT_ADMM_MAX_ITERATIONS = 100_000;

    public static SolverOptions defaults() {
        return new SolverOptions(DEFAULT_TOLERANCE, DEFAULT_TIME_LIMIT, 0, DEFAULT_ADMM_RHO,
                DEFAULT_ADMM_MAX_ITERATIONS);
    }

    /** The number of worker threads to use: {@code threads}, or all cores when it is 0. */
    public int effectiveThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }
}
