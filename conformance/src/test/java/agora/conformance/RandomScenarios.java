package agora.conformance;

import agora.market.MarketDesign;
import agora.market.MarketTree;
import agora.market.designs.ScenarioFixture;
import agora.scenario.Clearing;
import agora.scenario.PeerKind;
import agora.scenario.QuadraticCost;
import agora.scenario.Tariffs.DistanceMetric;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random small markets: 3-12 peers, one grid, 0-3 communities (some with a nested
 * sub-collective), random fees and sometimes a network charge, lowered with a design drawn
 * from a list (by default the four built-in ones).
 *
 * <p>Chosen so that the answer is unique where it is compared: every peer has a strictly convex
 * cost (unique dispatch) and bounds wide enough that no peer that trades sits at a bound (so the
 * prices of traded links are unique), and every collective holds a prosumer (so its pool price is
 * pinned by a member's marginal cost).
 */
final class RandomScenarios {
    /** A link trading more than this (MW) has a unique price in these scenarios. */
    static final double TRADED = 1e-2;

    /** The built-in designs, in the order seeds draw from. */
    static final List<String> BUILT_IN_DESIGNS = List.of("full", "community", "hybrid", "nested");

    private RandomScenarios() {
    }

    /** The scenario of a seed, lowered with one of {@code designs} (drawn by the seed). */
    static MarketTree generate(long seed, List<MarketDesign> designs) {
        SplittableRandom random = new SplittableRandom(seed);
        MarketDesign design = designs.get(random.nextInt(designs.size()));
        int peerCount = 3 + random.nextInt(10);
        ScenarioFixture f = ScenarioFixture.named("random " + seed);
        double exportPrice = 15 + 15 * random.nextDouble();
        f.grid("grid", exportPrice + 5 + 25 * random.nextDouble(), exportPrice).at("grid", 1);

        int communities = random.nextInt(4);
        List<String> collectives = new ArrayList<>();
        for (int c = 0; c < communities; c++) {
            String name = "c" + (c + 1);
            f.collective(name, random.nextBoolean() ? Clearing.POOL : Clearing.BILATERAL);
            collectives.add(name);
            if (random.nextInt(3) == 0) {
                String inner = name + "b";
                f.collective(inner, random.nextBoolean() ? Clearing.POOL : Clearing.BILATERAL, name);
                collectives.add(inner);
            }
        }
        // one prosumer in each collective first, then the rest at random
        for (int k = 0; k < peerCount; k++) {
            String peer = "n" + (k + 1);
            PeerKind kind = k < collectives.size() ? PeerKind.PROSUMER
                    : PeerKind.values()[random.nextInt(3)];
            addPeer(f, random, peer, kind);
            f.at(peer, 1 + random.nextInt(4));
            if (k < collectives.size()) {
                f.member(collectives.get(k), peer);
            } else if (!collectives.isEmpty() && random.nextInt(4) != 0) {
                f.member(collectives.get(random.nextInt(collectives.size())), peer);
            }
        }
        f.line(1, 2, 0.01, 0.1).line(2, 3, 0.01, 0.1).line(3, 4, 0.01, 0.1);
        if (random.nextBoolean()) {
            f.tradeFee(0.5 * random.nextDouble());
        }
        if (communities >= 2 && random.nextBoolean()) {
            f.fee("c1", "c2", 3 * random.nextDouble());
        }
        if (random.nextInt(3) == 0) {
            f.networkCharge(0.3 * random.nextDouble(), DistanceMetric.HOPS);
        }
        return KnownAnswers.lower(f, design);
    }

    /**
     * Costs a p² + b p with a in [0.5, 2]; marginal costs 2ap + b meet prices in [15, 60], so
     * optimal injections stay within ±45 MW, inside the bounds.
     */
    private static void addPeer(ScenarioFixture f, SplittableRandom random, String name, PeerKind kind) {
        double a = 0.5 + 1.5 * random.nextDouble();
        switch (kind) {
            case PRODUCER -> f.peer(name, kind, 0, 100, new QuadraticCost(a, 5 + 40 * random.nextDouble(), 0));
            case CONSUMER -> f.peer(name, kind, -100, 0, new QuadraticCost(a, 30 + 50 * random.nextDouble(), 0));
            default -> f.peer(name, PeerKind.PROSUMER, -100, 100,
                    new QuadraticCost(a, 15 + 45 * random.nextDouble(), 1));
        }
    }
}
