package agora.market.formulation;

import java.util.ArrayList;
import java.util.List;

/**
 * What a market design adds to the problem its tree gives: variables with their own costs and
 * linear constraints over net positions, trade slots and those variables, each with an origin and
 * an owner (the party it belongs to, who pays its cost). Built with {@link #builder}.
 *
 * <p>The decomposed solver gives each party only its own slice of the problem; it does not yet
 * solve a party's problem with added rows, so a design with added terms is solved centralized
 * only, and {@code --solve admm} on it fails with a message saying so (see
 * {@link #decomposable()}).
 */
public final class DesignTerms {
    private static final DesignTerms NONE = new DesignTerms(List.of(), List.of());

    private final List<AddedVariable> variables;
    private final List<AddedConstraint> constraints;

    private DesignTerms(List<AddedVariable> variables, List<AddedConstraint> constraints) {
        this.variables = List.copyOf(variables);
        this.constraints = List.copyOf(constraints);
    }

    /** No terms: the tree alone is the problem. */
    public static DesignTerms none() {
        return NONE;
    }

    /** Collects terms over the quantities of {@code problem} (the problem of the design's tree). */
    public static Builder builder(MarketProblem problem) {
        return new Builder(problem);
    }

    public List<AddedVariable> variables() {
        return variables;
    }

    public List<AddedConstraint> constraints() {
        return constraints;
    }

    public boolean isEmpty() {
        return variables.isEmpty() && constraints.isEmpty();
    }

    /** True when the decomposed solver can take these terms: today only when there are none. */
    public boolean decomposable() {
        return isEmpty();
    }

    /** Hourly cost of the added variables at values {@code values} (by variable index). */
    public double cost(double[] values) {
        double sum = 0.0;
        for (AddedVariable v : variables) {
            sum += v.cost(values[v.index()]);
        }
        return sum;
    }

    /** Collects a design's terms; every reference is checked against the problem. */
    public static final class Builder {
        private final MarketProblem problem;
        private final List<AddedVariable> variables = new ArrayList<>();
        private final List<AddedConstraint> constraints = new ArrayList<>();

        private Builder(MarketProblem problem) {
            this.problem = problem;
        }

        /**
         * Adds a variable.
         *
         * @param owner a party of the problem (peer or collective name), who pays its cost
         * @throws IllegalArgumentException for an unknown owner, crossed bounds, non-finite or
         *                                  negative quadratic costs (the problem must stay convex)
         */
        public AddedVariable variable(String name, agora.solver.Origin origin, String owner,
                                      double lower, double upper, double linearCost,
                                      double quadraticCost) {
            requireParty(owner, name);
            if (!(lower <= upper) || !Double.isFinite(linearCost) || !(quadraticCost >= 0)
                    || !Double.isFinite(quadraticCost)) {
                throw new IllegalArgumentException("added variable '" + name + "': bounds " + lower
                        + ".." + upper + ", costs " + linearCost + " and " + quadraticCost
                        + " (bounds in order, finite costs, quadratic cost >= 0)");
            }
            AddedVariable v = new AddedVariable(variables.size(), name, origin, owner, lower, upper,
                    linearCost, quadraticCost);
            variables.add(v);
            return v;
        }

        /**
         * Adds {@code lower <= expression <= upper}.
         *
         * @throws IllegalArgumentException for an unknown owner, a reference outside the problem
         *                                  or crossed bounds
         */
        public void constraint(String name, agora.solver.Origin origin, String owner,
                               LinearExpression expression, double lower, double upper) {
            requireParty(owner, name);
            if (!(lower <= upper)) {
                throw new IllegalArgumentException("added constraint '" + name + "': bounds "
                        + lower + ".." + upper + " are crossed");
            }
            for (LinearExpression.Term t : expression.terms()) {
                int size = switch (t.quantity()) {
                    case POSITION -> problem.positions().size();
                    case SLOT -> problem.slots().size();
                    case ADDED_VARIABLE -> variables.size();
                };
                if (t.index() < 0 || t.index() >= size) {
                    throw new IllegalArgumentException("added constraint '" + name + "' refers to "
                            + t.quantity() + " " + t.index() + ", which the problem does not have");
                }
            }
            constraints.add(new AddedConstraint(name, origin, owner, expression, lower, upper));
        }

        public DesignTerms build() {
            return new DesignTerms(variables, constraints);
        }

        private void requireParty(String owner, String what) {
            if (problem.party(owner).isEmpty()) {
                throw new IllegalArgumentException("'" + what + "' is owned by '" + owner
                        + "', which is no peer or collective of the market");
            }
        }
    }
}
