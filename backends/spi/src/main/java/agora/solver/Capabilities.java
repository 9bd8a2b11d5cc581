package agora.solver;

import java.util.Optional;

/**
 * What a backend can do, declared up front so that a model it cannot solve correctly is refused
 * before solving rather than silently solved wrong ({@link #refusal}).
 *
 * @param quadraticObjective handles a separable quadratic objective
 * @param duals              returns constraint duals (needed for market prices)
 * @param conflicts          explains infeasibility by naming conflicting rows or variables
 * @param maxVariables       the most variables a model may have (after the backend's presolve);
 *                           {@link #UNLIMITED} when only memory limits it
 */
public record Capabilities(boolean quadraticObjective, boolean duals, boolean conflicts, int maxVariables) {

    /** No limit of the backend's own on the number of variables. */
    public static final int UNLIMITED = Integer.MAX_VALUE;

    /** A backend without a size limit of its own. */
    public Capabilities(boolean quadraticObjective, boolean duals, boolean conflicts) {
        this(quadraticObjective, duals, conflicts, UNLIMITED);
    }

    /**
     * Why a backend with these capabilities must refuse {@code model}, if it must: a quadratic
     * objective it would ignore, or more variables than it takes.
     */
    public Optional<String> refusal(QpModel model) {
        if (!quadraticObjective && model.hasQuadraticObjective()) {
            return Optional.of("the model has quadratic costs, which this backend cannot take");
        }
        if (model.variableCount() > maxVariables) {
            return Optional.of("the model has " + model.variableCount() + " variables, more than the "
                    + maxVariables + " this backend takes");
        }
        return Optional.empty();
    }
}
