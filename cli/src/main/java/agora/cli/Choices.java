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
import agora.solver.SolverBackends;
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
    /** {@code --design all}: the three designs of the paper, in its order. */
    static final List<String> PAPER_DESIGNS = List.of("full", "community", "hybrid");
    static final String ALL = "all";

    private Choices() {
    }

    /** The designs to run: the flag's ({@code all} = the paper's three), else the scenario's. */
    static List<MarketDesign> designs(String flag, Loaded loaded) {
        boolean fromFlag = flag != null;
        String name = fromFlag ? flag : loaded.scenario().market().design();
        List<String> names = ALL.equals(name) ? PAPER_DESIGNS : List.of(name);
        List<MarketDesign> out = new ArrayList<>();
        for (String n : names) {
            Optional<MarketDesign> design = MarketDesigns.find(n);
            if (design.isEmpty()) {
                Set<String> registered = new LinkedHashSet<>(MarketDesigns.names());
                throw fromFlag ? new UsageError(MarketNames.unknownDesign(n) + "; "
                        + MarketNames.designHint(n, registered))
                        : scenarioError(DiagnosticCode.UNKNOWN_DESIGN, loaded, Scenario.DESIGN,
                                MarketNames.unknownDesign(n), MarketNames.designHint(n, registered));
            }
            out.add(design.get());
        }
        return out;
    }

    /** The backend for centralized solves: the flag's, else the scenario's. */
    static SolverBackend backend(String flag, Loaded loaded) {
        boolean fromFlag = flag != null;
        String name = fromFlag ? flag : loaded.scenario().market().backend();
        return SolverBackends.find(name).orElseThrow(() -> {
            Set<String> registered = new LinkedHashSet<>(SolverBackends.names());
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
    static MarketNames names(boolean fileDesign, boolean fileBackend) {
        Set<String> designs = null;
        if (fileDesign) {
            designs = new LinkedHashSet<>(MarketDesigns.names());
            designs.add(ALL);
        }
        Set<String> backends = fileBackend ? new LinkedHashSet<>(SolverBackends.names()) : null;
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

    /** Lowers the scenario with a design; a design that does not apply is reported as diagnostics. */
    static MarketTree lower(MarketDesign design, Topology topology, Loaded loaded) {
        try {
            return design.lower(topology);
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
