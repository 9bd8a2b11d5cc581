package agora.market;

import agora.scenario.Peer;

/** One participant of a market: a peer, or a collective that acts through its manager. */
public sealed interface Participant permits Participant.PeerMember, Participant.CollectiveMember {

    /** The scenario name of the peer or collective. */
    String name();

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
}
