package agora.examples;

import agora.cli.CliContext;
import agora.cli.Main;
import agora.cli.ScenarioLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** Runs the {@code agora} command line in-process, with its output captured. */
final class AgoraCli {
    private AgoraCli() {
    }

    /** What one command printed and how it ended. */
    record Outcome(int exitCode, String out, String err) {
        String describe() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** {@code agora ARGS...} with the real compiler. */
    static Outcome run(List<String> args) {
        return run(ScenarioLoader.COMPILER, args);
    }

    /** {@code agora ARGS...} with scenarios compiled by {@code loader}. */
    static Outcome run(ScenarioLoader loader, List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext ctx = new CliContext(loader, new PrintWriter(out, true), new PrintWriter(err, true),
                false, "test");
        int exit = Main.execute(ctx, args.toArray(String[]::new));
        ctx.out().flush();
        ctx.err().flush();
        return new Outcome(exit, out.toString(), err.toString());
    }
}
