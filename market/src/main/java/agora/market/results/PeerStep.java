package agora.market.results;

/**
 * What one peer did in one step.
 *
 * @param peer    the peer's name
 * @param p       net injection p_n in MW (positive = produces)
 * @param energy  p_n·Δt in MWh (energy = MW × Δt)
 * @param cost    Δt·C_n(p_n); for the grid peer its external settlement Δt·Σ(π⁺s − π⁻u)
 * @param payment what the peer pays in the market for the step, in currency (negative =
 *                receives): trades settled at their prices plus the per-MWh charges it pays on
 *                its own trades (fees, network charges, preference costs)
 */
public record PeerStep(String peer, double p, double energy, double cost, double payment) {
}
