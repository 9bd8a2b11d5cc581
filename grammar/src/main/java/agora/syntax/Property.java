package agora.syntax;

import agora.diagnostics.SourceSpan;
import java.util.List;

/** One line of a peer's or kind's body. */
public sealed interface Property permits Property.Bounds, Property.Energy, Property.GridPrice,
        Property.Assignment, PreferenceDecl {

    SourceSpan span();

    /** {@code bounds = lower .. upper}: pmin and pmax of the net injection. */
    record Bounds(SourceSpan span, Expr lower, Expr upper) implements Property {
    }

    /** {@code energy wind, green}: attributes of the energy a peer sells. */
    record Energy(SourceSpan span, List<Identifier> types) implements Property {
    }

    /** {@code import price = ...} or {@code export price = ...} of a grid peer. */
    record GridPrice(SourceSpan span, Direction direction, Expr value) implements Property {
    }

    /**
     * {@code name = value}: {@code pmin}, {@code pmax}, {@code output}, {@code cost}, or a named
     * property of a kind (such as {@code load_max}) that instances may override.
     */
    record Assignment(SourceSpan span, Identifier name, Expr value) implements Property {
    }

    enum Direction {
        IMPORT("import"), EXPORT("export");

        private final String keyword;

        Direction(String keyword) {
            this.keyword = keyword;
        }

        public String keyword() {
            return keyword;
        }
    }
}
