package agora.market.formulation;

import agora.solver.Origin;

/**
 * A row that ties the slots of different parties: the sum of its slots is 0.
 * <ul>
 *   <li>{@link Kind#RECIPROCITY}: {@code P_ab + P_ba = 0}, the two sides of a bilateral trade;
 *       its dual is the bilateral price.</li>
 *   <li>{@link Kind#POOL}: the members' pool trades plus the manager's own position (absent at
 *       the root) sum to 0; its dual is the community price.</li>
 * </ul>
 *
 * @param market index in {@link agora.market.MarketTree#markets()}
 * @param name   {@code a->b} for a link, the collective's name for a pool
 * @param slots  indices in {@link MarketProblem#slots()}: side a then side b, or the members in
 *               participant order then the manager's
 */
public record Coupling(Kind kind, int market, String name, int[] slots, Origin origin) {

    public enum Kind { RECIPROCITY, POOL }
}
