package agora.market.formulation;

import agora.scenario.Peer;
import agora.scenario.QuadraticCost;
import agora.solver.Origin;

/**
 * A net position of the market problem: a peer's injection {@code p_n} (MW, positive produces),
 * within its bounds of the step and priced by its cost, or a collective's net position
 * {@code x_K} in its parent market (free, costless). The grid's injection is free and costless:
 * it is priced per trade ({@link SlotPrice}).
 *
 * @param index  position in {@link MarketProblem#positions()}: peers in scenario order, then
 *               collectives in market order
 * @param name   the peer's or collective's name
 * @param peer   the peer; null for a collective
 * @param market for a collective, the index of its own market; -1 for a peer
 */
public record Position(int index, String name, Peer peer, int market, Origin origin) {

    public boolean isCollective() {
        return peer == null;
    }

    /** Free and costless: a collective's net position or the grid's injection. */
    public boolean isFree() {
        return peer == null || peer.isGrid();
    }

    public double lower(int step) {
        return isFree() ? Double.NEGATIVE_INFINITY : peer.pmin().at(step);
    }

    public double upper(int step) {
        return isFree() ? Double.POSITIVE_INFINITY : peer.pmax().at(step);
    }

    /** Hourly cost of the position; zero when it is free. */
    public QuadraticCost cost() {
        return isFree() ? QuadraticCost.ZERO : peer.cost();
    }
}
