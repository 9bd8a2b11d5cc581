package agora.cli;

import agora.market.MarketDesign;
import agora.market.MarketSolver;
import agora.market.MarketTree;
import agora.market.formulation.MarketProblem;
import agora.scenario.SolveMode;
import agora.solver.SolverBackend;
import agora.solver.SolverOptions;
import agora.topology.Topology;
import java.util.ArrayList;
import java.util.List;

/** A design formulated and a solver ready for its steps. */
record Prepared(MarketProblem problem, MarketSolver solver) {

    MarketTree tree() {
        return problem.tree();
    }

    /** Formulates every design before solving any, so a design that does not apply fails fast. */
    static List<Prepared> all(List<MarketDesign> designs, Loaded loaded, SolveMode mode,
                              SolverBackend backend, SolverOptions options) {
        return of(formulate(designs, loaded), mode, backend, options);
    }

    /** The market problem of every design (a design that does not apply is a {@link UserError}). */
    static List<MarketProblem> formulate(List<MarketDesign> designs, Loaded loaded) {
        Topology topology = Topology.of(loaded.scenario());
        return designs.stream().map(d -> Choices.formulate(d, topology, loaded)).toList();
    }

    /** A solver for each problem. */
    static List<Prepared> of(List<MarketProblem> problems, SolveMode mode, SolverBackend backend,
                             SolverOptions options) {
        List<Prepared> out = new ArrayList<>();
        for (MarketProblem problem : problems) {
            out.add(new Prepared(problem, Choices.solver(problem, mode, backend, options)));
        }
        return out;
    }
}
