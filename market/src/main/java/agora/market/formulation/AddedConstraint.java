package agora.market.formulation;

import agora.solver.Origin;

/**
 * A linear constraint a market design adds: {@code lower <= expression <= upper} (equal bounds
 * for an equality, infinite for a one-sided row).
 *
 * @param owner the party that holds it: a peer's or collective's name
 */
public record AddedConstraint(String name, Origin origin, String owner, LinearExpression expression,
                              double lower, double upper) {
}
