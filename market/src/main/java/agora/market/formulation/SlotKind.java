package agora.market.formulation;

/** Which coupling row a trade slot lies in. */
public enum SlotKind {
    /** one side of a bilateral trade; its partner's slot completes the reciprocity row */
    BILATERAL,
    /** a member's trade with the other members through its pool (q_n), paying the pool fee γ */
    POOL,
    /**
     * a pool member's trade with the outside through its collective's manager (its export β_n
     * minus its import α_n in formulation (2) of the paper), free of the pool fee
     */
    OUTSIDE,
    /**
     * the manager's own position in its pool's exchange with the outside: minus the collective's
     * net position in the parent market; it pays nothing
     */
    POOL_MANAGER
}
