package agora.market.formulation;

import agora.scenario.Peer;
import agora.scenario.Storage;

/**
 * A storage peer of the problem: its injection is the position {@code position}, and its state
 * of charge ties the steps together ({@link Storage}). The centralized lowering solves the steps
 * of a window as one model with these rows; the accounting reads the state back.
 *
 * @param index    its place in {@link MarketProblem#storages()}
 * @param peer     its index among the tree's peers (scenario order)
 * @param position its position (injection {@code p = discharge - charge})
 */
public record StorageUnit(int index, int peer, int position, Peer owner) {

    public String name() {
        return owner.name();
    }

    public Storage storage() {
        return owner.storage();
    }
}
