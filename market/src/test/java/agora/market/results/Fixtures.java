package agora.market.results;

import agora.diagnostics.SourceSpan;
import agora.market.StepOutcome;
import agora.scenario.Collective;
import agora.scenario.MarketSettings;
import agora.scenario.Network;
import agora.scenario.Peer;
import agora.scenario.PeerKind;
import agora.scenario.Profile;
import agora.scenario.QuadraticCost;
import agora.scenario.Scenario;
import agora.scenario.SolveMode;
import agora.scenario.Tariffs;
import agora.scenario.TimeAxis;
import agora.solver.SolveStatus;
import agora.solver.SolverOptions;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Scenarios and outcomes built by hand for tests of the accounts and of runs. */
public final class Fixtures {
    public static final SourceSpan HERE = SourceSpan.none("test");
    public static final LocalDateTime START = LocalDateTime.of(2013, 6, 1, 6, 0);

    private Fixtures() {
    }

    public static Peer peer(String name, PeerKind kind, double pmin, double pmax, double a,
                            double b, int steps) {
        return new Peer(HERE, name, kind, kind.keyword(), 1, Profile.constant(pmin, steps),
                Profile.constant(pmax, steps), new QuadraticCost(a, b, 0), Set.of(), null, null,
                List.of());
    }

    public static Peer grid(String name, double importPrice, double exportPrice, int steps) {
        return new Peer(HERE, name, PeerKind.GRID, "grid", 1,
                Profile.constant(Double.NEGATIVE_INFINITY, steps),
                Profile.constant(Double.POSITIVE_INFINITY, steps), QuadraticCost.ZERO, Set.of(),
                Profile.constant(importPrice, steps), Profile.constant(exportPrice, steps),
                List.of());
    }

    public static Collective community(String name, List<String> peers) {
        return new Collective(HERE, name, "community", agora.scenario.Clearing.POOL, null, peers,
                List.of(), List.of());
    }

    public static Scenario scenario(int stepMinutes, int steps, List<Peer> peers,
                                    List<Collective> collectives) {
        return new Scenario(HERE, "hand-made", "$",
                new TimeAxis(START, Duration.ofMinutes(stepMinutes), steps),
                Map.of(), peers, collectives, Tariffs.NONE, Network.EMPTY,
                new MarketSettings("full", SolveMode.CENTRALIZED, "ipm",
                        SolverOptions.defaults()),
                "0123abcd", List.of("hand-made.agora"));
    }

    public static StepOutcome.SolveStats stats(long iterations) {
        return new StepOutcome.SolveStats(iterations, Double.NaN, Double.NaN, 0, 0, 0.01);
    }

    /**
     * An optimal outcome worked out by hand.
     *
     * @param slotValues     every trade slot of the tree's problem, in its order
     * @param couplingPrices every coupling row's price, in the problem's order
     */
    public static StepOutcome optimal(int step, double objective, double[] injection,
                                      double[] linkTrade, double[] linkPrice,
                                      double[] marketPrice, double[] collectiveNet,
                                      double[] slotValues, double[] couplingPrices) {
        return new StepOutcome(step, SolveStatus.OPTIMAL, "optimal", List.of(), objective,
                injection, linkTrade, linkPrice, marketPrice, collectiveNet, slotValues,
                couplingPrices, stats(12));
    }

    public static StepOutcome failed(int step, SolveStatus status, String message,
                                     List<String> conflicts) {
        return new StepOutcome(step, status, message, conflicts, Double.NaN, new double[0],
                new double[0], new double[0], new double[0], new double[0], new double[0],
                new double[0], stats(0));
    }
}
