package agora.market.formulation;

/** Which coupling row a trade slot lies in. */
public enum SlotKind {
    /** one side of a bilateral trade; its partner's slot completes the reciprocity row */
    BILATERAL,
    /** a member's trade with its pool */
    POOL,
    /**
     * the manager's own position in its pool: what the collective sells to its own pool, minus
     * its net position in the parent market; it pays nothing
     */
    POOL_MANAGER
}
