package agora.market.admm;

import agora.market.StepOutcome;
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
 * <p>The relay knows only the routing (which slot answers which) and the messages: proposals,
 * and the prices it can recompute from them. It never sees costs or bounds.
 */
final class Negotiation {
    /** Residual balancing (Boyd et al. 2011, §3.4.1): rescale when one residual is 10x the other. */
    static final double BALANCE_RATIO = 10.0;
    static final double PENALTY_FACTOR = 2.0;
    /** Bytes of a message: an 8-byte subject (trade, pool or agent id) and 8 bytes per value. */
    static final int ID_BYTES = 8;
    static final int VALUE_BYTES = 8;

    private final NegotiationPlan plan;
    private final SolverOptions options;
    private final Agent[] agents;
    private final PoolCoordinator[] pools;
    private final double[] linkConsensus;
    private final double[] linkPrice;
    private final Residuals residuals = new Residuals();
    private final MessageCount count = new MessageCount();
    private double rho;

    Negotiation(NegotiationPlan plan, SolverOptions options) {
        this.plan = plan;
        this.options = options;
        this.agents = plan.agents.stream().map(Agent::new).toArray(Agent[]::new);
        this.pools = plan.pools.stream().map(p -> new PoolCoordinator(p.agent().length))
                .toArray(PoolCoordinator[]::new);
        this.linkConsensus = new double[plan.linkCount()];
        this.linkPrice = new double[plan.linkCount()];
        this.rho = options.admmRho();
    }

    /** Messages and bytes of one step. */
    private static final class MessageCount {
        long messages;
        long bytes;

        void add(long count, int values) {
            messages += count;
            bytes += count * (ID_BYTES + (long) values * VALUE_BYTES);
        }
    }

    StepOutcome solve(int step) {
        long started = System.nanoTime();
        count.messages = 0;
        count.bytes = 0;
        for (Agent agent : agents) {
            String problem = agent.prepare(step);
            if (problem != null) {
                SolveStatus status = problem.startsWith("unbounded") ? SolveStatus.UNBOUNDED
                        : SolveStatus.INFEASIBLE;
                return failed(step, status, problem, 0, Double.NaN, Double.NaN, started);
            }
        }
        broadcastPenalty();
        double sqrtSlots = Math.sqrt(plan.slotCount);
        double tolerance = options.tolerance();
        long deadline = started + options.timeLimit().toNanos();
        int maxIterations = options.admmMaxIterations();
        double primal = Double.NaN;
        double dual = Double.NaN;
        for (int iteration = 1; iteration <= maxIterations; iteration++) {
            for (Agent agent : agents) {
                agent.propose();
            }
            residuals.clear();
            relayTrades();
            relayPools();
            primal = residuals.primalNorm();
            dual = residuals.dualNorm(rho);
            double primalTolerance = sqrtSlots * tolerance + tolerance
                    * Math.sqrt(Math.max(residuals.proposals, residuals.consensus));
            double dualTolerance = sqrtSlots * tolerance + tolerance * Math.sqrt(residuals.prices);
            if (primal <= primalTolerance && dual <= dualTolerance) {
                count.add(agents.length, 0);
                return converged(step, iteration, primal, dual, started);
            }
            if (System.nanoTime() > deadline) {
                return failed(step, SolveStatus.TIME_LIMIT, "ADMM stopped at the time limit of "
                        + options.timeLimit().toSeconds() + " s after " + iteration + " iterations: "
                        + residualText(primal, primalTolerance, dual, dualTolerance), iteration,
                        primal, dual, started);
            }
            if (iteration == maxIterations) {
                return failed(step, SolveStatus.NOT_CONVERGED, "ADMM did not converge in "
                        + maxIterations + " iterations: "
                        + residualText(primal, primalTolerance, dual, dualTolerance), iteration,
                        primal, dual, started);
            }
            balancePenalty(primal, dual);
        }
        throw new IllegalArgumentException("admmMaxIterations must be positive, is " + maxIterations);
    }

    private static String residualText(double primal, double primalTolerance, double dual,
                                       double dualTolerance) {
        return String.format("primal residual %.3g (tolerance %.3g), dual residual %.3g "
                + "(tolerance %.3g)", primal, primalTolerance, dual, dualTolerance);
    }

    /** Carries each side's proposal to the other side of every bilateral link. */
    private void relayTrades() {
        int[] agentA = plan.linkAgentA;
        int[] slotA = plan.linkSlotA;
        int[] agentB = plan.linkAgentB;
        int[] slotB = plan.linkSlotB;
        double sumPrimal = 0;
        double sumChange = 0;
        double sumProposals = 0;
        double sumConsensus = 0;
        double sumPrices = 0;
        for (int l = 0; l < linkConsensus.length; l++) {
            Agent a = agents[agentA[l]];
            Agent b = agents[agentB[l]];
            double va = a.proposal(slotA[l]);
            double vb = b.proposal(slotB[l]);
            a.hearPartner(slotA[l], vb);
            b.hearPartner(slotB[l], va);
            double imbalance = 0.5 * (va + vb);
            double consensus = 0.5 * (va - vb);
            double change = consensus - linkConsensus[l];
            linkConsensus[l] = consensus;
            double price = linkPrice[l] + rho * imbalance;
            linkPrice[l] = price;
            sumPrimal += imbalance * imbalance;
            sumChange += change * change;
            sumProposals += va * va + vb * vb;
            sumConsensus += consensus * consensus;
            sumPrices += price * price;
        }
        // each link holds two slots with mirrored x - z, z and lambda
        residuals.primal += 2 * sumPrimal;
        residuals.consensusChange += 2 * sumChange;
        residuals.proposals += sumProposals;
        residuals.consensus += 2 * sumConsensus;
        residuals.prices += 2 * sumPrices;
        count.add(2L * linkConsensus.length, 1);
    }

    /** Members report their pool positions; each pool answers with its price and imbalance. */
    private void relayPools() {
        for (int p = 0; p < pools.length; p++) {
            NegotiationPlan.PoolRoute route = plan.pools.get(p);
            PoolCoordinator pool = pools[p];
            int[] agent = route.agent();
            int[] slot = route.slot();
            for (int i = 0; i < agent.length; i++) {
                pool.hear(i, agents[agent[i]].proposal(slot[i]));
            }
            pool.settle(rho, residuals);
            for (int i = 0; i < agent.length; i++) {
                agents[agent[i]].hearPool(slot[i], pool.price(), pool.meanImbalance());
            }
            // members report up (1 value), the pool answers (price, imbalance); the manager's own
            // position needs no message; the pool reports its 5 residual sums to the relay
            count.add(route.memberCount(), 1);
            count.add(route.memberCount(), 2);
            count.add(1, 5);
        }
    }

    private void balancePenalty(double primal, double dual) {
        if (primal > BALANCE_RATIO * dual) {
            rho *= PENALTY_FACTOR;
            broadcastPenalty();
        } else if (dual > BALANCE_RATIO * primal) {
            rho /= PENALTY_FACTOR;
            broadcastPenalty();
        }
    }

    private void broadcastPenalty() {
        for (Agent agent : agents) {
            agent.setPenalty(rho);
        }
        count.add(agents.length, 1);
    }

    private StepOutcome converged(int step, long iterations, double primal, double dual,
                                  long started) {
        double[] injection = new double[plan.peerAgent.length];
        for (int i = 0; i < injection.length; i++) {
            injection[i] = agents[plan.peerAgent[i]].netPosition();
        }
        double[] linkTrade = linkConsensus.clone();
        double[] marketLinkPrice = new double[linkPrice.length];
        for (int l = 0; l < linkPrice.length; l++) {
            marketLinkPrice[l] = -linkPrice[l];
        }
        double[] marketPrice = new double[plan.marketCount];
        double[] collectiveNet = new double[plan.marketCount];
        for (int m = 0; m < plan.marketCount; m++) {
            int pool = plan.marketPool[m];
            marketPrice[m] = pool < 0 ? Double.NaN : -pools[pool].price();
            collectiveNet[m] = plan.marketManager[m] < 0 ? Double.NaN : netInParent(m);
        }
        double objective = 0.0;
        for (Agent agent : agents) {
            objective += agent.ownCost();
        }
        return new StepOutcome(step, SolveStatus.OPTIMAL, "ADMM converged in " + iterations
                + " iterations", List.of(), objective, injection, linkTrade, marketLinkPrice,
                marketPrice, collectiveNet, stats(iterations, primal, dual, started));
    }

    /** A collective's net position: the sum of its manager's trades in the parent market. */
    private double netInParent(int market) {
        Agent manager = agents[plan.marketManager[market]];
        double sum = 0.0;
        for (int j = 0; j < plan.managerParentSlots[market]; j++) {
            sum += manager.proposal(j);
        }
        return sum;
    }

    /**
     * A step that did not end at the optimum: NaN in every number, so that nothing downstream
     * mistakes it for a result; the next step starts cold.
     */
    private StepOutcome failed(int step, SolveStatus status, String message, long iterations,
                               double primal, double dual, long started) {
        for (Agent agent : agents) {
            agent.forget();
        }
        for (PoolCoordinator pool : pools) {
            pool.forget();
        }
        Arrays.fill(linkConsensus, 0.0);
        Arrays.fill(linkPrice, 0.0);
        rho = options.admmRho();
        return new StepOutcome(step, status, message, List.of(), Double.NaN,
                nans(plan.peerAgent.length), nans(linkPrice.length), nans(linkPrice.length),
                nans(plan.marketCount), nans(plan.marketCount),
                stats(iterations, primal, dual, started));
    }

    private StepOutcome.SolveStats stats(long iterations, double primal, double dual, long started) {
        return new StepOutcome.SolveStats(iterations, primal, dual, count.messages, count.bytes,
                (System.nanoTime() - started) / 1e9);
    }

    private static double[] nans(int length) {
        double[] values = new double[length];
        Arrays.fill(values, Double.NaN);
        return values;
    }
}
