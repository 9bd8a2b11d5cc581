package agora.market;

import agora.scenario.Clearing;
import agora.scenario.Peer;
import java.util.List;

/**
 * One market of the tree: the root market, or the inside of a collective.
 *
 * <ul>
 *   <li>{@link Clearing#BILATERAL}: participants trade pairwise along {@code links}
 *       (formulation (1) of the paper). Inside a collective (not at the root), the first
 *       participant is the collective's {@link Participant.Manager}, which links the members to
 *       the parent market: its net position here is {@code -x}.</li>
 *   <li>{@link Clearing#POOL} (formulation (2) of the paper): each member n trades with the
 *       other members through the pool ({@code q_n}, {@code sum q = 0}, whose dual is the
 *       community price), paying {@code poolFee |q_n|} (γ), and with the outside through the
 *       collective's manager ({@code e_n}, the export β_n minus the import α_n, free of γ;
 *       {@code sum e = x}, the collective's net position in its parent market). At the root a
 *       pool has no outside. When {@code settlesWith} names the grid, the members' outside
 *       trades are settled at the grid's prices, each member's import at π⁺ and export at π⁻
 *       (the paper's {@code G(q_imp, q_exp)}), and the collective's link with that grid is a
 *       connection without price; otherwise they are priced in the parent market, where the
 *       manager trades their net ({@code sum_m P_nm = q_exp - q_imp}, formulation (3)).
 *       {@code links} is empty.</li>
 * </ul>
 *
 * @param name         the collective's name, or {@link MarketTree#ROOT} for the root market
 * @param participants in a deterministic order (source order, grid first at the root)
 * @param poolFee      per-MWh fee each pool member pays on its pool trade (γ); 0 for bilateral
 * @param settlesWith  for a pool, the grid at whose prices its members trade with the outside;
 *                     null otherwise
 */
public record Market(String name, Clearing clearing, List<Participant> participants,
                     List<TradeLink> links, double poolFee, Peer settlesWith) {

    public Market {
        participants = List.copyOf(participants);
        links = List.copyOf(links);
        if (settlesWith != null && (clearing != Clearing.POOL || !settlesWith.isGrid())) {
            throw new IllegalArgumentException("market '" + name + "': only a pool settles with a grid peer");
        }
    }

    /** A market whose pool members (if any) trade with the outside in the parent market. */
    public Market(String name, Clearing clearing, List<Participant> participants,
                  List<TradeLink> links, double poolFee) {
        this(name, clearing, participants, links, poolFee, null);
    }

    public boolean isPool() {
        return clearing == Clearing.POOL;
    }

    /** True for the root market (it has no parent and no net position). */
    public boolean isRoot() {
        return MarketTree.ROOT.equals(name);
    }
}
