package agora.market;

import agora.scenario.Peer;

/**
 * One participant of a market: a peer, a collective that acts through its manager in its parent's
 * market, or (inside a bilateral collective) that collective's own manager.
 */
public sealed interface Participant
        permits Participant.PeerMember, Participant.CollectiveMember, Participant.Manager {

    /** The scenario name of the peer or collective. */
    String name();

    /**
     * May this participant sell in its market: producers and prosumers whose upper bound is above
     * 0 in some step, the grid, managers.
     */
    default boolean maySell() {
        return !(this instanceof PeerMember p) || p.peer().kind().maySell() && p.peer().pmax().max() > 0;
    }

    /**
     * May this participant buy in its market: consumers and prosumers whose lower bound is below
     * 0 in some step, the grid, managers. A peer fixed at 0 MW neither sells nor buys, so it gets
     * no trades at all.
     */
    default boolean mayBuy() {
        return !(this instanceof PeerMember p) || p.peer().kind().mayBuy() && p.peer().pmin().min() < 0;
    }

    /** True for a peer that can neither sell nor buy: fixed at 0 MW in every step. */
    default boolean isIdle() {
        return !maySell() && !mayBuy();
    }

    /** The peer behind this participant, if it is a peer. */
    default java.util.Optional<Peer> asPeer() {
        return this instanceof PeerMember p ? java.util.Optional.of(p.peer())
                : java.util.Optional.empty();
    }

    /** A peer taking part directly. */
    record PeerMember(Peer peer) implements Participant {
        @Override
        public String name() {
            return peer.name();
        }
    }

    /**
     * A collective whose manager clears {@code inner} and takes its net position (sum of the
     * members' net injections) into this market.
     */
    record CollectiveMember(Market inner) implements Participant {
        @Override
        public String name() {
            return inner.name();
        }
    }

    /**
     * The manager of a bilateral collective, as a participant of that collective's own market:
     * it trades bilaterally with the members and passes the balance on to the parent market, so
     * its net position in the inner market is {@code -x} (it buys from the members what the
     * collective exports). Pools need no such participant: the pool balance plays its part.
     *
     * @param name the collective's name
     */
    record Manager(String name) implements Participant {
    }
}
