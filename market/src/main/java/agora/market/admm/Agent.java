package agora.market.admm;

/**
 * A peer, or a collective's manager, negotiating on its own behalf. It is built from its
 * {@link AgentData} alone and from then on only hears messages: a partner's proposed trade on a
 * bilateral slot, a pool's price and mean imbalance on a pool slot, a new penalty. It holds no
 * reference to the scenario, the market tree or any other agent (checked by a test), so it cannot
 * learn anyone else's cost or bounds.
 *
 * <p>Its {@link #mailbox} is its only window on the others: per slot j, {@code mailbox[2j]} is
 * its outgoing proposal and {@code mailbox[2j+1]} the partner's incoming one, both written and
 * read by the relay (a mailbox rather than a message object per trade, so that an iteration of
 * 500,000 trades allocates nothing).
 *
 * <p>Per iteration it reads its mail ({@link #propose} with {@code readMail}), updating each
 * bilateral slot's price and consensus target from its own last proposal and the partner's
 * ({@code lambda += alpha rho/2 (own + partner)}, {@code t = alpha (own - partner)/2
 * + (1 - alpha) t}), solves its {@link LocalProblem} exactly and posts its new proposals. Pool
 * slots are answered by the pool directly ({@link #hearPool}).
 */
final class Agent {
    private final AgentData data;
    private final LocalProblem local;
    private final double[] mailbox;
    /** rho of the round in progress: its mail is read with it. */
    private double penalty = 1.0;
    /** rho announced for the next round. */
    private double nextPenalty = 1.0;
    private double relaxation = 1.0;
    /** Consensus steps to jump ahead when it next reads its mail (0: none). */
    private double jump;
    /** See {@link #dispatchUncertainty()}. */
    private double dispatchUncertainty;

    Agent(AgentData data) {
        this.data = data;
        // its trade slots, then the injection it announces to the network operator, if any
        this.mailbox = new double[2 * (data.slotCount() + (data.announcesInjection() ? 1 : 0))];
        boolean[] bilateral = new boolean[data.slotCount()];
        for (int j = 0; j < bilateral.length; j++) {
            bilateral[j] = !data.isPool(j);
        }
        this.local = new LocalProblem(data.slotCount(), mailbox, bilateral, data.announcesInjection());
    }

    /** The agent's mailbox, handed to the relay once when the negotiation is wired. */
    double[] mailbox() {
        return mailbox;
    }

    /**
     * Loads step {@code step} of its own data.
     *
     * @return why it cannot take part in this step (no trades can meet its bounds, or a grid
     *         whose export price exceeds its import price plus fees, which would pay for
     *         buying and selling the same energy without limit), or null
     */
    String prepare(int step) {
        if (data.isManager()) {
            local.quadratic = 0.0;
            local.linear = 0.0;
            local.netLow = 0.0;
            local.netHigh = 0.0;
        } else {
            local.quadratic = data.cost().a();
            local.linear = data.cost().b();
            local.netLow = data.lower().at(step);
            local.netHigh = data.upper().at(step);
        }
        for (int j = 0; j < local.size; j++) {
            local.sell[j] = data.slotPrice()[j].saleCost(step);
            local.buy[j] = data.slotPrice()[j].purchaseCost(step);
            local.low[j] = data.slotLow()[j];
            local.high[j] = data.slotHigh()[j];
            if (local.sell[j] + local.buy[j] < 0) {
                return "unbounded: " + data.name() + " would buy at " + (-local.buy[j])
                        + " and sell at " + local.sell[j] + " per MWh, earning without limit";
            }
        }
        String infeasible = local.infeasibility();
        return infeasible == null ? null : "infeasible: " + data.name() + ": " + infeasible;
    }

    /**
     * A penalty broadcast by the coordinator (residual balancing), for the next round: the
     * mail of the current round is still read with the penalty it was produced under.
     */
    void setPenalty(double rho) {
        nextPenalty = rho;
    }

    /** The over-relaxation factor alpha of the negotiation, told once at the start. */
    void setRelaxation(double alpha) {
        relaxation = alpha;
    }

    /**
     * An extrapolation broadcast by the coordinator ({@link Extrapolation}): the targets of the
     * bilateral slots, when it next reads its mail, and of the pool slots, when the pools next
     * answer, move {@code steps} times their last change ahead.
     */
    void extrapolate(double steps) {
        jump = steps;
    }

    /**
     * One negotiation round: optionally reads the partners' last proposals first, then solves
     * its local problem and posts its proposals.
     */
    void propose(boolean readMail) {
        double mailPenalty = penalty;
        if (readMail) {
            local.receiveMail(0.5 * relaxation * mailPenalty, relaxation, jump);
            jump = 0.0;
        }
        penalty = nextPenalty;
        local.solve(penalty);
        double[] value = local.value;
        for (int j = 0; j < value.length; j++) {
            mailbox[2 * j] = value[j];
        }
        if (data.announcesInjection()) {
            mailbox[2 * value.length] = local.netValue;
        }
        dispatchUncertainty = readMail ? uncertainty(mailPenalty) : Double.POSITIVE_INFINITY;
    }

    /**
     * How far its own dispatch may still be from where the settled prices put it, MW: the
     * proposal it just made is exactly optimal for its slots' prices shifted by its dual
     * residual {@code d_j = rho (t_j^k - t_j^(k-1))} (Boyd et al. 2011, §3.3), and a price
     * shift d moves the optimal p of a cost a p² + b p by d / (2a) while p lies inside its
     * bounds. Residuals within tolerance still allow a shift of about tolerance times the
     * prices' norm, which moves a nearly flat cost (a = 4.5e-4 $/MW²h) by 4e-3 MW, so the
     * negotiation also waits for this bound. 0 for a manager, a linear cost (its dispatch is
     * not unique) and a position at a bound.
     */
    private double uncertainty(double mailPenalty) {
        double a = data.isManager() ? 0.0 : data.cost().a();
        if (!(a > 0.0) || local.size == 0) {
            return 0.0;
        }
        double net = local.proposedNet();
        if (net <= local.netLow || net >= local.netHigh) {
            return 0.0;
        }
        return mailPenalty * local.largestTargetChange() / (2.0 * a);
    }

    /**
     * Bound on how far its dispatch moves under the last round's dual residual, MW, from its
     * latest {@link #propose} (infinite before it has read any mail in this step).
     */
    double dispatchUncertainty() {
        return dispatchUncertainty;
    }

    /** Reads the partners' last answers without proposing again (the end of a step). */
    void readMail() {
        local.receiveMail(0.5 * relaxation * penalty, relaxation, 0.0);
        local.readMail();
    }

    /** The trade (or pool position) it proposes on {@code slot}, MW. */
    double proposal(int slot) {
        return local.value[slot];
    }

    /** The pool's answer on a pool slot: its price and the mean imbalance of all positions. */
    void hearPool(int slot, double poolPrice, double meanImbalance) {
        local.price[slot] = poolPrice;
        local.moveTarget(slot, relaxation * (local.value[slot] - meanImbalance)
                + (1.0 - relaxation) * local.target[slot], jump);
    }

    /** The consensus trade (or pool position) of a slot, MW. */
    double settledTrade(int slot) {
        return local.target[slot];
    }

    /**
     * What it pays per hour at its settled trades: its cost of the settled injection (none for a
     * manager) plus its trade costs.
     */
    double settledCost() {
        double own = data.isManager() ? 0.0 : data.cost().at(settledInjection());
        return own + local.tradeCost(local.target);
    }

    /**
     * The injection the market settles a peer at: the sum of its consensus trades, moved to the
     * nearest point within its bounds. The sum may lie outside them by the primal residual, and
     * there the cost means nothing: a steep one (2,084 $/MW²h at a fixed -0.88 MW) read 1e-6 MW
     * outside put the objective 4.5e-4 relative below the optimum.
     */
    double settledInjection() {
        return Math.min(local.netHigh, Math.max(local.netLow, local.settledNet()));
    }

    /** Forgets prices and proposals (after a failed step, so no divergence is carried over). */
    void forget() {
        jump = 0.0;
        local.reset();
    }
}
