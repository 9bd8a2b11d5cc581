package agora.cli;

import java.util.List;

/**
 * The command line with {@code agora sweep}: Agora's commands and the sweep, which needs Spark on
 * the class path ({@code bin/agora sweep} puts it there; the core {@code agora.jar} has no Spark).
 */
public final class SweepMain {
    private SweepMain() {
    }

    public static void main(String[] args) {
        CliContext ctx = CliContext.system();
        System.exit(Main.execute(ctx, List.of(new SweepCommand(ctx)), args));
    }
}
