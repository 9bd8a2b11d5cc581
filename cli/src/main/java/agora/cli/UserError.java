package agora.cli;

/**
 * A failure the user can act on (a scenario that does not fit its design, a file that cannot be
 * written): its message is printed as is, without a stack trace, exit {@link ExitCodes#FAILED}.
 */
final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UserError(String message) {
        super(message);
    }

    UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
