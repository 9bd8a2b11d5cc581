package agora.compiler;

import agora.diagnostics.DiagnosticCode;
import agora.diagnostics.Diagnostics;
import agora.diagnostics.SourceSpan;
import agora.syntax.Expr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Named definitions evaluated on first use and remembered, in any order of declaration, with
 * cycles reported (E0207). Global parameters and profiles form one; each peer's named properties
 * form another whose parent is the global one.
 */
final class LazyScope implements Scope {
    private final Scope parent;
    private final Evaluator evaluator;
    private final Diagnostics diagnostics;
    private final Map<String, Expr> definitions = new LinkedHashMap<>();
    private final Map<String, Value> values = new LinkedHashMap<>();
    private final Set<String> failed = new LinkedHashSet<>();
    private final List<String> inProgress = new ArrayList<>();

    /** @param parent the enclosing scope, or null for the outermost */
    LazyScope(Scope parent, Evaluator evaluator, Diagnostics diagnostics) {
        this.parent = parent;
        this.evaluator = evaluator;
        this.diagnostics = diagnostics;
    }

    void define(String name, Expr expr) {
        definitions.put(name, expr);
    }

    /** Sets a value directly (a command-line override), replacing the definition's expression. */
    void set(String name, Value value) {
        values.put(name, value);
    }

    /**
     * Marks a definition as failed (its error reported by the caller): expressions that use it
     * unwind silently instead of reporting a follow-up error.
     */
    void reject(String name) {
        values.remove(name);
        failed.add(name);
    }

    boolean defines(String name) {
        return definitions.containsKey(name);
    }

    /** The value of a local definition, reporting its errors once; empty when it failed. */
    Optional<Value> evaluate(String name) {
        try {
            return lookup(name, null);
        } catch (EvaluationFailed e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<Value> lookup(String name, SourceSpan at) {
        if (!definitions.containsKey(name)) {
            return parent == null ? Optional.empty() : parent.lookup(name, at);
        }
        Value known = values.get(name);
        if (known != null) {
            return Optional.of(known);
        }
        if (failed.contains(name)) {
            throw new EvaluationFailed();
        }
        if (inProgress.contains(name)) {
            List<String> cycle = new ArrayList<>(inProgress.subList(inProgress.indexOf(name),
                    inProgress.size()));
            cycle.add(name);
            throw cyclic(cycle, at);
        }
        return Optional.of(evaluator.definitions().evaluate(this, name, at));
    }

    /** The value of a definition not evaluated yet, computed on this stack and remembered. */
    Value evaluateHere(String name) {
        inProgress.add(name);
        try {
            Value value = evaluator.eval(definitions.get(name), this);
            values.put(name, value);
            return value;
        } catch (EvaluationFailed e) {
            failed.add(name);
            throw e;
        } finally {
            inProgress.remove(inProgress.size() - 1);
        }
    }

    /** True when the definition was evaluated (or failed) since it was asked for. */
    boolean isSettled(String name) {
        return values.containsKey(name) || failed.contains(name);
    }

    /** The definitions being evaluated on this stack, outermost first. */
    List<String> inProgress() {
        return List.copyOf(inProgress);
    }

    /**
     * Reports a definition that depends on itself, at the use that closes the cycle, and fails
     * every definition of the cycle.
     */
    EvaluationFailed cyclic(List<String> cycle, SourceSpan at) {
        String name = cycle.get(cycle.size() - 1);
        diagnostics.error(DiagnosticCode.CYCLIC_DEFINITION, at,
                "'" + name + "' is defined in terms of itself: " + Names.path(cycle));
        failed.addAll(cycle);
        return new EvaluationFailed();
    }

    @Override
    public Set<String> names() {
        Set<String> all = new LinkedHashSet<>(definitions.keySet());
        if (parent != null) {
            all.addAll(parent.names());
        }
        return all;
    }
}
