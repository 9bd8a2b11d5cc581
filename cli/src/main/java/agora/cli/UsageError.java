package agora.cli;

/** A mistake on the command line found after parsing: printed as is, exit {@link ExitCodes#USAGE}. */
final class UsageError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageError(String message) {
        super(message);
    }
}
