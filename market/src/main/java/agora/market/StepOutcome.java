package agora.market;

import agora.market.formulation.MarketProblem;
import agora.solver.SolveStatus;
import java.util.List;

/**
 * The market outcome of one time step, whichever way it was solved (centralized on a backend, or
 * decomposed). Everything reported (costs, payments, welfare, imports, budget balance) is derived
 * from these numbers and the scenario by {@code agora.market.results}.
 *
 * <p>Indices: {@code injection} by peer in scenario order; {@code linkTrade} and
 * {@code linkPrice} by {@link MarketTree#links()}; {@code marketPrice} and {@code collectiveNet} by
 * {@link MarketTree#markets()}.
 *
 * @param objective     optimal hourly objective (currency/h): all peers' costs incl. the grid's,
 *                      trade costs and fees; welfare of the step = -Δt * objective
 * @param injection     p_n, MW (positive = produces)
 * @param linkTrade     P_ab, MW: a's sale to b along the link (negative = a buys)
 * @param linkPrice     bilateral price of the link (dual of reciprocity), currency/MWh
 * @param marketPrice   pool price of a pool market (dual of its balance); NaN for bilateral
 * @param collectiveNet net position x of the market's collective in its parent (MW, positive =
 *                      exports); NaN for the root
 * @param slotValues    the value of every trade slot of the market problem (MW, the owner's sale),
 *                      by {@link agora.market.formulation.MarketProblem#slots()}; a link's side a
 *                      is {@code linkTrade}, side b its negative
 * @param couplingPrices the dual of every coupling row (currency/MWh), by
 *                      {@link agora.market.formulation.MarketProblem#couplings()}: bilateral
 *                      prices, community prices and the prices of pools' outside exchange
 * @param designValues  values of the variables the design added, by their index in
 *                      {@link agora.market.formulation.DesignTerms#variables()}
 * @param designRent    what the owners of the rows a design added collect per hour because
 *                      those rows bind: {@code -sum dual × activity} (currency/h; 0 without
 *                      added rows). A binding limit makes members pay more than the energy
 *                      and fees cost, and the difference stays with the limit's owner, as a
 *                      congestion rent does
 * @param lineFlows     DC flow of every limited line (MW, from its {@code from} bus to its
 *                      {@code to} bus), by {@link MarketProblem#lineLimits()}
 * @param linePrices    congestion price of every limited line (currency/MWh, the dual of its
 *                      limit: positive when congested in its own direction, 0 when not
 *                      congested), by {@link MarketProblem#lineLimits()}
 * @param storage       per storage unit of {@link MarketProblem#storages()}, three numbers: its
 *                      charge (MW, drawn), its discharge (MW, delivered) and its state of charge
 *                      at the end of the step (MWh); empty without storage
 */
public record StepOutcome(
        int step,
        SolveStatus status,
        String message,
        List<String> conflicts,
        double objective,
        double[] injection,
        double[] linkTrade,
        double[] linkPrice,
        double[] marketPrice,
        double[] collectiveNet,
        double[] slotValues,
        double[] couplingPrices,
        double[] designValues,
        double designRent,
        double[] lineFlows,
        double[] linePrices,
        SolveStats stats,
        double[] storage) {

    /** Numbers per storage unit in {@code storage}: charge, discharge, state of charge. */
    public static final int STORAGE_VALUES = 3;

    /** An outcome without storage. */
    public StepOutcome(int step, SolveStatus status, String message, List<String> conflicts,
                       double objective, double[] injection, double[] linkTrade, double[] linkPrice,
                       double[] marketPrice, double[] collectiveNet, double[] slotValues,
                       double[] couplingPrices, double[] designValues, double designRent,
                       double[] lineFlows, double[] linePrices, SolveStats stats) {
        this(step, status, message, conflicts, objective, injection, linkTrade, linkPrice,
                marketPrice, collectiveNet, slotValues, couplingPrices, designValues, designRent,
                lineFlows, linePrices, stats, new double[0]);
    }

    /** An outcome of a design that adds no terms of its own, on a network without line limits. */
    public StepOutcome(int step, SolveStatus status, String message, List<String> conflicts,
                       double objective, double[] injection, double[] linkTrade, double[] linkPrice,
                       double[] marketPrice, double[] collectiveNet, double[] slotValues,
                       double[] couplingPrices, SolveStats stats) {
        this(step, status, message, conflicts, objective, injection, linkTrade, linkPrice,
                marketPrice, collectiveNet, slotValues, couplingPrices, new double[0], 0.0,
                new double[0], new double[0], stats);
    }

    /** This outcome with another message. */
    public StepOutcome withMessage(String newMessage) {
        return new StepOutcome(step, status, newMessage, conflicts, objective, injection, linkTrade,
                linkPrice, marketPrice, collectiveNet, slotValues, couplingPrices, designValues,
                designRent, lineFlows, linePrices, stats, storage);
    }

    /**
     * This outcome with its storage's charge, discharge and state of charge and the hourly cost
     * of their cycling added to the objective (the storage's part of the window's objective).
     */
    public StepOutcome withStorage(double[] values, double cyclingCost) {
        return new StepOutcome(step, status, message, conflicts, objective + cyclingCost, injection,
                linkTrade, linkPrice, marketPrice, collectiveNet, slotValues, couplingPrices,
                designValues, designRent, lineFlows, linePrices, stats, values);
    }

    /** Charging power of storage unit {@code u} (MW, drawn from the market). */
    public double storageCharge(int u) {
        return storage[STORAGE_VALUES * u];
    }

    /** Discharging power of storage unit {@code u} (MW, delivered to the market). */
    public double storageDischarge(int u) {
        return storage[STORAGE_VALUES * u + 1];
    }

    /** State of charge of storage unit {@code u} at the end of the step (MWh). */
    public double storageState(int u) {
        return storage[STORAGE_VALUES * u + 2];
    }

    /**
     * A step without an optimal solution: NaN in every number, so that nothing downstream
     * mistakes it for a result.
     */
    public static StepOutcome failed(int step, SolveStatus status, String message,
                                     List<String> conflicts, MarketProblem problem, SolveStats stats) {
        int links = problem.linkCount();
        int markets = problem.tree().markets().size();
        return new StepOutcome(step, status, message, conflicts, Double.NaN,
                nan(problem.tree().peers().size()), nan(links), nan(links), nan(markets),
                nan(markets), nan(problem.slots().size()), nan(problem.couplings().size()),
                nan(problem.terms().variables().size()), Double.NaN,
                nan(problem.lineLimits().size()), nan(problem.lineLimits().size()), stats,
                nan(STORAGE_VALUES * problem.storages().size()));
    }

    private static double[] nan(int n) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, Double.NaN);
        return v;
    }

    /**
     * The congestion rent of the step (currency/h): {@code sum_l price_l × flow_l}, what the
     * network operator collects from peers' locational charges because lines bind; 0 without
     * congestion.
     */
    public double congestionRent() {
        double rent = 0.0;
        for (int l = 0; l < lineFlows.length; l++) {
            rent += linePrices[l] * lineFlows[l];
        }
        return rent;
    }

    public boolean isOptimal() {
        return status.isOptimal();
    }

    /**
     * How the trades of a step were chosen. Welfare fixes the dispatch but, when several trades
     * cost the same per MWh, not how it is split among trading partners.
     */
    public enum TradeAllocation {
        /** the trades the welfare-optimal solve (or the decomposed solver) returned */
        AS_SOLVED,
        /**
         * the trades the welfare-optimal solve returned, known to be the only ones: no bilateral
         * market's links close a cycle, so the dispatch fixes every trade
         */
        UNIQUE,
        /**
         * the welfare-optimal trades of least Euclidean norm, from a second solve with the
         * dispatch fixed: unique, so identical on every backend
         */
        MINIMUM_NORM
    }

    /**
     * How the step was solved.
     *
     * @param iterations     solver or ADMM iterations
     * @param primalResidual ADMM primal residual at exit (NaN for centralized)
     * @param dualResidual   ADMM dual residual at exit (NaN for centralized)
     * @param messages       ADMM messages exchanged (0 for centralized)
     * @param bytes          ADMM bytes exchanged (0 for centralized)
     * @param seconds        wall time of the step
     * @param allocation     how the reported trades were chosen
     * @param tradeShift     for {@link TradeAllocation#MINIMUM_NORM}: the largest change of a trade
     *                       (MW) from the welfare solve's trades to the reported ones; clearly
     *                       above the solver tolerance it shows the trades were not unique. NaN
     *                       otherwise
     */
    public record SolveStats(long iterations, double primalResidual, double dualResidual,
                             long messages, long bytes, double seconds,
                             TradeAllocation allocation, double tradeShift) {

        /** Stats of trades reported as solved (no minimum-norm allocation). */
        public SolveStats(long iterations, double primalResidual, double dualResidual,
                          long messages, long bytes, double seconds) {
            this(iterations, primalResidual, dualResidual, messages, bytes, seconds,
                    TradeAllocation.AS_SOLVED, Double.NaN);
        }
    }
}
