package agora.compiler;

import agora.diagnostics.SourceSpan;
import java.util.Optional;
import java.util.Set;

/** Names an expression can refer to. */
interface Scope {

    /**
     * The value of {@code name}, or empty when no enclosing scope defines it.
     *
     * @param at where the name is used, for cycle errors
     * @throws EvaluationFailed when the definition failed (already reported)
     */
    Optional<Value> lookup(String name, SourceSpan at);

    /** Every name visible here, for "did you mean" hints. */
    Set<String> names();
}
