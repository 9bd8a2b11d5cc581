package agora.market.admm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import agora.market.Market;
import agora.market.MarketDesigns;
import agora.market.MarketTree;
import agora.market.Participant;
import agora.market.StepOutcome;
import agora.market.designs.FullP2pDesign;
import agora.market.designs.ScenarioFixture;
import agora.market.lowering.CentralizedSolver;
import agora.scenario.Clearing;
import agora.scenario.Peer;
import agora.scenario.PeerKind;
import agora.scenario.QuadraticCost;
import agora.solver.SolverBackend;
import agora.solver.SolverBackends;
import agora.solver.SolverOptions;
import agora.topology.Topology;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random markets of up to 50 peers against references: a single-price equilibrium
 * computed independently by bisection (full P2P of producers and consumers with a grid), and the
 * centralized solver on the ipm backend (any design; skipped when that backend is absent).
 */
class RandomMarketsTest {
    static final SolverOptions OPTIONS = new SolverOptions(1e-7, Duration.ofSeconds(60), 1, 1.0, 20_000);
    static final double WELFARE_RELATIVE = 1e-4;
    static final double POWER = 1e-3;
    static final double PRICE = 0.05;
    /** A trade below this (MW) does not pin its price. */
    static final double TRADED = 1e-2;

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 8);
    }

    /**
     * Full P2P of producers, consumers and a grid with one fee γ on every trade side. Every
     * producer-consumer pair is linked, so the market clears at one price λ seen by sellers
     * (a producer's marginal cost plus γ; a consumer's marginal value minus γ): producer
     * p = (λ - γ - b)/(2a), consumer p = (λ + γ - b)/(2a), both clipped to their bounds; the grid
     * sells any amount at λ = π+ + γ and buys any amount at λ = π- - γ. Each MWh sold pays 2γ in
     * fees, so the objective is Σ C_n(p_n) + 2γ (producers' sales + grid sales) + π+ s - π- u.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void fullP2pClearsAtTheSinglePriceEquilibrium(long seed) {
        Random random = new Random(seed);
        int peers = 4 + random.nextInt(47);
        double gamma = random.nextBoolean() ? 0.0 : 0.5;
        double importPrice = 50 + 20 * random.nextDouble();
        double exportPrice = importPrice - 10 - 20 * random.nextDouble();
        ScenarioFixture fixture = ScenarioFixture.named("random").grid("grid", importPrice, exportPrice)
                .tradeFee(gamma);
        for (int i = 1; i < peers; i++) {
            double a = 0.5 + 2.5 * random.nextDouble();
            if (random.nextBoolean()) {
                fixture.producer("g" + i, 0, 2 + 18 * random.nextDouble(), a, 5 + 35 * random.nextDouble());
            } else {
                fixture.consumer("d" + i, -2 - 18 * random.nextDouble(), 0, a, 40 + 50 * random.nextDouble());
            }
        }
        MarketTree tree = new FullP2pDesign().lower(Topology.of(fixture.build()));
        StepOutcome o = new AdmmSolver(tree, OPTIONS).solve(0);
        String where = "seed " + seed + " (" + peers + " peers)";
        assertTrue(o.isOptimal(), where + ": " + o.message());

        Equilibrium expected = Equilibrium.of(tree.peers(), gamma, importPrice, exportPrice);
        for (int k = 0; k < tree.peers().size(); k++) {
            assertEquals(expected.injection[k], o.injection()[k], POWER,
                    where + ": " + tree.peers().get(k).name());
        }
        assertEquals(expected.objective, o.objective(), WELFARE_RELATIVE * Math.abs(expected.objective),
                where + ": objective");
        for (int l = 0; l < tree.links().size(); l++) {
            if (Math.abs(o.linkTrade()[l]) > TRADED) {
                assertEquals(expected.price, o.linkPrice()[l], PRICE, where + ": " + tree.links().get(l).label());
            }
        }
    }

    /** The single-price equilibrium of producers, consumers and a grid, by bisection on λ. */
    private record Equilibrium(double price, double[] injection, double objective) {

        static Equilibrium of(List<Peer> peers, double gamma, double importPrice, double exportPrice) {
            double high = importPrice + gamma;
            double low = exportPrice - gamma;
            double price;
            if (excess(peers, gamma, high) <= 0) {
                price = high;
            } else if (excess(peers, gamma, low) >= 0) {
                price = low;
            } else {
                double lo = low;
                double hi = high;
                for (int i = 0; i < 200; i++) {
                    double mid = 0.5 * (lo + hi);
                    if (excess(peers, gamma, mid) > 0) {
                        hi = mid;
                    } else {
                        lo = mid;
                    }
                }
                price = 0.5 * (lo + hi);
            }
            double[] injection = new double[peers.size()];
            double objective = 0.0;
            double sales = 0.0;
            double net = 0.0;
            int grid = -1;
            for (int k = 0; k < peers.size(); k++) {
                Peer peer = peers.get(k);
                if (peer.isGrid()) {
                    grid = k;
                    continue;
                }
                injection[k] = response(peer, gamma, price);
                objective += peer.cost().at(injection[k]);
                sales += Math.max(injection[k], 0.0);
                net += injection[k];
            }
            injection[grid] = -net;
            double gridSale = Math.max(-net, 0.0);
            double gridPurchase = Math.max(net, 0.0);
            objective += 2 * gamma * (sales + gridSale) + importPrice * gridSale - exportPrice * gridPurchase;
            return new Equilibrium(price, injection, objective);
        }

        /** Net injection of all peers but the grid at seller price λ. */
        static double excess(List<Peer> peers, double gamma, double price) {
            double sum = 0.0;
            for (Peer peer : peers) {
                if (!peer.isGrid()) {
                    sum += response(peer, gamma, price);
                }
            }
            return sum;
        }

        static double response(Peer peer, double gamma, double price) {
            QuadraticCost c = peer.cost();
            double own = peer.kind() == PeerKind.PRODUCER ? price - gamma : price + gamma;
            double p = (own - c.b()) / (2 * c.a());
            return Math.min(peer.pmax().at(0), Math.max(peer.pmin().at(0), p));
        }
    }

    /**
     * Random designs (community, hybrid, nested with pool and bilateral collectives, fees between
     * collectives) against the centralized solver: the same objective, dispatch, prices of traded
     * links and pool prices.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void randomDesignsAgreeWithTheCentralizedSolver(long seed) throws Exception {
        Optional<SolverBackend> backend = SolverBackends.find("ipm");
        assumeTrue(backend.isPresent(), "the ipm backend is not registered");
        Random random = new Random(1000 + seed);
        String design = List.of("full", "community", "hybrid", "nested").get(random.nextInt(4));
        MarketTree tree = MarketDesigns.byName(design).lower(Topology.of(randomCollectives(random).build()));
        StepOutcome tested = new AdmmSolver(tree, OPTIONS).solve(0);
        StepOutcome reference = new CentralizedSolver(tree, backend.get(), SolverOptions.defaults()).solve(0);
        String where = "seed " + seed + " (" + design + ", " + tree.peers().size() + " peers)";
        assertTrue(reference.isOptimal(), where + ": reference " + reference.message());
        assertTrue(tested.isOptimal(), where + ": " + tested.message());
        assertEquals(reference.objective(), tested.objective(),
                WELFARE_RELATIVE * Math.abs(reference.objective()), where + ": objective");
        for (int k = 0; k < tree.peers().size(); k++) {
            assertEquals(reference.injection()[k], tested.injection()[k], POWER,
                    where + ": " + tree.peers().get(k).name());
        }
        for (int l = 0; l < tree.links().size(); l++) {
            if (Math.abs(reference.linkTrade()[l]) > TRADED && Math.abs(tested.linkTrade()[l]) > TRADED) {
                assertEquals(reference.linkPrice()[l], tested.linkPrice()[l], PRICE,
                        where + ": " + tree.links().get(l).label());
            }
        }
        for (int m = 0; m < tree.markets().size(); m++) {
            Market market = tree.markets().get(m);
            if (!market.isPool()) {
                continue;
            }
            if (!market.isRoot()) {
                assertEquals(reference.collectiveNet()[m], tested.collectiveNet()[m], POWER,
                        where + ": net of " + market.name());
            }
            // a pool where nobody trades has a range of prices, none of them pinned
            if (poolVolume(tree, market, reference) > TRADED) {
                assertEquals(reference.marketPrice()[m], tested.marketPrice()[m], PRICE,
                        where + ": pool " + market.name());
            }
        }
    }

    /** Sum of the members' |positions| in a pool, MW. */
    static double poolVolume(MarketTree tree, Market pool, StepOutcome outcome) {
        double volume = 0.0;
        for (Participant member : pool.participants()) {
            volume += Math.abs(member instanceof Participant.CollectiveMember c
                    ? outcome.collectiveNet()[tree.markets().indexOf(c.inner())]
                    : outcome.injection()[tree.peers().indexOf(member.asPeer().orElseThrow())]);
        }
        return volume;
    }

    /**
     * Up to 50 peers (producers, consumers, prosumers) in two or three top-level collectives,
     * one of which holds a nested collective, plus loose peers and a grid.
     */
    static ScenarioFixture randomCollectives(Random random) {
        int peers = 6 + random.nextInt(45);
        double importPrice = 50 + 20 * random.nextDouble();
        ScenarioFixture fixture = ScenarioFixture.named("random")
                .grid("grid", importPrice, importPrice - 10 - 20 * random.nextDouble())
                .tradeFee(random.nextBoolean() ? 0.0 : 0.2 * random.nextDouble());
        int collectives = 2 + random.nextInt(2);
        for (int c = 0; c < collectives; c++) {
            fixture.collective("c" + c, random.nextBoolean() ? Clearing.POOL : Clearing.BILATERAL);
        }
        fixture.collective("inner", random.nextBoolean() ? Clearing.POOL : Clearing.BILATERAL, "c0");
        fixture.fee("c0", "c1", 2 * random.nextDouble());
        for (int i = 1; i < peers; i++) {
            String name = "p" + i;
            double a = 0.2 + 2 * random.nextDouble();
            double kind = random.nextDouble();
            if (kind < 0.4) {
                fixture.producer(name, 0, 2 + 18 * random.nextDouble(), a, 5 + 35 * random.nextDouble());
            } else if (kind < 0.8) {
                fixture.consumer(name, -2 - 18 * random.nextDouble(), 0, a, 40 + 50 * random.nextDouble());
            } else {
                fixture.prosumer(name, -5 * random.nextDouble(), 5 * random.nextDouble(), a,
                        20 + 40 * random.nextDouble());
            }
            // the first peers fill every collective, the rest land anywhere (or stay loose)
            int home = i <= collectives + 1 ? i - 1 : random.nextInt(collectives + 2);
            if (home < collectives) {
                fixture.member("c" + home, name);
            } else if (home == collectives) {
                fixture.member("inner", name);
            }
        }
        return fixture;
    }
}
