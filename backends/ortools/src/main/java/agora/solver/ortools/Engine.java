package agora.solver.ortools;

/** Which OR-Tools solver runs a model. */
public enum Engine {
    /** PDLP for quadratic models, GLOP (exact simplex duals, faster) for linear ones. */
    AUTO,
    /** The first-order primal-dual method; the only OR-Tools solver here that honours a quadratic objective. */
    PDLP,
    /**
     * The simplex method. It silently drops quadratic objective terms and still reports OPTIMAL,
     * so it is refused for quadratic models.
     */
    GLOP
}
