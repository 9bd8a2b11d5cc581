package agora.market.results;

import static agora.market.results.Fixtures.optimal;

import agora.market.Market;
import agora.market.MarketTree;
import agora.market.Participant;
import agora.market.StepOutcome;
import agora.market.TradeLink;
import agora.scenario.Clearing;
import agora.scenario.Peer;
import agora.scenario.PeerKind;
import agora.scenario.Scenario;
import java.util.List;
import java.util.Map;

/** Two small markets and their outcomes, worked out by hand (see {@link AccountingTest}). */
public final class AccountingFixtures {
    private static final double NAN = Double.NaN;

    private AccountingFixtures() {
    }

    /**
     * Full design, Δt = 0.5 h. Grid g (π⁺ 60, π⁻ 40), producer w (C = 10p) in c1, consumer d
     * (C = p² + 100p) in c2. Every trade side pays 1 $/MWh. Links: w–d, g–d, g–w.
     * Outcome: w makes 2 MW and sells them to d at 61; d takes 3 MW, the third from g at 61.
     */
    public static MarketTree fullTree() {
        Peer g = Fixtures.grid("g", 60, 40, 4);
        Peer w = Fixtures.peer("w", PeerKind.PRODUCER, 0, 2, 0, 10, 4);
        Peer d = Fixtures.peer("d", PeerKind.CONSUMER, -3, 0, 1, 100, 4);
        Scenario s = Fixtures.scenario(30, 4, List.of(g, w, d),
                List.of(Fixtures.community("c1", List.of("w")),
                        Fixtures.community("c2", List.of("d"))));
        Participant pg = new Participant.PeerMember(g);
        Participant pw = new Participant.PeerMember(w);
        Participant pd = new Participant.PeerMember(d);
        Market root = new Market(MarketTree.ROOT, Clearing.BILATERAL, List.of(pg, pw, pd),
                List.of(new TradeLink(pw, pd, 1, 1), new TradeLink(pg, pd, 1, 1),
                        new TradeLink(pg, pw, 1, 1)), 0);
        return new MarketTree("full", s, root, Map.of("w", "c1", "d", "c2"));
    }

    // hourly objective: C_w(2) = 20, C_d(-3) = 9 - 300 = -291, grid 60·1 = 60,
    // fees 1·(2+2) + 1·(1+1) = 6: 20 - 291 + 60 + 6 = -205
    public static StepOutcome fullOutcome(int step) {
        return optimal(step, -205, new double[] {1, 2, -3}, new double[] {2, 1, 0},
                new double[] {61, 61, 50}, new double[] {NAN}, new double[] {NAN},
                new double[] {2, -2, 1, -1, 0, 0}, new double[] {61, 61, 50});
    }

    /**
     * Community design, Δt = 0.25 h. Pool c1 of w (C = 10p, makes 5) and d (C = p² + 100p,
     * takes 2), pool fee 0.5; c1 sells its 3 MW to the grid (π⁻ 40), each side paying 0.5.
     * The members trade with the outside through the manager free of the pool fee, so w's 5 MW
     * go out (e_w = 5), d's 2 MW come in (e_d = -2); a trade through the pool would cost the fee,
     * so the pool has none. KKT prices: the grid buys at 40 - 0.5 = 39.5; the manager nets
     * 39.5 - 0.5 = 39, the price of the members' outside trades and the community price.
     */
    public static MarketTree communityTree(double poolFee, int steps) {
        Peer g = Fixtures.grid("g", 60, 40, steps);
        Peer w = Fixtures.peer("w", PeerKind.PRODUCER, 0, 5, 0, 10, steps);
        Peer d = Fixtures.peer("d", PeerKind.CONSUMER, -2, 0, 1, 100, steps);
        Scenario s = Fixtures.scenario(15, steps, List.of(g, w, d),
                List.of(Fixtures.community("c1", List.of("w", "d"))));
        Market c1 = new Market("c1", Clearing.POOL,
                List.of(new Participant.PeerMember(w), new Participant.PeerMember(d)), List.of(),
                poolFee);
        Participant pg = new Participant.PeerMember(g);
        Participant pc1 = new Participant.CollectiveMember(c1);
        Market root = new Market(MarketTree.ROOT, Clearing.BILATERAL, List.of(pg, pc1),
                List.of(new TradeLink(pg, pc1, 0.5, 0.5)), 0);
        return new MarketTree("community", s, root, Map.of("w", "c1", "d", "c1", "c1", "c1"));
    }

    // hourly objective: C_w(5) = 50, C_d(-2) = 4 - 200 = -196, grid -40·3 = -120,
    // link fees 0.5·3·2 = 3: -263. Slots: g->c1, c1->g; e_w, e_d, the manager's -x (a pool whose
    // manager trades its net has no pool trades). Rows: the link, the outside exchange.
    public static StepOutcome communityOutcome(int step, double outsidePrice) {
        return optimal(step, -263, new double[] {-3, 5, -2}, new double[] {-3},
                new double[] {39.5}, new double[] {NAN, outsidePrice}, new double[] {NAN, 3},
                new double[] {-3, 3, 5, -2, -3}, new double[] {39.5, outsidePrice});
    }
}
