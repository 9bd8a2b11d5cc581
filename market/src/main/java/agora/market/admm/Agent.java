package agora.market.admm;

/**
 * A peer, or a collective's manager, negotiating on its own behalf. It is built from its
 * {@link AgentData} alone and from then on only hears messages: a partner's proposed trade on a
 * bilateral slot, a pool's price and mean imbalance on a pool slot, a new penalty. It holds no
 * reference to the scenario, the market tree or any other agent (checked by a test), so it cannot
 * learn anyone else's cost or bounds.
 *
 * <p>Per iteration it solves its {@link LocalProblem} exactly ({@link #propose}), publishes its
 * proposal per slot, and updates each slot's price and consensus target from the answers:
 * bilateral slot: {@code lambda += rho/2 (own + partner)}, {@code t = (own - partner)/2}; pool
 * slot: {@code lambda = pool price}, {@code t = own - mean imbalance}.
 */
final class Agent {
    private final AgentData data;
    private final LocalProblem local;
    private double penalty = 1.0;

    Agent(AgentData data) {
        this.data = data;
        this.local = new LocalProblem(data.slotCount());
    }

    String name() {
        return data.name();
    }

    int slotCount() {
        return local.size;
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
        double saleExtra = data.saleExtra() == null ? 0.0 : data.saleExtra().at(step);
        double purchaseExtra = data.purchaseExtra() == null ? 0.0 : -data.purchaseExtra().at(step);
        for (int j = 0; j < local.size; j++) {
            local.sell[j] = data.slotCost()[j] + saleExtra;
            local.buy[j] = data.slotCost()[j] + purchaseExtra;
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

    /** A penalty broadcast by the coordinator (residual balancing). */
    void setPenalty(double rho) {
        penalty = rho;
    }

    /** Solves its local problem for the current prices and targets. */
    void propose() {
        local.solve(penalty);
    }

    /** The trade (or pool position) it proposes on {@code slot}, MW. */
    double proposal(int slot) {
        return local.value[slot];
    }

    /** The partner's proposal on a bilateral slot: update that trade's price and target. */
    void hearPartner(int slot, double partnerProposal) {
        double own = local.value[slot];
        local.price[slot] += 0.5 * penalty * (own + partnerProposal);
        local.target[slot] = 0.5 * (own - partnerProposal);
    }

    /** The pool's answer on a pool slot: its price and the mean imbalance of all positions. */
    void hearPool(int slot, double poolPrice, double meanImbalance) {
        local.price[slot] = poolPrice;
        local.target[slot] = local.value[slot] - meanImbalance;
    }

    /** Its net position z (a peer's injection; 0 for a manager), MW. */
    double netPosition() {
        return local.net;
    }

    /** What it pays this step at its own proposals, per hour: its cost plus its trade costs. */
    double ownCost() {
        double own = data.isManager() ? 0.0 : data.cost().at(local.net);
        return own + local.tradeCost();
    }

    /** Forgets prices and proposals (after a failed step, so no divergence is carried over). */
    void forget() {
        java.util.Arrays.fill(local.value, 0.0);
        java.util.Arrays.fill(local.price, 0.0);
        java.util.Arrays.fill(local.target, 0.0);
        local.multiplier = 0.0;
        local.net = 0.0;
    }
}
