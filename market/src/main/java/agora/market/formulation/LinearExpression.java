package agora.market.formulation;

import java.util.ArrayList;
import java.util.List;

/**
 * A linear expression over quantities of the market problem, for the constraints a design adds:
 * net positions ({@link MarketProblem#positionOf}), trade slots and the design's own variables.
 * Immutable; each {@code plus} returns a new expression.
 */
public final class LinearExpression {

    /** What a term refers to. */
    public enum Quantity { POSITION, SLOT, ADDED_VARIABLE }

    /**
     * One term.
     *
     * @param index index of the position, slot or added variable
     */
    public record Term(Quantity quantity, int index, double coefficient) {
    }

    private final List<Term> terms;

    private LinearExpression(List<Term> terms) {
        this.terms = List.copyOf(terms);
    }

    public static LinearExpression empty() {
        return new LinearExpression(List.of());
    }

    /** Adds {@code coefficient} times a net position (index in {@link MarketProblem#positions()}). */
    public LinearExpression plusPosition(int position, double coefficient) {
        return plus(new Term(Quantity.POSITION, position, coefficient));
    }

    /** Adds {@code coefficient} times a trade slot's value (index in {@link MarketProblem#slots()}). */
    public LinearExpression plusSlot(int slot, double coefficient) {
        return plus(new Term(Quantity.SLOT, slot, coefficient));
    }

    /** Adds {@code coefficient} times one of the design's own variables. */
    public LinearExpression plus(AddedVariable variable, double coefficient) {
        return plus(new Term(Quantity.ADDED_VARIABLE, variable.index(), coefficient));
    }

    private LinearExpression plus(Term term) {
        if (!Double.isFinite(term.coefficient())) {
            throw new IllegalArgumentException("coefficient " + term.coefficient() + " is not finite");
        }
        List<Term> more = new ArrayList<>(terms);
        more.add(term);
        return new LinearExpression(more);
    }

    public List<Term> terms() {
        return terms;
    }
}
