package agora.units;

/**
 * Two quantities of different dimensions were combined where they must agree (added, subtracted,
 * compared, converted). The compiler turns it into an {@code E0302} diagnostic at the expression.
 */
public final class DimensionMismatchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Dimension left;
    private final Dimension right;

    /**
     * @param operation what was attempted, e.g. {@code "add"}, used in the message
     */
    public DimensionMismatchException(String operation, Dimension left, Dimension right) {
        super("cannot " + operation + " " + describe(left) + " and " + describe(right));
        this.left = left;
        this.right = right;
    }

    public Dimension left() {
        return left;
    }

    public Dimension right() {
        return right;
    }

    /** {@code "a plain number"} or {@code "$/MWh"}, for messages. */
    public static String describe(Dimension dimension) {
        return dimension.isNone() ? "a plain number" : dimension.toString();
    }
}
