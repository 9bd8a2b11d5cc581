package agora.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code agora} command line: {@code run}, {@code check}, {@code compile}, {@code trades},
 * {@code report}, {@code replay} and {@code bench}. Exit codes are those of {@link ExitCodes}; no input makes it print a stack trace
 * (set {@code AGORA_DEBUG=1} to see one for an internal error).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(execute(CliContext.system(), args));
    }

    /** Runs one command line and returns its exit code. */
    public static int execute(CliContext ctx, String... args) {
        return execute(ctx, List.of(), args);
    }

    /** Runs one command line, with {@code extra} commands besides Agora's own. */
    static int execute(CliContext ctx, List<Object> extra, String... args) {
        try {
            return commandLine(ctx, extra).execute(args);
        } catch (OutOfMemoryError e) {
            outOfMemory(ctx.err());
            return ExitCodes.FAILED;
        } catch (Throwable e) { // last line of defence: never a stack trace for any input
            internalError(ctx.err(), e);
            return ExitCodes.INTERNAL;
        }
    }

    /**
     * The heap ran out where no estimate foresaw it (compiling a huge scenario, listing every
     * design of a huge market): not a bug, so say what to do instead of an internal error.
     */
    private static void outOfMemory(PrintWriter err) {
        long max = Runtime.getRuntime().maxMemory();
        long doubled = Math.max(1, 2 * max / (1L << 30));
        err.println("agora: out of memory: the scenario needs more than the " + (max >> 20)
                + " MB of heap Java may use; give it more, for example AGORA_JAVA_OPTS=-Xmx"
                + doubled + "g (for bin/agora)");
        err.flush();
    }

    static CommandLine commandLine(CliContext ctx) {
        return commandLine(ctx, List.of());
    }

    /**
     * The command line with {@code extra} commands besides Agora's own ({@code agora sweep}, which
     * lives in a jar of its own with Spark), all with the same handling of errors.
     */
    static CommandLine commandLine(CliContext ctx, List<Object> extra) {
        CommandLine cl = new CommandLine(new Agora(ctx));
        cl.addSubcommand(new RunCommand(ctx));
        cl.addSubcommand(new CheckCommand(ctx));
        cl.addSubcommand(new CompileCommand(ctx));
        cl.addSubcommand(new TradesCommand(ctx));
        cl.addSubcommand(new ReportCommand(ctx));
        cl.addSubcommand(new ReplayCommand(ctx));
        cl.addSubcommand(new BenchCommand(ctx));
        extra.forEach(cl::addSubcommand);
        cl.setOut(ctx.out());
        cl.setErr(ctx.err());
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println(prefix(ex.getCommandLine()) + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help' for more information.");
            err.flush();
            return ExitCodes.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (ex instanceof UsageError) {
                err.println(prefix(commandLine) + ex.getMessage());
                err.flush();
                return ExitCodes.USAGE;
            }
            if (ex instanceof UserError) {
                err.println(ex.getMessage());
                err.flush();
                return ExitCodes.FAILED;
            }
            internalError(err, ex);
            return ExitCodes.INTERNAL;
        });
        return cl;
    }

    private static String prefix(CommandLine commandLine) {
        return commandLine.getCommandSpec().qualifiedName() + ": ";
    }

    private static void internalError(PrintWriter err, Throwable e) {
        err.println("agora: internal error: " + e
                + "\nThis is a bug in Agora; please report it with the command and scenario.");
        if (System.getenv("AGORA_DEBUG") != null) {
            e.printStackTrace(err);
        }
        err.flush();
    }

    /** The top command: only names the subcommands. */
    @Command(name = "agora", mixinStandardHelpOptions = true,
            versionProvider = Agora.Version.class,
            description = "Agora: a modelling language and compiler for peer-to-peer and "
                    + "community-based electricity markets.")
    static final class Agora implements java.util.concurrent.Callable<Integer> {
        private final CliContext ctx;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        Agora(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            ctx.err().println("agora: a command is needed");
            spec.commandLine().usage(ctx.err());
            return ExitCodes.USAGE;
        }

        public static final class Version implements CommandLine.IVersionProvider {
            @Override
            public String[] getVersion() {
                return new String[] {"agora " + CliContext.toolVersion()};
            }
        }
    }
}
