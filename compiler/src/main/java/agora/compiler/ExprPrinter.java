package agora.compiler;

import agora.syntax.Expr;
import java.util.stream.Collectors;

/** Writes an expression back as text, for profile descriptions in summaries. */
final class ExprPrinter {
    private ExprPrinter() {
    }

    static String print(Expr e) {
        if (e instanceof Expr.NumberLiteral n) {
            return Formats.number(n.value());
        }
        if (e instanceof Expr.QuantityLiteral q) {
            return Formats.number(q.value()) + " " + q.unit();
        }
        if (e instanceof Expr.StringLiteral s) {
            return "\"" + s.value().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        if (e instanceof Expr.Name n) {
            return n.name();
        }
        if (e instanceof Expr.Call c) {
            return c.function().text() + "(" + c.arguments().stream()
                    .map(a -> (a.name() == null ? "" : a.name().text() + ": ") + print(a.value()))
                    .collect(Collectors.joining(", ")) + ")";
        }
        if (e instanceof Expr.Negate n) {
            return "-" + operand(n.operand());
        }
        if (e instanceof Expr.Power p) {
            return operand(p.base()) + (p.exponent() == 2 ? "²" : "^" + p.exponent());
        }
        if (e instanceof Expr.Binary b) {
            return operand(b.left()) + " " + b.operator().symbol() + " " + operand(b.right());
        }
        Expr.Conditional c = (Expr.Conditional) e;
        return print(c.condition()) + " ? " + print(c.whenTrue()) + " : " + print(c.whenFalse());
    }

    /** Parenthesises compound operands, so the text reads unambiguously. */
    private static String operand(Expr e) {
        boolean compound = e instanceof Expr.Binary || e instanceof Expr.Conditional;
        return compound ? "(" + print(e) + ")" : print(e);
    }
}
