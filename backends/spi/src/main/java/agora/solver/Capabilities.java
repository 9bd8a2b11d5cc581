package agora.solver;

/**
 * What a backend can do, declared up front so that a model it cannot solve correctly is refused
 * before solving rather than silently solved wrong.
 *
 * @param quadraticObjective handles a separable quadratic objective
 * @param duals              returns constraint duals (needed for market prices)
 * @param conflicts          explains infeasibility by naming conflicting rows or variables
 */
public record Capabilities(boolean quadraticObjective, boolean duals, boolean conflicts) {
}
