package agora.market.admm;

/**
 * One agent's ADMM update, solved exactly.
 *
 * <pre>
 *   minimise   g(z) + sum_j [ h_j(v_j) + lambda_j v_j + rho/2 (v_j - t_j)^2 ]
 *   subject to z = sum_j v_j,   zLow &lt;= z &lt;= zHigh,   low_j &lt;= v_j &lt;= high_j
 * </pre>
 *
 * with {@code g(z) = a z^2 + b z} (a &gt;= 0) and the piecewise-linear slot cost
 * {@code h_j(v) = sell_j max(v, 0) + buy_j max(-v, 0)} (sell_j + buy_j &gt;= 0, so h_j is convex).
 *
 * <p>With a multiplier mu on {@code z - sum_j v_j = 0} the problem separates: each {@code v_j(mu)}
 * is a soft threshold of {@code w_j = t_j + (mu - lambda_j)/rho} at {@code sell_j/rho} and
 * {@code -buy_j/rho}, clipped to its box (non-decreasing in mu), and {@code z(mu)} minimises
 * {@code g(z) + mu z} on its box (non-increasing). {@code F(mu) = z(mu) - sum_j v_j(mu)} is then
 * continuous, non-increasing and piecewise linear, so a Newton iteration safeguarded by a bracket
 * finds its root exactly (Newton lands on the root as soon as it evaluates on the root's linear
 * piece). When a = 0, z(mu) jumps at mu = -b: either the root is that jump (z takes the value
 * sum_j v_j(-b) inside its box) or z sits at one bound and F is continuous on the remaining
 * half-line.
 *
 * <p>An agent whose injection loads a limited line also announces its net position z to the
 * network operator: one more consensus row {@code z + h = 0} with the operator's slot h, priced
 * like a bilateral trade ({@code netPrice}, {@code netTarget}, its mail after the trade slots'
 * in the mailbox). Its terms {@code netPrice z + rho/2 (z - netTarget)^2} are a quadratic cost
 * of z, so they fold into g: the net position's cost becomes strictly convex and the same root
 * finding applies.
 *
 * <p>The arrays are the agent's own: the class is allocation-free per solve, so that an iteration
 * over 500,000 trade slots costs no garbage.
 */
final class LocalProblem {
    /** Root-finding iterations before falling back to plain bisection. */
    private static final int NEWTON_ITERATIONS = 30;
    private static final int MAX_ITERATIONS = 200;
    /** Relative accuracy of the coupling z = sum v, far below any ADMM tolerance. */
    private static final double COUPLING_ACCURACY = 1e-13;

    final int size;
    /** Per-MWh cost on the positive (sale) and negative (purchase) part of each slot. */
    final double[] sell;
    final double[] buy;
    final double[] low;
    final double[] high;
    /** Unscaled dual of each slot's coupling row (the ADMM lambda). */
    final double[] price;
    /** Consensus value each slot is pulled towards (the ADMM z of the last iteration). */
    final double[] target;
    /** This agent's latest proposal per slot. */
    final double[] value;
    /** The last change of each slot's target (the consensus step t^k - t^(k-1)). */
    final double[] targetChange;

    double quadratic;
    double linear;
    double netLow;
    double netHigh;
    /** mu of the last solve, the warm start of the next. */
    double multiplier;
    /** Whether z is announced to the network operator (a row z + h = 0). */
    final boolean announcesNet;
    /** The unscaled dual, consensus value and last consensus step of that row. */
    double netPrice;
    double netTarget;
    double netTargetChange;
    /** z of the latest proposals. */
    double netValue;

    private double slope;
    private boolean firstPassReadsMail;
    private double magnitude;
    private double fixedNet;

    /**
     * The owner's mailbox (per slot: its posted proposal, then the partner's answer) and which
     * slots are bilateral trades, whose answers the first evaluation of a solve reads.
     */
    private final double[] mailbox;
    private final boolean[] bilateral;
    private boolean unreadMail;
    private double mailPriceStep;
    private double relaxation = 1.0;
    /** Consensus steps the targets of the unread mail jump ahead ({@link Extrapolation}). */
    private double mailJump;

    LocalProblem(int size, double[] mailbox, boolean[] bilateral) {
        this(size, mailbox, bilateral, false);
    }

    /** @param announcesNet whether z is announced to the network operator (mail slot {@code size}) */
    LocalProblem(int size, double[] mailbox, boolean[] bilateral, boolean announcesNet) {
        this.size = size;
        this.announcesNet = announcesNet;
        this.mailbox = mailbox;
        this.bilateral = bilateral;
        sell = new double[size];
        buy = new double[size];
        low = new double[size];
        high = new double[size];
        price = new double[size];
        target = new double[size];
        value = new double[size];
        targetChange = new double[size];
    }

    /**
     * Why the problem has no solution for any lambda, t and rho (a box that cannot meet the net
     * bounds), or null when it always has one.
     */
    String infeasibility() {
        if (netLow > netHigh) {
            return "its lower bound " + netLow + " MW exceeds its upper bound " + netHigh + " MW";
        }
        double lowest = 0.0;
        double highest = 0.0;
        for (int j = 0; j < size; j++) {
            lowest += low[j];
            highest += high[j];
        }
        if (lowest > netHigh || highest < netLow) {
            return "its trades can only sum to [" + lowest + ", " + highest
                    + "] MW but its net position must lie in [" + netLow + ", " + netHigh + "] MW";
        }
        return null;
    }

    /**
     * Marks the partners' answers in the mailbox as unread: the next solve first updates each
     * bilateral slot's price by {@code priceStep (own + partner)} and its target to
     * {@code t' = alpha (own - partner)/2 + (1 - alpha) t}, fused into its first pass over the
     * slots; with a jump, the target moves on to {@code t' + jump (t' - t)}.
     */
    void receiveMail(double priceStep, double alpha, double jump) {
        unreadMail = true;
        mailPriceStep = priceStep;
        relaxation = alpha;
        mailJump = jump;
    }

    /** Updates prices and targets from unread mail, without solving (the last round of a step). */
    void readMail() {
        if (unreadMail) {
            for (int j = 0; j < size; j++) {
                absorb(j);
            }
            absorbNet();
            unreadMail = false;
        }
    }

    /** The operator's answer on the injection row, read like a bilateral partner's. */
    private void absorbNet() {
        if (!announcesNet) {
            return;
        }
        double partner = mailbox[2 * size + 1];
        netPrice += mailPriceStep * (netValue + partner);
        double next = 0.5 * relaxation * (netValue - partner) + (1.0 - relaxation) * netTarget;
        double moved = next + mailJump * (next - netTarget);
        netTargetChange = moved - netTarget;
        netTarget = moved;
    }

    private void absorb(int j) {
        if (bilateral[j]) {
            double own = value[j];
            double partner = mailbox[2 * j + 1];
            price[j] += mailPriceStep * (own + partner);
            double next = 0.5 * relaxation * (own - partner) + (1.0 - relaxation) * target[j];
            moveTarget(j, next, mailJump);
        }
    }

    /**
     * Sets a slot's target to {@code next}, then {@code jump} of its last step {@code next - t}
     * beyond ({@link Extrapolation}).
     */
    void moveTarget(int j, double next, double jump) {
        double moved = next + jump * (next - target[j]);
        targetChange[j] = moved - target[j];
        target[j] = moved;
    }

    /** The largest |t^k - t^(k-1)| over the slots, MW. */
    double largestTargetChange() {
        double largest = Math.abs(netTargetChange);
        for (int j = 0; j < size; j++) {
            largest = Math.max(largest, Math.abs(targetChange[j]));
        }
        return largest;
    }

    /** The net position of the latest proposals (within the net bounds). */
    double proposedNet() {
        double sum = 0.0;
        for (int j = 0; j < size; j++) {
            sum += value[j];
        }
        return sum;
    }

    /**
     * Solves for the current lambda, t and penalty rho; leaves the proposals in {@link #value}
     * (their sum is the agent's net position z, within its bounds).
     */
    void solve(double rho) {
        double invRho = 1.0 / rho;
        if (size == 0) {
            return;
        }
        if (unreadMail) {
            absorbNet();
            // the trade slots' mail is fused into the first evaluation below
            firstPassReadsMail = true;
            unreadMail = false;
        }
        if (quadratic > 0.0 || announcesNet) {
            fixedNet = Double.NaN;
            multiplier = findRoot(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, multiplier, invRho);
        } else {
            multiplier = solveLinearNet(invRho);
        }
        // value[] now holds v(mu) of the last evaluation, which was at the returned mu
        netValue = proposedNet();
    }

    /** a = 0: the jump of z(mu) at mu = -b, or z at a bound on one side of it. */
    private double solveLinearNet(double invRho) {
        double jump = -linear;
        double sum = slotSum(jump, invRho);
        if (sum >= netLow && sum <= netHigh) {
            return jump;
        }
        if (sum > netHigh) {
            fixedNet = netHigh;
            return findRoot(Double.NEGATIVE_INFINITY, jump, Math.min(multiplier, jump), invRho);
        }
        fixedNet = netLow;
        return findRoot(jump, Double.POSITIVE_INFINITY, Math.max(multiplier, jump), invRho);
    }

    /**
     * The root of F in [lower, upper] where F(lower) &gt;= 0 &gt;= F(upper); Newton steps inside a
     * shrinking bracket, bisection or doubling steps when Newton would leave it.
     */
    private double findRoot(double lower, double upper, double start, double invRho) {
        double lo = lower;
        double hi = upper;
        double mu = Math.min(hi, Math.max(lo, start));
        double step = 1.0;
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double f = residual(mu, invRho);
            if (Math.abs(f) <= COUPLING_ACCURACY * (1.0 + magnitude)) {
                return mu;
            }
            if (f > 0) {
                lo = mu;
            } else {
                hi = mu;
            }
            double next = iteration < NEWTON_ITERATIONS && slope < 0 ? mu - f / slope : Double.NaN;
            if (!(next > lo && next < hi)) {
                if (lo > Double.NEGATIVE_INFINITY && hi < Double.POSITIVE_INFINITY) {
                    next = 0.5 * (lo + hi);
                } else {
                    step = Math.max(step * 2.0, Math.abs(f) / invRho);
                    next = f > 0 ? mu + step : mu - step;
                }
            }
            if (next == mu || next <= lo || next >= hi) {
                return mu;
            }
            mu = next;
        }
        residual(mu, invRho);
        return mu;
    }

    /** F(mu) = z(mu) - sum v(mu); also sets {@link #slope} = F'(mu) and a magnitude for scale. */
    private double residual(double mu, double invRho) {
        double sum = slotSum(mu, invRho);
        double z;
        double zSlope = 0.0;
        if (Double.isNaN(fixedNet)) {
            // with the injection row: (a + rho/2) z² + (b + netPrice - rho netTarget) z
            double rho = announcesNet ? 1.0 / invRho : 0.0;
            double a = quadratic + 0.5 * rho;
            double b = linear + (announcesNet ? netPrice - rho * netTarget : 0.0);
            double free = -(b + mu) / (2.0 * a);
            if (free <= netLow) {
                z = netLow;
            } else if (free >= netHigh) {
                z = netHigh;
            } else {
                z = free;
                zSlope = -1.0 / (2.0 * a);
            }
        } else {
            z = fixedNet;
        }
        slope += zSlope;
        magnitude += Math.abs(z);
        return z - sum;
    }

    /**
     * sum_j v_j(mu), writing each v_j to {@link #value}; sets {@link #slope} to minus its
     * derivative and {@link #magnitude} to sum |v_j|.
     */
    private double slotSum(double mu, double invRho) {
        double sum = 0.0;
        double absSum = 0.0;
        int sloped = 0;
        boolean readsMail = firstPassReadsMail;
        firstPassReadsMail = false;
        for (int j = 0; j < size; j++) {
            if (readsMail) {
                absorb(j);
            }
            double w = target[j] + (mu - price[j]) * invRho;
            double up = sell[j] * invRho;
            double down = -buy[j] * invRho;
            double v;
            boolean moving = true;
            if (w > up) {
                v = w - up;
            } else if (w < down) {
                v = w - down;
            } else {
                v = 0.0;
                moving = false;
            }
            if (v <= low[j]) {
                v = low[j];
                moving = false;
            } else if (v >= high[j]) {
                v = high[j];
                moving = false;
            }
            value[j] = v;
            sum += v;
            absSum += Math.abs(v);
            if (moving) {
                sloped++;
            }
        }
        slope = -sloped * invRho;
        magnitude = absSum;
        return sum;
    }

    /** h_j summed over the slots at the given trades: what the agent pays on them, per hour. */
    double tradeCost(double[] trades) {
        double cost = 0.0;
        for (int j = 0; j < size; j++) {
            double v = trades[j];
            cost += v > 0 ? sell[j] * v : -buy[j] * v;
        }
        return cost;
    }

    /** Forgets prices, targets, proposals and mail. */
    void reset() {
        java.util.Arrays.fill(value, 0.0);
        java.util.Arrays.fill(price, 0.0);
        java.util.Arrays.fill(target, 0.0);
        java.util.Arrays.fill(targetChange, 0.0);
        java.util.Arrays.fill(mailbox, 0.0);
        unreadMail = false;
        firstPassReadsMail = false;
        mailJump = 0.0;
        multiplier = 0.0;
        netPrice = 0.0;
        netTarget = 0.0;
        netTargetChange = 0.0;
        netValue = 0.0;
    }

    /** The sum of the consensus trades: the net position the market settles this agent at. */
    double settledNet() {
        double sum = 0.0;
        for (int j = 0; j < size; j++) {
            sum += target[j];
        }
        return sum;
    }
}
