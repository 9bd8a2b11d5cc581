package agora.cli;

import agora.compiler.CompileResult;
import agora.compiler.SourceFiles;
import agora.diagnostics.Diagnostic;
import agora.diagnostics.DiagnosticCode;
import agora.diagnostics.Diagnostics;
import agora.diagnostics.SourceSpan;
import agora.scenario.Clearing;
import agora.scenario.Collective;
import agora.scenario.CollectiveFee;
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
import agora.solver.SolverOptions;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Two communities and the grid, built in code as the compiler would build them, so the commands
 * can be tested without the front end. Four steps of 15 min from 2013-06-01 06:00.
 *
 * <p>c1 pools producer w1 (up to 5 MW at 10 $/MWh) and consumer d1 (up to 2 MW, C = p² + 100p);
 * c2 pools consumer d2 (up to 3 MW, C = p² + 90p); the grid sells at 60 and buys at 40 $/MWh;
 * γ = 0.5 $/MWh, 2 $/MWh between c1 and c2.
 */
final class TestScenarios {
    static final String FILE_TEXT = "scenario \"two communities\"\n// built in code for tests\n";
    static final int STEPS = 4;
    static final SourceSpan HERE = new SourceSpan("two.agora", 1, 1, 8);

    private TestScenarios() {
    }

    static Scenario twoCommunities(String design) {
        List<Peer> peers = List.of(
                grid("g", 60, 40),
                peer("w1", PeerKind.PRODUCER, 0, 5, 0, 10, "wind"),
                peer("d1", PeerKind.CONSUMER, -2, 0, 1, 100, null),
                peer("d2", PeerKind.CONSUMER, -3, 0, 1, 90, null));
        List<Collective> collectives = List.of(
                new Collective(HERE, "c1", "community", Clearing.POOL, null, List.of("w1", "d1"),
                        List.of(), List.of()),
                new Collective(HERE, "c2", "community", Clearing.POOL, null, List.of("d2"),
                        List.of(), List.of()));
        Tariffs tariffs = new Tariffs(0.5, List.of(new CollectiveFee(HERE, "c1", "c2", 2)), 0,
                Tariffs.DistanceMetric.HOPS);
        SolverOptions options = new SolverOptions(1e-6, Duration.ofSeconds(10), 1, 1.0, 20_000);
        return new Scenario(HERE, "two communities", "$",
                new TimeAxis(LocalDateTime.of(2013, 6, 1, 6, 0), Duration.ofMinutes(15), STEPS),
                Map.of("seed", "7"), peers, collectives, tariffs, Network.EMPTY,
                new MarketSettings(design, SolveMode.ADMM, "ipm", options), "feedbeef",
                List.of("two.agora"));
    }

    static CompileResult compiled(Scenario scenario) {
        SourceFiles sources = new SourceFiles();
        sources.add("two.agora", FILE_TEXT);
        return new CompileResult(Optional.of(scenario), new Diagnostics(), sources);
    }

    /** A compile that failed with one error on line 2. */
    static CompileResult failed() {
        SourceFiles sources = new SourceFiles();
        sources.add("two.agora", FILE_TEXT);
        Diagnostics diagnostics = new Diagnostics();
        diagnostics.report(Diagnostic.error(DiagnosticCode.UNDEFINED_NAME,
                new SourceSpan("two.agora", 2, 4, 5), "undefined peer 'built'")
                .withHint("did you mean 'w1'?"));
        return new CompileResult(Optional.empty(), diagnostics, sources);
    }

    private static Peer peer(String name, PeerKind kind, double pmin, double pmax, double a,
                             double b, String energy) {
        return new Peer(HERE, name, kind, kind.keyword(), 0, Profile.constant(pmin, STEPS),
                Profile.constant(pmax, STEPS), new QuadraticCost(a, b, 0),
                energy == null ? Set.of() : Set.of(energy), null, null, List.of());
    }

    private static Peer grid(String name, double importPrice, double exportPrice) {
        return new Peer(HERE, name, PeerKind.GRID, "grid", 0,
                Profile.constant(Double.NEGATIVE_INFINITY, STEPS),
                Profile.constant(Double.POSITIVE_INFINITY, STEPS), QuadraticCost.ZERO, Set.of(),
                Profile.constant(importPrice, STEPS), Profile.constant(exportPrice, STEPS),
                List.of());
    }
}
