package agora.market;

import agora.scenario.Clearing;
import java.util.List;

/**
 * One market of the tree: the root market, or the inside of a collective.
 *
 * <ul>
 *   <li>{@link Clearing#BILATERAL}: participants trade pairwise along {@code links}
 *       (formulation (1) of the paper). Inside a collective (not at the root), the first
 *       participant is the collective's {@link Participant.Manager}, which links the members to
 *       the parent market: its net position here is {@code -x}.</li>
 *   <li>{@link Clearing#POOL}: each participant n sells its net position {@code y_n} to the pool,
 *       {@code sum_n y_n = x} where x is the collective's net position in its parent market
 *       (x = 0 for a pool at the root); the dual of that balance is the community price; each
 *       member pays {@code poolFee |y_n|} (formulation (2)). {@code links} is empty.</li>
 * </ul>
 *
 * @param name         the collective's name, or {@link MarketTree#ROOT} for the root market
 * @param participants in a deterministic order (source order, grid first at the root)
 * @param poolFee      per-MWh fee each pool member pays on its pool trade (γ); 0 for bilateral
 */
public record Market(String name, Clearing clearing, List<Participant> participants,
                     List<TradeLink> links, double poolFee) {

    public Market {
        participants = List.copyOf(participants);
        links = List.copyOf(links);
    }

    public boolean isPool() {
        return clearing == Clearing.POOL;
    }

    /** True for the root market (it has no parent and no net position). */
    public boolean isRoot() {
        return MarketTree.ROOT.equals(name);
    }
}
