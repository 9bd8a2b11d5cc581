package agora.conformance;

import agora.market.MarketDesign;
import agora.market.MarketTree;
import agora.market.Participant;
import agora.market.StepOutcome;
import agora.market.TradeLink;
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
 *
 * <p>{@link #generateWide} draws from a wider family, where prices are not all unique: peers
 * with all-zero bounds (idle) and must-take peers (pmin = pmax), bounds that bind, cost
 * coefficients a over eight decades (1e-4 to 1e4 $/MW²h: nearly flat costs, whose dispatch a
 * small price error moves far, next to nearly fixed ones), trade fees from 0 to 50 $/MWh, flat
 * grid prices (π+ = π-) and negative prices. Dispatch stays unique (every cost is strictly
 * convex); a link's price is unique where it carries energy and one of its sides is a peer
 * strictly inside its bounds ({@link #pinsPrice}).
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

    /** The scenario of a seed from the wide family, lowered with one of {@code designs}. */
    static MarketTree generateWide(long seed, List<MarketDesign> designs) {
        SplittableRandom random = new SplittableRandom(seed);
        MarketDesign design = designs.get(random.nextInt(designs.size()));
        int peerCount = 3 + random.nextInt(24);
        ScenarioFixture f = ScenarioFixture.named("wide random " + seed);
        double shift = random.nextInt(4) == 0 ? -40 * random.nextDouble() : 0.0;
        double exportPrice = shift + 15 + 15 * random.nextDouble();
        double importPrice = random.nextInt(4) == 0 ? exportPrice : exportPrice + 25 * random.nextDouble();
        f.grid("grid", importPrice, exportPrice).at("grid", 1);
        int communities = random.nextInt(3);
        List<String> collectives = new ArrayList<>();
        for (int c = 0; c < communities; c++) {
            String name = "c" + (c + 1);
            f.collective(name, random.nextBoolean() ? Clearing.POOL : Clearing.BILATERAL);
            collectives.add(name);
        }
        for (int k = 0; k < peerCount; k++) {
            String peer = "n" + (k + 1);
            PeerKind kind = PeerKind.values()[random.nextInt(3)];
            addWidePeer(f, random, peer, kind, shift);
            f.at(peer, 1 + random.nextInt(4));
            if (k < collectives.size()) {
                f.member(collectives.get(k), peer);
            } else if (!collectives.isEmpty() && random.nextInt(3) != 0) {
                f.member(collectives.get(random.nextInt(collectives.size())), peer);
            }
        }
        f.line(1, 2, 0.01, 0.1).line(2, 3, 0.01, 0.1).line(3, 4, 0.01, 0.1);
        double fee = switch (random.nextInt(4)) {
            case 0 -> 0.0;
            case 1 -> 0.001;
            case 2 -> 0.5 * random.nextDouble();
            default -> 5 + 45 * random.nextDouble();
        };
        f.tradeFee(fee);
        if (communities >= 2 && random.nextBoolean()) {
            f.fee("c1", "c2", 3 * random.nextDouble());
        }
        return KnownAnswers.lower(f, design);
    }

    /**
     * A peer of the wide family: one in six idle (all-zero bounds), one in six must-take
     * (pmin = pmax, the sign its kind allows), the others with bounds of 0.1 to 100 MW; cost
     * a p² + b p with a = 10^u, u uniform in [-4, 4], and b around the grid's prices.
     */
    private static void addWidePeer(ScenarioFixture f, SplittableRandom random, String name,
                                    PeerKind kind, double shift) {
        double a = Math.pow(10, -4 + 8 * random.nextDouble());
        double b = shift + switch (kind) {
            case PRODUCER -> -10 + 50 * random.nextDouble();
            case CONSUMER -> 10 + 70 * random.nextDouble();
            default -> 60 * random.nextDouble();
        };
        double size = Math.pow(10, -1 + 3 * random.nextDouble());
        double low = kind == PeerKind.PRODUCER ? 0 : -size;
        double high = kind == PeerKind.CONSUMER ? 0 : size;
        switch (random.nextInt(6)) {
            case 0 -> {
                low = 0;
                high = 0;
            }
            case 1 -> {
                double fixed = kind == PeerKind.PRODUCER || kind == PeerKind.PROSUMER && random.nextBoolean()
                        ? size : -size;
                low = fixed;
                high = fixed;
            }
            default -> {
            }
        }
        f.peer(name, kind, low, high, new QuadraticCost(a, b, 0));
    }

    /**
     * Whether the reference pins the price of a link: it carries energy and one of its sides is
     * the grid or a peer strictly inside its bounds, whose marginal cost then fixes the price.
     */
    static boolean pinsPrice(TradeLink link, MarketTree tree, StepOutcome reference, int step) {
        return Math.abs(reference.linkTrade()[tree.links().indexOf(link)]) > TRADED
                && (inside(link.a(), tree, reference, step) || inside(link.b(), tree, reference, step));
    }

    private static boolean inside(Participant side, MarketTree tree, StepOutcome reference, int step) {
        return side.asPeer().map(peer -> {
            if (peer.isGrid()) {
                return true;
            }
            double p = reference.injection()[tree.peers().indexOf(peer)];
            return p > peer.pmin().at(step) + TRADED && p < peer.pmax().at(step) - TRADED;
        }).orElse(false);
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
