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
 * @param load            Δt·Σ max(0, −p_n) over the peers other than the grid
 * @param exchange        Δt·Σ|P_ab| over trade links between two different collectives
 * @param fees            every per-MWh charge paid on trades by every participant (managers and
 *                        grid included): fees, network charges, preference costs, and the costs
 *                        of the variables a design added (charged to their owners)
 * @param imbalance       budget balance: payments of the peers other than the grid minus the
 *                        grid's external settlement, the fees and the rent of the rows a design
 *                        added ({@link agora.market.StepOutcome#designRent()}, kept by their
 *                        owners); about 0 when prices are duals of an optimal solution
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
        List<PeerStep> peers,
        List<TradeStep> trades,
        List<CollectiveStep> collectives,
        StepOutcome.SolveStats stats) {

    public StepResult {
        conflicts = List.copyOf(conflicts);
        peers = List.copyOf(peers);
        trades = List.copyOf(trades);
        collectives = List.copyOf(collectives);
    }

    public boolean isOptimal() {
        return status.isOptimal();
    }
}
