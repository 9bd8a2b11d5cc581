package agora.market.admm;

/**
 * Sees ADMM's straight-line phase and decides how far to jump along it.
 *
 * <p>Once the prices have (nearly) settled, the rest of a step can be a proximal-point walk along a direction that only per-MWh costs resist: with lambda fixed,
 * each round moves the consensus trades by the same step, of size (slope of those costs) / rho,
 * until one trade reaches zero, where its |P| cost has a kink. Without fees between communities
 * the pools' managers can trade round a cycle that costs only the trade fee gamma = 0.001 $/MWh
 * on each side, so a circulation of 1 MW built up while the prices were still moving takes
 * thousands of rounds to unwind, and the dual residual, rho times a step of size ~gamma / rho,
 * stays at a constant no choice of rho can lower. On ieee14-no-fees (measured year) steps 8460
 * and 10024 walked like this at 8.16e-4 (tolerance 2.3e-5) with a primal residual of 1e-12 until
 * the 10,000-round limit; step 8460 needed 7,715 rounds even when warm-started one step earlier.
 * Boley (2013, SIAM J. Optim. 23(4), "Local linear convergence of ADMM on quadratic or linear
 * programs") describes this constant-step regime.
 *
 * <p>When the consensus step has stayed the same for {@link #STEADY_ROUNDS} rounds, every agent moves its consensus values (and the relay and the pools theirs)
 * ahead by the number of steps after which the first of them would reach zero: where the plain
 * iteration would have arrived, in one round. Prices are left as they are. A jump only moves the
 * point the iteration continues from, which ADMM may start from anywhere, so a wrong guess costs
 * rounds, never the result; at most {@link #MAX_JUMPS} per step keep the convergence guarantee of
 * the plain iteration. Values still converging geometrically are carried along too: jumping only
 * the values that passed a per-value straightness test, or capping the jump by how far the
 * prices or the line could still bend, was measured and cost rounds on four of the five
 * failing generated-profile steps (step 11693: 2,233 -&gt; 5,835 and 9,668 rounds).
 */
final class Extrapolation {
    /**
     * Largest change of the consensus step, relative to the step, still taken as a straight
     * line. In the straight-line phase of ieee14 step 8460 the step changed by 1e-9 to 1e-5
     * relative, before it by 1e-3 to 0.2. Measured on the five failing generated-profile steps
     * (rounds of the worst): 1e-2: 4,557; 1e-3: 3,291; 1e-4: 2,333; 1e-5: 2,385.
     */
    static final double SAME_STEP = 1e-4;
    /** Rounds of the same step before a jump. */
    static final int STEADY_ROUNDS = 3;
    /** A jump shorter than this many steps is left to the iteration. */
    static final double MIN_STEPS = 10.0;
    /** Jumps per step at most. */
    static final int MAX_JUMPS = 100;

    private int steadyRounds;
    private int jumps;

    /** At the start of a step. */
    void reset() {
        steadyRounds = 0;
        jumps = 0;
    }

    /**
     * After a round: whether the walk has gone straight long enough for a jump. The primal
     * residual need not have met its tolerance: a walk can go straight while the prices are
     * still creeping, and waiting for them left 27 of 1,000 wide random markets
     * (conformance, seeds 201-1200) short of convergence in 10,000 rounds, with the dual
     * residual fixed at 1e-3 (the trade fee over rho, times rho) and the primal one a few times
     * its tolerance; jumping on any straight walk left 18 (45 before the dispatch bound and this).
     *
     * @param residuals the round's sums
     */
    boolean straight(Residuals residuals) {
        boolean straight = residuals.consensusChange > 0.0
                && residuals.velocityChange <= SAME_STEP * SAME_STEP * residuals.consensusChange;
        steadyRounds = straight ? steadyRounds + 1 : 0;
        return steadyRounds >= STEADY_ROUNDS && jumps < MAX_JUMPS;
    }

    /**
     * The jump to take along a straight walk, or 0.
     *
     * @param stepsToKink steps after which the first consensus value heading for zero reaches it
     */
    double accept(double stepsToKink) {
        // no value heading for zero: the walk ends at a kink only its agent sees, so stay
        if (stepsToKink < MIN_STEPS || Double.isInfinite(stepsToKink)) {
            return 0.0;
        }
        steadyRounds = 0;
        jumps++;
        return stepsToKink;
    }

    /**
     * Steps of {@code change} after which {@code value} reaches zero (where a trade's per-MWh
     * cost and sign rules have their kink), or infinity when it moves away from zero.
     */
    static double stepsToZero(double value, double change) {
        return value * change < 0.0 ? -value / change : Double.POSITIVE_INFINITY;
    }
}
