package agora.cli;

import agora.compiler.MarketNames;
import agora.diagnostics.Diagnostic;
import agora.diagnostics.DiagnosticCode;
import agora.diagnostics.SourceSpan;
import agora.market.DesignException;
import agora.market.MarketDesign;
import agora.market.MarketDesigns;
import agora.market.MarketSolver;
import agora.market.MarketTree;
import agora.market.admm.AdmmSolver;
import agora.market.formulation.MarketProblem;
import agora.market.lowering.CentralizedSolver;
import agora.scenario.Scenario;
import agora.scenario.SolveMode;
import agora.solver.SolverBackend;
import agora.solver.SolverOptions;
import agora.topology.Topology;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves the names of designs and backends, from a flag (a wrong name is a usage error) or from
 * the scenario's market block (a wrong name is an error in the scenario), and builds solvers.
 */
final class Choices {
    /** The three designs of the paper, in its order. */
    static final List<String> PAPER_DESIGNS = List.of("full", "community", "hybrid");
    /**
     * {@code --design all}: the paper's three designs, then the scenario's own design when it is
     * another (for example {@code nested} or a plug-in).
     */
    static final String ALL = "all";

    private Choices() {
    }

    /** A design name and whether the scenario file gave it (a wrong one is then its error). */
    private record Choice(String name, boolean fromScenario) {
    }

    /**
     * The designs to run: the flag's, else the scenario's. The flag takes one name or a
     * comma-separated list, run in the order given; {@code all} stands for the paper's three and
     * the scenario's own (see {@link #ALL}); a design listed twice is a usage error.
     */
    static List<MarketDesign> designs(String flag, Loaded loaded, Registries registries) {
        String own = loaded.scenario().market().design();
        List<MarketDesign> out = new ArrayList<>();
        for (Choice choice : flag == null ? expand(own, own) : list(flag, own)) {
            Optional<MarketDesign> design = registries.designs().find(choice.name());
            if (design.isEmpty()) {
                String n = choice.name();
                Set<String> registered = new LinkedHashSet<>(registries.designs().names());
                throw choice.fromScenario() ? scenarioError(DiagnosticCode.UNKNOWN_DESIGN, loaded,
                        Scenario.DESIGN, MarketNames.unknownDesign(n), MarketNames.designHint(n, registered))
                        : new UsageError(MarketNames.unknownDesign(n) + "; "
                        + MarketNames.designHint(n, registered));
            }
            out.add(design.get());
        }
        return out;
    }

    /** The names of a {@code --design} list, each checked to be there once. */
    private static List<Choice> list(String flag, String own) {
        List<Choice> out = new ArrayList<>();
        boolean all = false;
        for (String part : flag.split(",", -1)) {
            String name = part.strip();
            if (name.isEmpty()) {
                throw new UsageError("--design '" + flag + "' has an empty name; separate names "
                        + "with single commas, for example full,community");
            }
            all |= ALL.equals(name);
            out.addAll(ALL.equals(name) ? expand(ALL, own) : List.of(new Choice(name, false)));
        }
        Set<String> seen = new LinkedHashSet<>();
        for (Choice c : out) {
            if (!seen.add(c.name())) {
                throw new UsageError("--design '" + flag + "' names '" + c.name() + "' twice"
                        + (all ? " (all stands for " + String.join(", ", expand(ALL, own).stream()
                        .map(Choice::name).toList()) + ")" : ""));
            }
        }
        return out;
    }

    /** A single name: {@code all} becomes the paper's three designs and the scenario's own. */
    private static List<Choice> expand(String name, String own) {
        if (!ALL.equals(name)) {
            return List.of(new Choice(name, true));
        }
        List<Choice> out = new ArrayList<>();
        PAPER_DESIGNS.forEach(n -> out.add(new Choice(n, false)));
        if (!PAPER_DESIGNS.contains(own) && !ALL.equals(own)) {
            out.add(new Choice(own, true));
        }
        return out;
    }

    /** The backend for centralized solves: the flag's, else the scenario's. */
    static SolverBackend backend(String flag, Loaded loaded, Registries registries) {
        boolean fromFlag = flag != null;
        String name = fromFlag ? flag : loaded.scenario().market().backend();
        return registries.backends().find(name).orElseThrow(() -> {
            Set<String> registered = new LinkedHashSet<>(registries.backends().names());
            return fromFlag ? new UsageError(MarketNames.unknownBackend(name) + "; "
                    + MarketNames.backendHint(name, registered))
                    : scenarioError(DiagnosticCode.UNKNOWN_BACKEND, loaded, Scenario.BACKEND,
                            MarketNames.unknownBackend(name), MarketNames.backendHint(name, registered));
        });
    }

    /**
     * The names the compiler checks in the scenario's market block: the design when the command
     * uses the file's ({@code all} is a name, too), the backend when it uses the file's (no flag
     * replaces it or the solve mode).
     */
    static MarketNames names(Registries registries, boolean fileDesign, boolean fileBackend) {
        Set<String> designs = null;
        if (fileDesign) {
            designs = new LinkedHashSet<>(registries.designs().names());
            designs.add(ALL);
        }
        Set<String> backends = fileBackend ? new LinkedHashSet<>(registries.backends().names()) : null;
        return new MarketNames(designs, backends);
    }

    /**
     * An unknown name in the scenario (a loader that did not check it at compile time), rendered
     * like the compiler's diagnostics: at the name when the market block gives it, else at the file.
     */
    private static UserError scenarioError(DiagnosticCode code, Loaded loaded, String setting, String message,
                                           String hint) {
        SourceSpan at = loaded.scenario().nameSpan(setting).orElse(SourceSpan.none(loaded.file().toString()));
        return new UserError(loaded.render(List.of(Diagnostic.error(code, at, message).withHint(hint)))
                .stripTrailing());
    }

    /**
     * Lowers the scenario with a design, the tree labelled with the design's own name; a design
     * that does not apply is reported as diagnostics.
     */
    static MarketTree lower(MarketDesign design, Topology topology, Loaded loaded) {
        try {
            return MarketDesigns.lower(design, topology);
        } catch (DesignException e) {
            throw new UserError(loaded.render(e.diagnostics()).stripTrailing());
        }
    }

    /** A design's whole problem (tree and own terms); a design that does not apply is reported. */
    static MarketProblem formulate(MarketDesign design, Topology topology, Loaded loaded) {
        try {
            return MarketProblem.formulate(design, topology);
        } catch (DesignException e) {
            throw new UserError(loaded.render(e.diagnostics()).stripTrailing());
        } catch (IllegalArgumentException e) {
            throw new UserError("design '" + design.name() + "' is broken: " + e.getMessage(), e);
        }
    }

    static MarketSolver solver(MarketProblem problem, SolveMode mode, SolverBackend backend,
                               SolverOptions options) {
        try {
            return mode == SolveMode.ADMM ? new AdmmSolver(problem, options)
                    : new CentralizedSolver(problem, backend, options);
        } catch (IllegalArgumentException e) {
            throw new UserError("cannot solve design '" + problem.tree().design() + "': "
                    + e.getMessage(), e);
        }
    }
}
