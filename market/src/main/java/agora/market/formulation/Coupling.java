package agora.market.formulation;

import agora.solver.Origin;

/**
 * A row that ties the slots of different parties: the sum of its slots is 0.
 * <ul>
 *   <li>{@link Kind#RECIPROCITY}: {@code P_ab + P_ba = 0}, the two sides of a bilateral trade;
 *       its dual is the bilateral price.</li>
 *   <li>{@link Kind#POOL}: the members' pool trades sum to 0 ({@code sum q_n = 0}, (2c) of the
 *       paper); its dual is the community price.</li>
 *   <li>{@link Kind#EXCHANGE}: the members' outside trades and the manager's own position sum to
 *       0 ({@code sum (β_n - α_n) = x}, (2d) and (2e) netted): what the members sell outside, the
 *       collective sells in its parent market. Its dual is the price of the collective's energy
 *       outside. A pool at the root has no manager and no exchange row.</li>
 * </ul>
 *
 * @param index  position in {@link MarketProblem#couplings()}
 * @param market index in {@link agora.market.MarketTree#markets()}
 * @param name   {@code a->b} for a link, the collective's name for a pool
 * @param slots  indices in {@link MarketProblem#slots()}: side a then side b, or the members in
 *               participant order (then, for an exchange row, the manager's)
 */
public record Coupling(int index, Kind kind, int market, String name, int[] slots, Origin origin) {

    public enum Kind { RECIPROCITY, POOL, EXCHANGE }
}
