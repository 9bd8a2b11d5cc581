package agora.compiler;

import java.util.List;
import java.util.Set;

/**
 * The market designs and solver backends a tool has registered, so that a scenario naming an
 * unknown one is an error at the name, reported with the scenario's other errors (E0801, E0802).
 * The compiler itself knows no registry: the tool that compiles (the CLI) passes one.
 *
 * @param designs  the registered design names, or null when the scenario's design is not checked
 *                 (e.g. a command-line flag replaces it)
 * @param backends the registered backend names, or null when the scenario's backend is not checked
 */
public record MarketNames(Set<String> designs, Set<String> backends) {
    /** Nothing is checked. */
    public static final MarketNames UNCHECKED = new MarketNames(null, null);

    /** "unknown market design 'p2p'": the message, for the compiler and tools alike. */
    public static String unknownDesign(String name) {
        return "unknown market design '" + name + "'";
    }

    /** "unknown backend 'gurobi'". */
    public static String unknownBackend(String name) {
        return "unknown backend '" + name + "'";
    }

    /** "did you mean 'hybrid'?", else the registered designs. */
    public static String designHint(String name, Set<String> registered) {
        return hint(name, registered, "designs", "no market design is registered (is the market jar on the class path?)");
    }

    /** "did you mean 'ortools'?", else the registered backends. */
    public static String backendHint(String name, Set<String> registered) {
        return hint(name, registered, "backends", "no backend is registered (is the backend jar on the class path?)");
    }

    private static String hint(String name, Set<String> registered, String what, String none) {
        if (registered.isEmpty()) {
            return none;
        }
        String closest = Names.hint(name, registered);
        List<String> sorted = registered.stream().sorted().toList();
        return (closest == null ? "" : closest + " ") + "registered " + what + ": " + String.join(", ", sorted);
    }
}
