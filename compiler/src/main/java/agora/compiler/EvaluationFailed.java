package agora.compiler;

/**
 * Unwinds the evaluation of one definition after its error was reported, so the error is not
 * repeated by everything that depends on it. Never leaves the compiler.
 */
final class EvaluationFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    EvaluationFailed() {
        super(null, null, false, false);
    }
}
