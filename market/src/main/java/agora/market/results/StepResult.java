package agora.market.results;

import agora.market.StepOutcome;
import agora.solver.SolveStatus;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The accounts of one step, derived from a {@link StepOutcome} by {@link Accounting}. Energies are
 * MWh (MW × Δt), money is currency for the step. A step that did not solve to optimality keeps its
 * time, status, message and conflicts; its numbers are NaN and its lists empty.
 *
 * @param welfare         −Δt·objective
 * @param gridImport      energy the grid peer sold into the market, Δt·Σs
 * @param gridExport      energy the grid peer bought from the market, Δt·Σu
 * @param importCost      Δt·Σπ⁺s
 * @param exportRevenue   Δt·Σπ⁻u
 * @param load            Δt·Σ max(0, −p_n) over the peers other than the grid and storage
 * @param exchange        Δt·Σ|P_ab| over trade links between two different outermost collectives
 *                        (the paper's Table 5)
 * @param fees            every per-MWh charge paid on trades by every participant (managers and
 *                        grid included): fees, network charges, preference costs, and the costs
 *                        of the variables a design added (charged to their owners)
 * @param imbalance       budget balance: payments of the peers other than the grid minus the
 *                        grid's external settlement, the fees and the rent of the rows a design
 *                        added ({@link agora.market.StepOutcome#designRent()}, kept by their
 *                        owners) and the congestion rent; about 0 when prices are duals of
 *                        an optimal solution
 * @param congestionRent  what the network operator collected for the step (currency): every
 *                        peer pays Δt·Σ_l price_l·PTDF_l,bus·p on its injection (in its
 *                        payment), which sums to Δt·Σ_l price_l·flow_l; 0 without congestion
 * @param lines           the limited lines' flows and congestion prices, in declaration order
 * @param siblingExchanges the exchange between each pair of sibling collectives a link connects,
 *                        at every level of the collective tree, in the order links are met;
 *                        the pairs of outermost collectives add up to {@code exchange}
 */
public record StepResult(
        int step,
        LocalDateTime time,
        SolveStatus status,
        String message,
        List<String> conflicts,
        double welfare,
        double gridImport,
        double gridExport,
        double importCost,
        double exportRevenue,
        double load,
        double exchange,
        double fees,
        double imbalance,
        double congestionRent,
        List<PeerStep> peers,
        List<TradeStep> trades,
        List<CollectiveStep> collectives,
        List<LineStep> lines,
        List<SiblingExchange> siblingExchanges,
        StepOutcome.SolveStats stats) {

    public StepResult {
        conflicts = List.copyOf(conflicts);
        peers = List.copyOf(peers);
        trades = List.copyOf(trades);
        collectives = List.copyOf(collectives);
        lines = List.copyOf(lines);
        siblingExchanges = List.copyOf(siblingExchanges);
    }

    public boolean isOptimal() {
        return status.isOptimal();
    }
}
