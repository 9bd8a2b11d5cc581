package agora.compiler;

import agora.diagnostics.SourceSpan;
import agora.syntax.Expr;
import agora.syntax.PreferenceDecl;
import agora.syntax.Property;
import agora.syntax.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which of a peer's own values each place in its kinds' expressions depends on. An error at such
 * a place (in {@code std/peers.agora}, say) may be caused by a value the peer set: knowing which
 * ones lets the message name them, and only them.
 */
final class OverrideBlame {
    private OverrideBlame() {
    }

    /**
     * For every place in the kinds' expressions, the peer's own values the expression there uses
     * (directly, or through other kind properties the peer leaves at their defaults), in the
     * order met; places that use none are left out.
     *
     * @param chain     the peer's kinds
     * @param defaults  the kinds' named properties the peer does not set, by name
     * @param overrides the kinds' properties the peer sets itself
     */
    static Map<SourceSpan, List<String>> of(List<Statement.Kind> chain, Map<String, Expr> defaults,
                                            Set<String> overrides) {
        Map<SourceSpan, List<String>> out = new HashMap<>();
        if (overrides.isEmpty()) {
            return out;
        }
        Uses uses = new Uses(defaults, overrides);
        for (Statement.Kind kind : chain) {
            for (Property p : kind.properties()) {
                for (Expr e : expressions(p)) {
                    uses.of(e, out);
                }
            }
        }
        return out;
    }

    private static List<Expr> expressions(Property p) {
        if (p instanceof Property.Assignment a) {
            return List.of(a.value());
        }
        if (p instanceof Property.Bounds b) {
            return List.of(b.lower(), b.upper());
        }
        if (p instanceof Property.GridPrice g) {
            return List.of(g.value());
        }
        return p instanceof PreferenceDecl d ? List.of(d.cost()) : List.of();
    }

    /**
     * The overridden values each node uses, bottom-up, each node once: a name left at its default
     * has the default's expression as its child, so a chain of defaults is walked in the same
     * loop (recursing along it overflowed the stack at a few thousand).
     */
    private static final class Uses {
        private final Map<String, Expr> defaults;
        private final Set<String> overrides;
        private final Map<Expr, Set<String>> done = new IdentityHashMap<>();

        Uses(Map<String, Expr> defaults, Set<String> overrides) {
            this.defaults = defaults;
            this.overrides = overrides;
        }

        /** What {@code e} uses; records the places that use something in {@code spans}. */
        void of(Expr e, Map<SourceSpan, List<String>> spans) {
            Set<Expr> open = Collections.newSetFromMap(new IdentityHashMap<>());
            Deque<Expr> pending = new ArrayDeque<>(List.of(e));
            while (!pending.isEmpty()) {
                Expr next = pending.peek();
                if (done.containsKey(next)) {
                    pending.pop();
                    continue;
                }
                List<Expr> children = children(next);
                if (open.add(next)) {
                    // a child still open is a cycle (reported on its own): it adds nothing
                    children.stream().filter(c -> !done.containsKey(c) && !open.contains(c)).forEach(pending::push);
                    continue;
                }
                pending.pop();
                open.remove(next);
                Set<String> used = new LinkedHashSet<>();
                if (next instanceof Expr.Name n && overrides.contains(n.name())) {
                    used.add(n.name());
                }
                children.stream().filter(done::containsKey).forEach(c -> used.addAll(done.get(c)));
                done.put(next, used);
                if (!used.isEmpty()) {
                    List<String> list = List.copyOf(used);
                    places(next).forEach(s -> spans.putIfAbsent(s, list));
                }
            }
        }

        /** The operands of a node; for a name left at a kind's default, that default. */
        private List<Expr> children(Expr e) {
            if (e instanceof Expr.Name n) {
                Expr fallback = overrides.contains(n.name()) ? null : defaults.get(n.name());
                return fallback == null ? List.of() : List.of(fallback);
            }
            return operands(e);
        }
    }

    /** The places a diagnostic about {@code e} itself can point at. */
    private static List<SourceSpan> places(Expr e) {
        List<SourceSpan> out = new ArrayList<>(List.of(e.span()));
        if (e instanceof Expr.QuantityLiteral q) {
            out.add(q.unitSpan());
        } else if (e instanceof Expr.Call c) {
            out.add(c.function().span());
            for (Expr.Argument a : c.arguments()) {
                out.add(a.span());
                if (a.name() != null) {
                    out.add(a.name().span());
                }
            }
        }
        return out;
    }

    private static List<Expr> operands(Expr e) {
        if (e instanceof Expr.Negate n) {
            return List.of(n.operand());
        }
        if (e instanceof Expr.Power p) {
            return List.of(p.base());
        }
        if (e instanceof Expr.Binary b) {
            return List.of(b.left(), b.right());
        }
        if (e instanceof Expr.Conditional c) {
            return List.of(c.condition(), c.whenTrue(), c.whenFalse());
        }
        if (e instanceof Expr.Call c) {
            return c.arguments().stream().map(Expr.Argument::value).toList();
        }
        return List.of();
    }
}
