package agora.cli;

import agora.market.MarketDesign;
import agora.market.MarketSolver;
import agora.market.MarketTree;
import agora.scenario.SolveMode;
import agora.solver.SolverBackend;
import agora.solver.SolverOptions;
import agora.topology.Topology;
import java.util.ArrayList;
import java.util.List;

/** A design lowered and a solver ready for its steps. */
record Prepared(MarketTree tree, MarketSolver solver) {

    /** Lowers every design before solving any, so a design that does not apply fails fast. */
    static List<Prepared> all(List<MarketDesign> designs, Loaded loaded, SolveMode mode,
                              SolverBackend backend, SolverOptions options) {
        Topology topology = Topology.of(loaded.scenario());
        List<MarketTree> trees = designs.stream()
                .map(d -> Choices.lower(d, topology, loaded)).toList();
        List<Prepared> out = new ArrayList<>();
        for (MarketTree tree : trees) {
            out.add(new Prepared(tree, Choices.solver(tree, mode, backend, options)));
        }
        return out;
    }
}
