package agora.compiler;

import agora.syntax.Expr;
import java.util.ArrayList;
import java.util.List;

/** Writes an expression back as text, for profile descriptions in summaries. */
final class ExprPrinter {
    private ExprPrinter() {
    }

    static String print(Expr e) {
        StringBuilder out = new StringBuilder();
        print(e, out);
        return out.toString();
    }

    private static void print(Expr e, StringBuilder out) {
        if (e instanceof Expr.NumberLiteral n) {
            out.append(Formats.number(n.value()));
        } else if (e instanceof Expr.QuantityLiteral q) {
            out.append(Formats.number(q.value())).append(' ').append(q.unit());
        } else if (e instanceof Expr.StringLiteral s) {
            out.append('"').append(s.value().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        } else if (e instanceof Expr.Name n) {
            out.append(n.name());
        } else if (e instanceof Expr.Call c) {
            out.append(c.function().text()).append('(');
            for (int i = 0; i < c.arguments().size(); i++) {
                Expr.Argument a = c.arguments().get(i);
                out.append(i == 0 ? "" : ", ").append(a.name() == null ? "" : a.name().text() + ": ");
                print(a.value(), out);
            }
            out.append(')');
        } else if (e instanceof Expr.Negate n) {
            out.append('-');
            operand(n.operand(), out);
        } else if (e instanceof Expr.Power || e instanceof Expr.Binary) {
            chain(e, out);
        } else {
            Expr.Conditional c = (Expr.Conditional) e;
            print(c.condition(), out);
            out.append(" ? ");
            print(c.whenTrue(), out);
            out.append(" : ");
            print(c.whenFalse(), out);
        }
    }

    /**
     * A binary operation or power and those nested in its left operand, written in a loop (a sum
     * of thousands of terms nests thousands deep): {@code ((a + b) + c) * d}.
     */
    private static void chain(Expr top, StringBuilder out) {
        List<Expr> spine = new ArrayList<>(); // top first
        Expr node = top;
        while (node instanceof Expr.Binary || node instanceof Expr.Power) {
            spine.add(node);
            node = node instanceof Expr.Binary b ? b.left() : ((Expr.Power) node).base();
        }
        // a binary operation that is the left operand of another spine node is parenthesised
        for (int i = 1; i < spine.size(); i++) {
            if (spine.get(i) instanceof Expr.Binary) {
                out.append('(');
            }
        }
        operand(node, out);
        for (int i = spine.size() - 1; i >= 0; i--) {
            if (spine.get(i) instanceof Expr.Binary b) {
                out.append(' ').append(b.operator().symbol()).append(' ');
                operand(b.right(), out);
                if (i > 0) {
                    out.append(')');
                }
            } else {
                int exponent = ((Expr.Power) spine.get(i)).exponent();
                out.append(exponent == 2 ? "²" : "^" + exponent);
            }
        }
    }

    /** Parenthesises compound operands, so the text reads unambiguously. */
    private static void operand(Expr e, StringBuilder out) {
        boolean compound = e instanceof Expr.Binary || e instanceof Expr.Conditional;
        if (compound) {
            out.append('(');
        }
        print(e, out);
        if (compound) {
            out.append(')');
        }
    }
}
