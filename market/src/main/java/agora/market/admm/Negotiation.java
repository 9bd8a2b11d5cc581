package agora.market.admm;

import agora.market.StepOutcome;
import agora.market.formulation.LineLimit;
import agora.solver.SolveStatus;
import agora.solver.SolverOptions;
import java.util.Arrays;
import java.util.List;

/**
 * One negotiation session: the agents, the pools' coordinators, and the relay that carries their
 * messages, counts them, and computes the residuals from what it carries. A session solves one
 * step at a time and keeps its agents' trades and prices, so the next step it solves starts from
 * them (warm start); {@link AdmmSolver} keeps one session per thread.
 *
 * <p>The relay knows only the routing (which mailbox slot answers which) and the messages:
 * proposals, and the prices it recomputes from them. It never sees costs or bounds.
 */
final class Negotiation {
    /**
     * Residual balancing (Boyd et al. 2011, §3.4.1, mu = 10, tau = 2), on the residuals divided
     * by their stopping tolerances so that both reach their own target together, judged every
     * {@link #BALANCE_INTERVAL} iterations. Rebalancing at every iteration can keep rho
     * oscillating between two values for ever (seen on the IEEE 14-bus case), so after
     * {@link #MAX_PENALTY_CHANGES} changes in a step further changes come only at intervals that
     * double with each one ({@link #balanceInterval}), and ADMM's convergence guarantee holds
     * between them. With 5 and 20, a warm-started step whose residual sat on a plateau (two idle
     * trades priced far off) spent the whole budget doubling rho within 100 iterations and then
     * crawled back for 10,000 (8 of 17,520 IEEE 14-bus full-design steps did not converge; 0
     * with 10 and 40). An imbalance that asks for the same move at {@link #PERSISTENT_CHECKS}
     * checks in a row is not an oscillation, and rho moves then even while held back: without
     * that, a nested market (wide random seed 187) kept a primal residual 300 times the dual one
     * for thousands of rounds at 1/64 of the rho it needed. Holding back only reversals instead
     * let the IEEE 14-bus limits case cycle rho through 0.5-4 for 10,000 rounds per step.
     * rho stays within {@link #PENALTY_RANGE} of the configured value either way.
     */
    static final double BALANCE_RATIO = 10.0;
    static final double PENALTY_FACTOR = 2.0;
    static final int BALANCE_INTERVAL = 10;
    static final int MAX_PENALTY_CHANGES = 40;
    /**
     * Consecutive checks asking rho to move the same way after which it moves even while held
     * back: an imbalance that persists for 200 rounds is not an oscillation.
     */
    static final int PERSISTENT_CHECKS = 20;
    /** How far rho may move from the configured one, either way (a factor). */
    static final double PENALTY_RANGE = 1e8;

    /** Iterations after a step's {@code changes}-th change of rho before the next may come. */
    static int balanceInterval(int changes) {
        int beyond = changes - MAX_PENALTY_CHANGES;
        return beyond < 0 ? BALANCE_INTERVAL : BALANCE_INTERVAL << Math.min(20, beyond + 1);
    }
    /**
     * Over-relaxation (Boyd et al. §3.4.3). alpha = 1.6 halved the iterations on the IEEE 14-bus
     * case but stalled for good on a degenerate market (a bilateral collective whose manager has
     * zero-cost links on both sides: residuals frozen for 10,000 iterations, where alpha = 1
     * converges in 1,700), so the negotiation runs plain ADMM.
     */
    static final double RELAXATION = 1.0;
    /** Bytes of a message: an 8-byte subject (trade, pool or agent id) and 8 bytes per value. */
    static final int ID_BYTES = 8;
    static final int VALUE_BYTES = 8;

    private final NegotiationPlan plan;
    private final SolverOptions options;
    private final Workers workers;
    private final Agent[] agents;
    private final double[][] mailboxes;
    private final PoolCoordinator[] pools;
    /** The network operator, with line limits; null without. */
    private final NetworkOperator operator;
    private final double[] linkConsensus;
    private final double[] linkPrice;
    /** The last change of each link's consensus trade, for {@link Extrapolation}. */
    private final double[] linkStep;
    private final Extrapolation extrapolation = new Extrapolation();
    private final Residuals[] chunkResiduals;
    private final Residuals residuals = new Residuals();
    private final double alpha;
    private long messages;
    private long bytes;
    private double rho;

    Negotiation(NegotiationPlan plan, SolverOptions options, Workers workers) {
        this.plan = plan;
        this.options = options;
        this.workers = workers;
        this.agents = plan.agents.stream().map(Agent::new).toArray(Agent[]::new);
        this.operator = plan.hasNetwork()
                ? new NetworkOperator(plan.networkFactors, plan.lineCapacities) : null;
        // the operator's mailbox after the agents': the routing tables name it so
        this.mailboxes = new double[agents.length + 1][];
        for (int i = 0; i < agents.length; i++) {
            mailboxes[i] = agents[i].mailbox();
        }
        mailboxes[agents.length] = operator == null ? new double[0] : operator.mailbox();
        this.pools = plan.pools.stream().map(p -> new PoolCoordinator(p.agent().length))
                .toArray(PoolCoordinator[]::new);
        this.linkConsensus = new double[plan.linkCount()];
        this.linkPrice = new double[plan.linkCount()];
        this.linkStep = new double[plan.linkCount()];
        this.chunkResiduals = new Residuals[workers.chunks()];
        Arrays.setAll(chunkResiduals, c -> new Residuals());
        this.alpha = RELAXATION;
        this.rho = options.admmRho();
        for (Agent agent : agents) {
            agent.setRelaxation(alpha);
        }
        if (operator != null) {
            operator.setRelaxation(alpha);
        }
    }

    StepOutcome solve(int step) {
        long started = System.nanoTime();
        messages = 0;
        bytes = 0;
        for (Agent agent : agents) {
            String problem = agent.prepare(step);
            if (problem != null) {
                SolveStatus status = problem.startsWith("unbounded") ? SolveStatus.UNBOUNDED
                        : SolveStatus.INFEASIBLE;
                return failed(step, status, problem, 0, Double.NaN, Double.NaN, started);
            }
        }
        if (operator != null) {
            operator.prepare(step);
        }
        broadcastPenalty();
        extrapolation.reset();
        // each injection row holds two slots: the peer's announcement and the operator's answer
        double sqrtSlots = Math.sqrt(plan.slotCount + 2.0 * plan.networkPeers.length);
        double tolerance = options.tolerance();
        long deadline = started + options.timeLimit().toNanos();
        int maxIterations = options.admmMaxIterations();
        int penaltyChanges = 0;
        int lastDirection = 0;
        int streak = 0;
        int nextBalance = BALANCE_INTERVAL;
        for (int iteration = 1; ; iteration++) {
            boolean readMail = iteration > 1;
            workers.run(agents.length, (chunk, from, to) -> {
                for (int i = from; i < to; i++) {
                    agents[i].propose(readMail);
                }
            });
            if (operator != null) {
                operator.propose(readMail);
            }
            relayTrades();
            settlePools();
            double primal = residuals.primalNorm();
            double dual = residuals.dualNorm(rho);
            double primalTolerance = sqrtSlots * tolerance + tolerance
                    * Math.sqrt(Math.max(residuals.proposals, residuals.consensus));
            double dualTolerance = sqrtSlots * tolerance + tolerance * Math.sqrt(residuals.prices);
            double uncertainty = dispatchUncertainty();
            if (primal <= primalTolerance && dual <= dualTolerance && uncertainty <= primalTolerance) {
                answerPools();
                return converged(step, iteration, primal, dual, started);
            }
            if (System.nanoTime() > deadline) {
                return failed(step, SolveStatus.TIME_LIMIT, "ADMM stopped at the time limit of "
                        + options.timeLimit().toSeconds() + " s after " + iteration + " iterations: "
                        + residualText(primal, primalTolerance, dual, dualTolerance, uncertainty),
                        iteration, primal, dual, started);
            }
            if (iteration >= maxIterations) {
                return failed(step, SolveStatus.NOT_CONVERGED, "ADMM did not converge in "
                        + maxIterations + " iterations: "
                        + residualText(primal, primalTolerance, dual, dualTolerance, uncertainty),
                        iteration, primal, dual, started);
            }
            // a jump takes the place of this round's rebalancing: rho is judged again on the
            // residuals of the point jumped to
            double jump = extrapolation.straight(residuals)
                    ? extrapolation.accept(stepsToKink()) : 0.0;
            if (jump > 0.0) {
                extrapolate(jump);
            } else if (iteration % BALANCE_INTERVAL == 0) {
                int direction = balanceDirection(primal / primalTolerance, dual / dualTolerance);
                streak = direction != 0 && direction == lastDirection ? streak + 1 : 1;
                lastDirection = direction;
                if (direction != 0 && (iteration >= nextBalance || streak >= PERSISTENT_CHECKS)) {
                    changePenalty(direction);
                    penaltyChanges++;
                    nextBalance = iteration + balanceInterval(penaltyChanges);
                    streak = 0;
                }
            }
            answerPools();
        }
    }

    private static String residualText(double primal, double primalTolerance, double dual,
                                       double dualTolerance, double uncertainty) {
        return String.format("primal residual %.3g (tolerance %.3g), dual residual %.3g "
                + "(tolerance %.3g), dispatch uncertainty %.3g MW (tolerance %.3g)", primal,
                primalTolerance, dual, dualTolerance, uncertainty, primalTolerance);
    }

    /**
     * The largest {@link Agent#dispatchUncertainty()}: each agent reports its own bound (one
     * value), so no one learns another's cost.
     */
    private double dispatchUncertainty() {
        double largest = 0.0;
        for (Agent agent : agents) {
            largest = Math.max(largest, agent.dispatchUncertainty());
        }
        countMessages(agents.length, 1);
        return largest;
    }

    /**
     * Carries each side's proposal to the other side's mailbox for every bilateral link, and
     * keeps the link's consensus trade and price for the residuals and the outcome.
     */
    private void relayTrades() {
        workers.run(linkConsensus.length, this::relayTrades);
        residuals.clear();
        for (Residuals partial : chunkResiduals) {
            residuals.add(partial);
        }
        countMessages(2L * linkConsensus.length, 1);
    }

    private void relayTrades(int chunk, int from, int to) {
        int[] agentA = plan.linkAgentA;
        int[] slotA = plan.linkSlotA;
        int[] agentB = plan.linkAgentB;
        int[] slotB = plan.linkSlotB;
        double keep = 1.0 - alpha;
        double step = alpha * rho * 0.5;
        double sumPrimal = 0;
        double sumChange = 0;
        double sumProposals = 0;
        double sumConsensus = 0;
        double sumPrices = 0;
        double sumTurn = 0;
        for (int l = from; l < to; l++) {
            double[] boxA = mailboxes[agentA[l]];
            double[] boxB = mailboxes[agentB[l]];
            int a = 2 * slotA[l];
            int b = 2 * slotB[l];
            double va = boxA[a];
            double vb = boxB[b];
            boxA[a + 1] = vb;
            boxB[b + 1] = va;
            double previous = linkConsensus[l];
            double consensus = alpha * 0.5 * (va - vb) + keep * previous;
            linkConsensus[l] = consensus;
            double change = consensus - previous;
            double turn = change - linkStep[l];
            linkStep[l] = change;
            sumTurn += turn * turn;
            double price = linkPrice[l] + step * (va + vb);
            linkPrice[l] = price;
            double gapA = va - consensus;
            double gapB = vb + consensus;
            sumPrimal += gapA * gapA + gapB * gapB;
            sumChange += change * change;
            sumProposals += va * va + vb * vb;
            sumConsensus += consensus * consensus;
            sumPrices += price * price;
        }
        // each link holds two slots with mirrored consensus and equal prices
        Residuals partial = chunkResiduals[chunk];
        partial.primal = sumPrimal;
        partial.consensusChange = 2 * sumChange;
        partial.proposals = sumProposals;
        partial.consensus = 2 * sumConsensus;
        partial.prices = 2 * sumPrices;
        partial.velocityChange = 2 * sumTurn;
    }

    /** Members report their pool positions; each pool settles its price and residual sums. */
    private void settlePools() {
        for (int p = 0; p < pools.length; p++) {
            NegotiationPlan.PoolRoute route = plan.pools.get(p);
            PoolCoordinator pool = pools[p];
            int[] agent = route.agent();
            int[] slot = route.slot();
            for (int i = 0; i < agent.length; i++) {
                pool.hear(i, agents[agent[i]].proposal(slot[i]));
            }
            pool.settle(rho, alpha, residuals);
            // members report up (1 value), the manager's own position needs no message; the
            // pool reports its 7 residual sums to the relay
            countMessages(route.memberCount(), 1);
            countMessages(1, 7);
        }
    }

    /** Each pool answers its members with its price and mean imbalance. */
    private void answerPools() {
        for (int p = 0; p < pools.length; p++) {
            NegotiationPlan.PoolRoute route = plan.pools.get(p);
            PoolCoordinator pool = pools[p];
            int[] agent = route.agent();
            int[] slot = route.slot();
            for (int i = 0; i < agent.length; i++) {
                agents[agent[i]].hearPool(slot[i], pool.price(), pool.meanImbalance());
            }
            countMessages(route.memberCount(), 2);
        }
    }

    /** Fewest last changes after which a consensus trade or pool position would reach zero. */
    private double stepsToKink() {
        double fewest = Double.POSITIVE_INFINITY;
        for (int l = 0; l < linkConsensus.length; l++) {
            fewest = Math.min(fewest, Extrapolation.stepsToZero(linkConsensus[l], linkStep[l]));
        }
        for (PoolCoordinator pool : pools) {
            fewest = Math.min(fewest, pool.stepsToKink());
        }
        return fewest;
    }

    /**
     * Jumps {@code steps} consensus steps ahead along a straight-line phase ({@link Extrapolation}):
     * the relay's and pools' consensus now, every agent's targets as it reads its next answers.
     */
    private void extrapolate(double steps) {
        for (int l = 0; l < linkConsensus.length; l++) {
            linkConsensus[l] += steps * linkStep[l];
        }
        for (PoolCoordinator pool : pools) {
            pool.extrapolate(steps);
        }
        for (Agent agent : agents) {
            agent.extrapolate(steps);
        }
        if (operator != null) {
            operator.extrapolate(steps);
        }
        countMessages(agents.length + (operator == null ? 0 : 1), 1);
    }

    /**
     * Which way rho should move: +1 (double) when the scaled primal residual is far above the
     * dual one, -1 (halve) in the opposite case, 0 when they are within the balance ratio.
     */
    private static int balanceDirection(double scaledPrimal, double scaledDual) {
        if (scaledPrimal > BALANCE_RATIO * scaledDual) {
            return 1;
        }
        return scaledDual > BALANCE_RATIO * scaledPrimal ? -1 : 0;
    }

    /** Doubles or halves rho, within {@link #PENALTY_RANGE} of the configured one, and says so. */
    private void changePenalty(int direction) {
        double next = direction > 0 ? rho * PENALTY_FACTOR : rho / PENALTY_FACTOR;
        double configured = options.admmRho();
        rho = Math.max(configured / PENALTY_RANGE, Math.min(configured * PENALTY_RANGE, next));
        broadcastPenalty();
    }

    /** Tells every agent the penalty (unscaled duals need no rescaling when it changes). */
    private void broadcastPenalty() {
        for (Agent agent : agents) {
            agent.setPenalty(rho);
        }
        if (operator != null) {
            operator.setPenalty(rho);
        }
        countMessages(agents.length + (operator == null ? 0 : 1), 1);
    }

    private void countMessages(long count, int values) {
        messages += count;
        bytes += count * (ID_BYTES + (long) values * VALUE_BYTES);
    }

    private StepOutcome converged(int step, long iterations, double primal, double dual,
                                  long started) {
        // the stop signal: agents read their last mail, so their targets are the final consensus
        countMessages(agents.length, 0);
        workers.run(agents.length, (chunk, from, to) -> {
            for (int i = from; i < to; i++) {
                agents[i].readMail();
            }
        });
        if (operator != null) {
            operator.readMail();
        }
        double[] injection = new double[plan.peerAgent.length];
        for (int i = 0; i < injection.length; i++) {
            injection[i] = agents[plan.peerAgent[i]].settledInjection();
        }
        double[] marketLinkPrice = new double[plan.marketLinks];
        for (int l = 0; l < marketLinkPrice.length; l++) {
            marketLinkPrice[l] = -linkPrice[l];
        }
        double objective = 0.0;
        for (Agent agent : agents) {
            objective += agent.settledCost();
        }
        double[] slotValues = new double[plan.slotCount];
        for (int k = 0; k < slotValues.length; k++) {
            slotValues[k] = agents[plan.slotAgent[k]].settledTrade(plan.slotLocal[k]);
        }
        double[] couplingPrices = new double[plan.problem.couplings().size()];
        Arrays.fill(couplingPrices, Double.NaN);
        for (int l = 0; l < marketLinkPrice.length; l++) {
            couplingPrices[plan.problem.linkCoupling(l).index()] = marketLinkPrice[l];
        }
        for (int p = 0; p < pools.length; p++) {
            couplingPrices[plan.pools.get(p).coupling()] = -pools[p].price();
        }
        double[] marketPrice = new double[plan.marketCount];
        double[] collectiveNet = new double[plan.marketCount];
        for (int m = 0; m < plan.marketCount; m++) {
            marketPrice[m] = plan.problem.priceCoupling(m).map(c -> couplingPrices[c.index()])
                    .orElse(Double.NaN);
            collectiveNet[m] = plan.marketManager[m] < 0 ? Double.NaN : netInParent(m);
        }
        // every limited line's flow at the settled injections; the operator's prices on the
        // lines that can bind, 0 on the others
        List<LineLimit> limits = plan.problem.lineLimits();
        double[] lineFlows = new double[limits.size()];
        double[] linePrices = new double[limits.size()];
        if (!limits.isEmpty()) {
            double[] byPosition = new double[plan.problem.positions().size()];
            for (int k = 0; k < injection.length; k++) {
                byPosition[plan.problem.peerPosition(k)] = injection[k];
            }
            for (LineLimit line : limits) {
                lineFlows[line.index()] = line.flow(byPosition);
            }
            double[] prices = operator == null ? new double[0] : operator.congestionPrices();
            for (int l = 0; l < prices.length; l++) {
                linePrices[plan.operatorLines[l]] = prices[l];
            }
        }
        return new StepOutcome(step, SolveStatus.OPTIMAL, "ADMM converged in " + iterations
                + " iterations", List.of(), objective, injection,
                Arrays.copyOf(linkConsensus, plan.marketLinks), marketLinkPrice, marketPrice,
                collectiveNet, slotValues, couplingPrices, new double[0], 0.0, lineFlows,
                linePrices, stats(iterations, primal, dual, started));
    }

    /** A collective's net position: the sum of its manager's settled trades in the parent market. */
    private double netInParent(int market) {
        Agent manager = agents[plan.marketManager[market]];
        double sum = 0.0;
        for (int j = 0; j < plan.managerParentSlots[market]; j++) {
            sum += manager.settledTrade(j);
        }
        return sum;
    }

    /**
     * A step that did not end at the optimum: NaN in every number, so that nothing downstream
     * mistakes it for a result; the session forgets everything, so the next step starts cold.
     */
    private StepOutcome failed(int step, SolveStatus status, String message, long iterations,
                               double primal, double dual, long started) {
        for (Agent agent : agents) {
            agent.forget();
        }
        for (PoolCoordinator pool : pools) {
            pool.forget();
        }
        if (operator != null) {
            operator.forget();
        }
        Arrays.fill(linkConsensus, 0.0);
        Arrays.fill(linkPrice, 0.0);
        Arrays.fill(linkStep, 0.0);
        rho = options.admmRho();
        return StepOutcome.failed(step, status, message, List.of(), plan.problem,
                stats(iterations, primal, dual, started));
    }

    private StepOutcome.SolveStats stats(long iterations, double primal, double dual, long started) {
        return new StepOutcome.SolveStats(iterations, primal, dual, messages, bytes,
                (System.nanoTime() - started) / 1e9);
    }
}
