package agora.market.admm;

/**
 * Squared norms gathered over all coupling rows in one iteration, in Boyd et al.'s notation for
 * the consensus form {@code x - z = 0}: x the agents' proposals, z their projection on the
 * coupling rows, lambda the unscaled duals; and how much the step {@code z - z_previous} itself
 * changed, which tells {@link Extrapolation} a straight-line phase.
 */
final class Residuals {
    /** ||x - z||^2. */
    double primal;
    /** ||z - z_previous||^2, to be scaled by rho^2. */
    double consensusChange;
    double proposals;
    double consensus;
    double prices;
    /** ||(z - z_previous) - (z_previous - z_before)||^2: how far the iterates are from a line. */
    double velocityChange;

    void clear() {
        primal = 0.0;
        consensusChange = 0.0;
        proposals = 0.0;
        consensus = 0.0;
        prices = 0.0;
        velocityChange = 0.0;
    }

    void add(Residuals other) {
        primal += other.primal;
        consensusChange += other.consensusChange;
        proposals += other.proposals;
        consensus += other.consensus;
        prices += other.prices;
        velocityChange += other.velocityChange;
    }

    double primalNorm() {
        return Math.sqrt(primal);
    }

    double dualNorm(double rho) {
        return rho * Math.sqrt(consensusChange);
    }
}
