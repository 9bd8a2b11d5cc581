package agora.market.admm;

import java.util.Arrays;

/**
 * The inside role of a pool's manager (or of the operator of a root pool): it receives every
 * member's proposed pool position, and answers each with the pool price and the mean imbalance.
 * This is the exchange (sharing) form of ADMM: the pool balance {@code sum_i y_i = 0} (the
 * manager's own position being minus the collective's net position) is one coupling row whose
 * projection subtracts the mean from every position, and whose dual moves by {@code rho} times
 * the mean. The coordinator holds only what it hears: the positions, and its price.
 */
final class PoolCoordinator {
    private final double[] positions;
    private final double[] consensus;
    /** The last change of each consensus position, for {@link Extrapolation}. */
    private final double[] step;
    private double price;
    private double mean;

    PoolCoordinator(int positions) {
        this.positions = new double[positions];
        this.consensus = new double[positions];
        this.step = new double[positions];
    }

    void hear(int position, double proposal) {
        positions[position] = proposal;
    }

    /** Updates the price from this iteration's positions and adds to the residual sums. */
    void settle(double rho, double alpha, Residuals residuals) {
        double sum = 0.0;
        for (double y : positions) {
            sum += y;
        }
        mean = sum / positions.length;
        price += alpha * rho * mean;
        for (int i = 0; i < positions.length; i++) {
            double z = alpha * (positions[i] - mean) + (1.0 - alpha) * consensus[i];
            double change = z - consensus[i];
            double gap = positions[i] - z;
            double turn = change - step[i];
            consensus[i] = z;
            step[i] = change;
            residuals.primal += gap * gap;
            residuals.consensusChange += change * change;
            residuals.velocityChange += turn * turn;
            residuals.proposals += positions[i] * positions[i];
            residuals.consensus += z * z;
        }

        residuals.prices += positions.length * price * price;
    }

    /** Fewest last changes after which a consensus position would reach zero. */
    double stepsToKink() {
        double fewest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < consensus.length; i++) {
            fewest = Math.min(fewest, Extrapolation.stepsToZero(consensus[i], step[i]));
        }
        return fewest;
    }

    /** Moves every consensus position {@code steps} of its last change ahead. */
    void extrapolate(double steps) {
        for (int i = 0; i < consensus.length; i++) {
            consensus[i] += steps * step[i];
        }
    }

    /** The dual of the pool balance in ADMM's sign (minus the market price). */
    double price() {
        return price;
    }

    double meanImbalance() {
        return mean;
    }

    void forget() {
        Arrays.fill(positions, 0.0);
        Arrays.fill(consensus, 0.0);
        Arrays.fill(step, 0.0);
        price = 0.0;
        mean = 0.0;
    }
}
