package agora.market.admm;

import agora.market.MarketTree;
import agora.market.StepOutcome;
import agora.market.designs.FullP2pDesign;
import agora.market.designs.ScenarioFixture;
import agora.solver.SolverOptions;
import agora.topology.Topology;
import java.time.Duration;
import java.util.Random;

/**
 * Measures the ADMM solver on a synthetic full P2P market (not a test: run it by hand).
 *
 * <pre>
 *   java -cp ... agora.market.admm.AdmmBenchmark [peers] [steps] [tolerance] [threads]
 * </pre>
 *
 * The market has one grid, half the other peers producers and half consumers, with seeded random
 * quadratic costs and bounds, so {@code peers = 1000} gives about 250,000 trade links. It prints
 * the set-up time and, per step, the wall time, iterations, residuals, messages and bytes; steps
 * after the first start warm from the previous one (the load bounds move by a few percent). The
 * tolerance defaults to the solvers' ({@link SolverOptions#DEFAULT_TOLERANCE}); with
 * {@code centralized} as fifth argument the first step is also solved on the ipm backend and
 * the relative difference of the objectives is printed. {@code bench/admm-synthetic.sh} runs it.
 */
public final class AdmmBenchmark {
    private AdmmBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("ieee14")) {
            ieee14(args.length > 1 ? args[1] : "full", args.length > 2 ? Integer.parseInt(args[2]) : 48,
                    args.length > 3 ? Double.parseDouble(args[3]) : 1e-4);
            return;
        }
        int peers = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        double tolerance = args.length > 2 ? Double.parseDouble(args[2]) : SolverOptions.DEFAULT_TOLERANCE;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        boolean centralized = args.length > 4 && args[4].equals("centralized");
        long start = System.nanoTime();
        MarketTree tree = syntheticFullP2p(peers, steps, 20240601L);
        double buildSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        SolverOptions options = new SolverOptions(tolerance, Duration.ofMinutes(10), threads, 1.0, 100_000);
        AdmmSolver solver = new AdmmSolver(tree, options);
        double setupSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("full P2P: %d peers, %d links; design %.2f s, solver set-up %.2f s%n",
                tree.peers().size(), tree.links().size(), buildSeconds, setupSeconds);
        double firstObjective = Double.NaN;
        for (int t = 0; t < steps; t++) {
            StepOutcome o = solver.solve(t);
            System.out.println(describe(o));
            firstObjective = t == 0 ? o.objective() : firstObjective;
        }
        if (centralized) {
            start = System.nanoTime();
            StepOutcome c = new agora.market.lowering.CentralizedSolver(tree,
                    agora.solver.SolverBackends.byName("ipm"), options, false).solve(0);
            System.out.printf("step 0 centralized on ipm: %s in %.3f s (lowering included), objective "
                            + "%.6f; ADMM differs by %.2e relative%n", c.status(), (System.nanoTime() - start) / 1e9,
                    c.objective(), Math.abs(firstObjective - c.objective()) / Math.abs(c.objective()));
        }
    }

    /**
     * The 20-peer IEEE 14-bus case (see {@link Ieee14Case}) over its first {@code steps}
     * half-hours on one thread: iterations of the cold first step, then of the warm ones.
     */
    static void ieee14(String design, int steps, double tolerance) throws Exception {
        java.nio.file.Path folder = Ieee14Case.folder().orElseThrow(() ->
                new IllegalStateException("no IEEE 14-bus data at " + Ieee14Case.DEFAULT_FOLDER));
        MarketTree tree = agora.market.MarketDesigns.byName(design)
                .lower(Topology.of(Ieee14Case.fixture(folder, steps).build()));
        AdmmSolver solver = new AdmmSolver(tree, new SolverOptions(tolerance, Duration.ofMinutes(1),
                1, 1.0, 100_000));
        long total = 0;
        long most = 0;
        double seconds = 0;
        for (int t = 0; t < steps; t++) {
            StepOutcome o = solver.solve(t);
            if (t == 0 || !o.isOptimal()) {
                System.out.println(describe(o));
            }
            total += o.stats().iterations();
            most = Math.max(most, o.stats().iterations());
            seconds += o.stats().seconds();
        }
        System.out.printf("ieee14 %s: %d peers, %d links, %d steps: %.1f iterations per step on "
                        + "average, %d at most, %.4f s per step%n", design, tree.peers().size(),
                tree.links().size(), steps, (double) total / steps, most, seconds / steps);
    }

    static String describe(StepOutcome o) {
        StepOutcome.SolveStats s = o.stats();
        return String.format("step %d: %s in %.3f s, %d iterations, residuals %.2e / %.2e, "
                        + "%,d messages, %,d bytes, objective %.6f", o.step(), o.status(), s.seconds(),
                s.iterations(), s.primalResidual(), s.dualResidual(), s.messages(), s.bytes(),
                o.objective());
    }

    /** One grid, then alternately a producer and a consumer; load bounds vary by step. */
    static MarketTree syntheticFullP2p(int peers, int steps, long seed) {
        Random random = new Random(seed);
        ScenarioFixture fixture = ScenarioFixture.named("synthetic").steps(steps, Duration.ofHours(1))
                .grid("grid", 80, 20).tradeFee(0.01);
        for (int i = 1; i < peers; i++) {
            double a = 0.5 + 4.5 * random.nextDouble();
            if (i % 2 == 1) {
                double pmax = 1 + 9 * random.nextDouble();
                fixture.producer("g" + i, 0, pmax, a, 10 + 40 * random.nextDouble());
            } else {
                double load = 1 + 9 * random.nextDouble();
                double[] low = new double[steps];
                double[] high = new double[steps];
                for (int t = 0; t < steps; t++) {
                    low[t] = -load * (1 + 0.05 * t);
                }
                fixture.peer("d" + i, agora.scenario.PeerKind.CONSUMER, low, high,
                        new agora.scenario.QuadraticCost(a, 60 + 40 * random.nextDouble(), 0));
            }
        }
        return new FullP2pDesign().lower(Topology.of(fixture.build()));
    }
}
