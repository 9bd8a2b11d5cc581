package agora.compiler;

import agora.diagnostics.SourceSpan;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Evaluates definitions that use definitions ({@code profile q0 = q1 + 0 MW}, {@code profile q1 =
 * q2 + 0 MW}, ...) however long the chain, on a Java stack of bounded depth.
 *
 * <p>A name is evaluated where it is used, recursively. The evaluator and {@link StaticTypes}
 * count how deep they are; once a definition is asked for more than {@value #SEGMENT_DEPTH}
 * levels above the outermost one, it is not evaluated there: the evaluation unwinds to the
 * outermost definition, which evaluates the one asked for first, from its own depth, and then
 * starts again, finding it remembered. A chain of 5,000 profiles overflowed the stack (E0901);
 * now each definition is still evaluated once, and only the expressions of a segment that was
 * deferred are evaluated again (a chain costs about twice its plain recursion). Since evaluation
 * has no effect but remembered values and (deduplicated) diagnostics, starting again changes
 * nothing.
 *
 * <p>A cycle longer than one segment is found when a definition asked for is one the outermost
 * evaluation is already waiting for.
 */
final class NestedDefinitions {
    /**
     * Levels of nesting a segment may add above the outermost definition: about as deep as one
     * definition's expression can go (the parser allows 256 levels), so that a segment holds
     * one deep definition or many shallow ones. The deepest inputs known (HostileInputTest)
     * compile on a stack of 256 KiB, a quarter of a JVM thread's default.
     */
    static final int SEGMENT_DEPTH = 256;

    /** A definition the outermost evaluation waits for, and the chain its evaluation last took. */
    private static final class Waiting {
        final LazyScope scope;
        final String name;
        final SourceSpan at;
        /** The definitions on the stack when this one's evaluation was deferred, outermost first. */
        List<String> chain = List.of();

        Waiting(LazyScope scope, String name, SourceSpan at) {
            this.scope = scope;
            this.name = name;
            this.at = at;
        }
    }

    /** A definition of a scope (scopes compare by identity). */
    private record Key(LazyScope scope, String name) {
    }

    /** Unwinds a segment to the outermost evaluation, naming the definition it asked for. */
    private static final class Deferred extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Waiting definition;
        /** The definitions of the scope asking on the stack, outermost first. */
        private final transient List<String> chain;

        Deferred(Waiting definition, List<String> chain) {
            super(null, null, false, false);
            this.definition = definition;
            this.chain = chain;
        }
    }

    private final Deque<Waiting> waiting = new ArrayDeque<>();
    private final Set<Key> waitingKeys = new HashSet<>();
    private int depth;
    private int outermostDepth;
    private boolean evaluating;

    /** One level deeper: an expression inside an expression, or a definition inside one. */
    void enter() {
        depth++;
    }

    void leave() {
        depth--;
    }

    /**
     * The value of a definition that was neither evaluated nor failed yet, and is not being
     * evaluated on the stack of its scope.
     *
     * @throws EvaluationFailed when it failed, or depends on itself (reported)
     */
    Value evaluate(LazyScope scope, String name, SourceSpan at) {
        if (!evaluating) {
            evaluating = true;
            outermostDepth = depth;
            try {
                return outermost(new Waiting(scope, name, at));
            } finally {
                evaluating = false;
                waiting.clear();
                waitingKeys.clear();
            }
        }
        if (waitingKeys.contains(new Key(scope, name))) {
            throw scope.cyclic(cycle(scope, name), at);
        }
        if (depth - outermostDepth > SEGMENT_DEPTH) {
            throw new Deferred(new Waiting(scope, name, at), scope.inProgress());
        }
        return scope.evaluateHere(name);
    }

    private Value outermost(Waiting first) {
        push(first);
        while (true) {
            Waiting next = waiting.peek();
            if (next.scope.isSettled(next.name)) {
                pop();
                if (waiting.isEmpty()) {
                    // failed in a cycle found while it waited: lookup unwinds
                    return next.scope.lookup(next.name, next.at).orElseThrow();
                }
                continue;
            }
            try {
                Value value = next.scope.evaluateHere(next.name);
                pop();
                if (waiting.isEmpty()) {
                    return value;
                }
            } catch (Deferred d) {
                next.chain = d.chain;
                push(d.definition);
            } catch (EvaluationFailed failed) {
                // reported, and remembered as failed: what waits for it unwinds without a word
                pop();
                if (waiting.isEmpty()) {
                    throw failed;
                }
            }
        }
    }

    private void push(Waiting w) {
        waiting.push(w);
        waitingKeys.add(new Key(w.scope, w.name));
    }

    private void pop() {
        Waiting w = waiting.pop();
        waitingKeys.remove(new Key(w.scope, w.name));
    }

    /**
     * The cycle closed by asking for {@code name} of {@code scope}, which waits: the chains from
     * it to the newest waiting definition, then the stack of the scope asking, then the name.
     */
    private List<String> cycle(LazyScope scope, String name) {
        List<Waiting> fromNewest = new ArrayList<>(waiting);
        List<String> names = new ArrayList<>();
        int start = 0;
        while (!(fromNewest.get(start).scope == scope && fromNewest.get(start).name.equals(name))) {
            start++;
        }
        for (int i = start; i > 0; i--) {
            names.addAll(fromNewest.get(i).chain);
        }
        names.addAll(scope.inProgress());
        names.add(name);
        return names;
    }
}
