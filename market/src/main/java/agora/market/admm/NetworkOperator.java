package agora.market.admm;

import agora.scenario.Profile;
import java.util.Arrays;

/**
 * The network operator of a decomposed solve with line limits. It knows the power transfer
 * distribution factors of the limited lines and their capacities, nothing else, and hears only the
 * injections the peers announce (one row {@code z_n + h_n = 0} per peer whose bus loads a
 * limited line, priced like a bilateral trade). Each round it proposes the injections closest to
 * what it heard that keep every line within its capacity:
 * <pre>
 *   minimise   sum_n [ lambda_n h_n + rho/2 (h_n - t_n)^2 ]
 *   subject to -cap_l &lt;= sum_n A_ln (-h_n) &lt;= cap_l      (flow of line l at injections -h)
 * </pre>
 * a projection of {@code c = t - lambda/rho} on a polytope, solved exactly enough by coordinate
 * descent on its dual (Hildreth's method: one multiplier eta_l per line, each update a soft
 * threshold): {@code h = c - A^T eta / rho}. At the fixed point {@code lambda_n = sum_l y_l A_ln}
 * with {@code y = -eta}: each peer pays the congestion prices of the lines its injection loads,
 * the locational charge of the centralized solve, and {@code y} are the congestion prices.
 */
final class NetworkOperator {
    /** Coordinate-descent sweeps before giving up on more accuracy (a few suffice in practice). */
    private static final int MAX_SWEEPS = 10_000;
    /** Relative change of a multiplier below which a sweep has converged. */
    private static final double SWEEP_ACCURACY = 1e-14;

    private final double[][] factors;
    private final Profile[] capacities;
    private final double[][] gram;
    private final double[] mailbox;
    private final double[] price;
    private final double[] target;
    private final double[] value;
    private final double[] eta;
    private final double[] capacity;
    private final double[] shifted;
    private double penalty = 1.0;
    private double nextPenalty = 1.0;
    private double relaxation = 1.0;
    private double jump;

    /**
     * @param factors    per limited line, MW on it per MW injected by each announcing peer (in
     *                   the order of the operator's rows)
     * @param capacities per limited line, its capacity per step
     */
    NetworkOperator(double[][] factors, Profile[] capacities) {
        this.factors = factors;
        this.capacities = capacities;
        int lines = factors.length;
        int rows = lines == 0 ? 0 : factors[0].length;
        this.gram = new double[lines][lines];
        for (int l = 0; l < lines; l++) {
            for (int k = 0; k < lines; k++) {
                double sum = 0.0;
                for (int n = 0; n < rows; n++) {
                    sum += factors[l][n] * factors[k][n];
                }
                gram[l][k] = sum;
            }
        }
        this.mailbox = new double[2 * rows];
        this.price = new double[rows];
        this.target = new double[rows];
        this.value = new double[rows];
        this.eta = new double[lines];
        this.capacity = new double[lines];
        this.shifted = new double[rows];
    }

    double[] mailbox() {
        return mailbox;
    }

    /** Loads the capacities of step {@code step}. */
    void prepare(int step) {
        for (int l = 0; l < capacity.length; l++) {
            capacity[l] = capacities[l].at(step);
        }
    }

    void setPenalty(double rho) {
        nextPenalty = rho;
    }

    void setRelaxation(double alpha) {
        relaxation = alpha;
    }

    /** Its targets move {@code steps} times their last change ahead when it next reads its mail. */
    void extrapolate(double steps) {
        jump = steps;
    }

    /** One round: reads the announced injections (after the first), projects, posts its answers. */
    void propose(boolean readMail) {
        if (readMail) {
            absorb(penalty);
        }
        penalty = nextPenalty;
        project(penalty);
        for (int n = 0; n < value.length; n++) {
            mailbox[2 * n] = value[n];
        }
    }

    /** Reads the last announcements without proposing again (the end of a step). */
    void readMail() {
        absorb(penalty);
    }

    private void absorb(double mailPenalty) {
        double step = 0.5 * relaxation * mailPenalty;
        for (int n = 0; n < value.length; n++) {
            double announced = mailbox[2 * n + 1];
            price[n] += step * (value[n] + announced);
            double next = 0.5 * relaxation * (value[n] - announced) + (1.0 - relaxation) * target[n];
            target[n] = next + jump * (next - target[n]);
        }
        jump = 0.0;
    }

    /** h = c - A^T eta / rho, with eta from coordinate descent on the dual (warm-started). */
    private void project(double rho) {
        int rows = value.length;
        for (int n = 0; n < rows; n++) {
            shifted[n] = target[n] - price[n] / rho;
        }
        int lines = eta.length;
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double largestChange = 0.0;
            double largest = 0.0;
            for (int l = 0; l < lines; l++) {
                if (gram[l][l] == 0.0) {
                    eta[l] = 0.0; // no announcing peer loads it: its flow is 0
                    continue;
                }
                double r = dot(factors[l], shifted);
                for (int k = 0; k < lines; k++) {
                    if (k != l) {
                        r -= gram[l][k] * eta[k] / rho;
                    }
                }
                double soft = Math.signum(r) * Math.max(Math.abs(r) - capacity[l], 0.0);
                double next = rho * soft / gram[l][l];
                largestChange = Math.max(largestChange, Math.abs(next - eta[l]));
                largest = Math.max(largest, Math.abs(next));
                eta[l] = next;
            }
            if (lines <= 1 || largestChange <= SWEEP_ACCURACY * (1.0 + largest)) {
                break;
            }
        }
        for (int n = 0; n < rows; n++) {
            double h = shifted[n];
            for (int l = 0; l < lines; l++) {
                h -= factors[l][n] * eta[l] / rho;
            }
            value[n] = h;
        }
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0.0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** The congestion price of each limited line (currency/MWh, positive when full forwards). */
    double[] congestionPrices() {
        double[] out = new double[eta.length];
        for (int l = 0; l < out.length; l++) {
            out[l] = eta[l] == 0.0 ? 0.0 : -eta[l];
        }
        return out;
    }

    /** Forgets prices, targets, proposals and multipliers (after a failed step). */
    void forget() {
        Arrays.fill(price, 0.0);
        Arrays.fill(target, 0.0);
        Arrays.fill(value, 0.0);
        Arrays.fill(eta, 0.0);
        Arrays.fill(mailbox, 0.0);
        jump = 0.0;
    }
}
