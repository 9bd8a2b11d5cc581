package agora.market.formulation;

import agora.scenario.Peer;

/**
 * One agent of the market problem: a peer, or a collective's manager. In the decomposed solve
 * each party solves only its own problem; in the accounting each pays for its own slots.
 *
 * @param index    position in {@link MarketProblem#parties()}
 * @param name     the peer's or collective's name
 * @param peer     the peer; null for a manager
 * @param position index of its net position in {@link MarketProblem#positions()}: the peer's
 *                 injection, or the collective's net position in the parent market
 */
public record Party(int index, String name, Peer peer, int position) {

    public boolean isManager() {
        return peer == null;
    }
}
