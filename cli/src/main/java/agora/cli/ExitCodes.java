package agora.cli;

/** Exit codes of every {@code agora} command. */
public final class ExitCodes {
    /** Done; every step solved. */
    public static final int OK = 0;
    /** The scenario has errors (diagnostics were printed), or some steps did not solve. */
    public static final int FAILED = 1;
    /** The command line is wrong: unknown option, design or backend, bad time. */
    public static final int USAGE = 2;
    /** A bug in Agora: an internal error message was printed. */
    public static final int INTERNAL = 3;

    private ExitCodes() {
    }
}
