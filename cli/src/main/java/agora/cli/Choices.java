package agora.cli;

import agora.market.DesignException;
import agora.market.MarketDesign;
import agora.market.MarketDesigns;
import agora.market.MarketSolver;
import agora.market.MarketTree;
import agora.market.admm.AdmmSolver;
import agora.market.lowering.CentralizedSolver;
import agora.scenario.SolveMode;
import agora.solver.SolverBackend;
import agora.solver.SolverBackends;
import agora.solver.SolverOptions;
import agora.topology.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
                String message = "unknown market design '" + n + "'; registered designs: "
                        + String.join(", ", MarketDesigns.names());
                throw fromFlag ? new UsageError(message) : scenarioError("E0801", loaded, message);
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
            String message = "unknown backend '" + name + "'; registered backends: "
                    + String.join(", ", SolverBackends.names());
            return fromFlag ? new UsageError(message) : scenarioError("E0802", loaded, message);
        });
    }

    private static UserError scenarioError(String code, Loaded loaded, String message) {
        return new UserError(loaded.file() + ": error[" + code + "]: " + message);
    }

    /** Lowers the scenario with a design; a design that does not apply is reported as diagnostics. */
    static MarketTree lower(MarketDesign design, Topology topology, Loaded loaded) {
        try {
            return design.lower(topology);
        } catch (DesignException e) {
            throw new UserError(loaded.render(e.diagnostics()).stripTrailing());
        }
    }

    static MarketSolver solver(MarketTree tree, SolveMode mode, SolverBackend backend,
                               SolverOptions options) {
        try {
            return mode == SolveMode.ADMM ? new AdmmSolver(tree, options)
                    : new CentralizedSolver(tree, backend, options);
        } catch (IllegalArgumentException e) {
            throw new UserError("cannot solve design '" + tree.design() + "': " + e.getMessage(), e);
        }
    }
}
