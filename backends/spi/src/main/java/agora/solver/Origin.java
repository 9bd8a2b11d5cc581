package agora.solver;

/**
 * Where a variable or constraint of a lowered model came from in the scenario, so that primal
 * values, duals and infeasibilities map back to names the user wrote.
 *
 * @param kind  what kind of scenario element: {@code peer}, {@code trade}, {@code collective},
 *              {@code grid}, {@code tariff}
 * @param label the scenario names involved, for example {@code d1} or {@code d1->w12}
 * @param role  what the variable or constraint means for that element, for example
 *              {@code injection}, {@code sale}, {@code reciprocity}, {@code balance}
 */
public record Origin(String kind, String label, String role) {
    @Override
    public String toString() {
        return kind + " " + label + " (" + role + ")";
    }
}
