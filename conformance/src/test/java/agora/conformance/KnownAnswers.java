package agora.conformance;

import agora.market.DesignException;
import agora.market.MarketDesign;
import agora.market.MarketDesigns;
import agora.market.MarketTree;
import agora.market.designs.ScenarioFixture;
import agora.scenario.Clearing;
import agora.scenario.PeerKind;
import agora.scenario.QuadraticCost;
import agora.topology.Topology;
import java.time.Duration;

/**
 * Small markets whose outcome is worked out by hand (the derivation sits with each). Costs are
 * hourly: {@code C(p) = a p² + b p}, a consumer's b being its willingness to pay; prices are in
 * $/MWh.
 */
final class KnownAnswers {
    private KnownAnswers() {
    }

    static MarketTree lower(ScenarioFixture fixture, String design) {
        return lower(fixture, MarketDesigns.byName(design));
    }

    /** The fixture's scenario, naming the design in its market block, lowered with it. */
    static MarketTree lower(ScenarioFixture fixture, MarketDesign design) {
        try {
            return MarketDesigns.lower(design, Topology.of(fixture.design(design.name()).build()));
        } catch (DesignException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /**
     * Producer g: 0.5p² + 10p on [0, 100]; consumer d: 0.5p² + 40p on [-100, 0]; γ = 1 per side.
     * g selling q to d: objective 0.5q² + 10q + 0.5q² - 40q + 2q = q² - 28q, least at q = 14,
     * value -196. Price: g's marginal cost plus its fee, 14 + 10 + 1 = 25; check from d's side:
     * its marginal value less its fee, (-14 + 40) - 1 = 25.
     */
    static MarketTree twoPeers() {
        return lower(ScenarioFixture.named("two peers")
                .producer("g", 0, 100, 0.5, 10)
                .consumer("d", -100, 0, 0.5, 40)
                .tradeFee(1.0), "full");
    }

    /**
     * The paper's Fig. 2: producers g1 (0.5p² + 10p), g2 (0.5p² + 20p), consumers d1
     * (0.5p² + 50p), d2 (0.5p² + 40p), bounds ±100, no fees, full P2P (4 links). With equal
     * trade costs one price λ clears: each peer sets its marginal cost p + b = λ, so
     * p = λ - b and (λ-10) + (λ-20) + (λ-50) + (λ-40) = 0 gives λ = 30: g1 20, g2 10, d1 -20,
     * d2 -10. Objective 400 + 250 - 800 - 350 = -500.
     * Trades are not unique: with t = P(g1->d1), P(g1->d2) = 20 - t, P(g2->d1) = 20 - t,
     * P(g2->d2) = t - 10 (10 <= t <= 20). Least norm: d/dt [t² + 2(20-t)² + (t-10)²] =
     * 8t - 100 = 0, t = 12.5: trades 12.5, 7.5, 7.5, 2.5.
     */
    static MarketTree figure2() {
        return lower(ScenarioFixture.named("fig 2")
                .producer("g1", 0, 100, 0.5, 10)
                .producer("g2", 0, 100, 0.5, 20)
                .consumer("d1", -100, 0, 0.5, 50)
                .consumer("d2", -100, 0, 0.5, 40), "full");
    }

    /**
     * Community c1 (pool, formulation (2)) = {g1: p² + 10p on [0, 4]; d1: fixed load, 10 MW in
     * step 0, 2 MW in step 1}; grid π+ = 30, π- = 20; γ = 0.5 on each pool trade only (members
     * import at π+ and export at π- without γ); 30-min steps (the objective stays hourly).
     * <ul>
     *   <li>Step 0: d1 buys from the pool at the community price λ plus γ and imports the rest
     *       at π+, so λ + 0.5 = 30: λ = 29.5; g1 earns λ - 0.5 = 29 in the pool, above π- and
     *       its marginal cost 2·4 + 10 = 18, so it sells its 4 MW to d1, who imports 6.
     *       Objective: g1 16 + 40 = 56, pool fees 0.5·(4 + 4) = 4, import 30·6 = 180: 240.</li>
     *   <li>Step 1: g1 still runs at 4 (π- = 20 > 18) and sells d1's 2 MW through the pool
     *       (d1 pays λ + 0.5, g1 gets λ - 0.5, which must equal its export price 20 since it
     *       also exports): λ = 20.5; c1 exports 2. Objective: 56, pool fees 0.5·(2 + 2) = 2,
     *       export -20·2 = -40: 18.</li>
     * </ul>
     * The community's link with the grid carries its net without price: members pay the grid.
     */
    static MarketTree communityImportExport() {
        return lower(ScenarioFixture.named("community import")
                .steps(2, Duration.ofMinutes(30))
                .grid("grid", 30, 20)
                .collective("c1", Clearing.POOL)
                .producer("g1", 0, 4, 1, 10)
                .peer("d1", PeerKind.CONSUMER, new double[] {-10, -2}, new double[] {-10, -2},
                        QuadraticCost.ZERO)
                .member("c1", "g1", "d1")
                .tradeFee(0.5), "community");
    }

    /**
     * The hand-worked single member: consumer d (-10..0 MW, linear value 100 $/MWh)
     * alone in pool c; grid π+ = 50, π- = 40; γ = 1; one hour.
     * <ul>
     *   <li>community (formulation (2)): d imports its 10 MW at π+ without γ: objective
     *       -1000 + 500 = -500 (welfare 500). With one member nothing goes through the pool, so
     *       its price is not unique: any at which d buys nothing there, at least 50 - γ.</li>
     *   <li>hybrid (formulation (3)): the manager buys the 10 MW from the grid at the root,
     *       γ on both sides: -1000 + 500 + 2·10 = -480; the price inside is what the manager
     *       pays, π+ + 2γ = 52.</li>
     * </ul>
     */
    static MarketTree oneMember(String design) {
        return lower(ScenarioFixture.named("one member")
                .grid("grid", 50, 40)
                .collective("c", Clearing.POOL)
                .consumer("d", -10, 0, 0, 100)
                .member("c", "d")
                .tradeFee(1.0), design);
    }

    /**
     * Two members: consumer d (-10..0 MW, value 100 $/MWh) and producer w (0..6 MW, 10 $/MWh)
     * in pool c; grid π+ = 50, π- = 40; γ = 1.
     * <ul>
     *   <li>community: w's 6 MW go to d through the pool (γ on both: 2 $/MWh, less than the
     *       grid's spread of 10) and d imports 4 at π+. d buys both ways, so the community price
     *       λ + γ = π+: λ = 49. Objective: -1000 + 60 + 4·50 + 1·(6 + 6) = -728.</li>
     *   <li>hybrid: inside, members trade their net through the manager without γ; the
     *       manager imports 4 at the root with γ on both sides. Objective
     *       -1000 + 60 + 4·50 + 2·4 = -732; price inside π+ + 2γ = 52.</li>
     * </ul>
     */
    static MarketTree twoMembers(String design) {
        return lower(ScenarioFixture.named("two members")
                .grid("grid", 50, 40)
                .collective("c", Clearing.POOL)
                .consumer("d", -10, 0, 0, 100)
                .producer("w", 0, 6, 0, 10)
                .member("c", "d", "w")
                .tradeFee(1.0), design);
    }

    /**
     * Two levels, nested design: the root trades between the grid (π+ 50, π- 10) and the pool
     * N = {building B, consumer h (p² + 60p on [-100, 0])}; B clears bilaterally between its
     * manager, pv (p² on [0, 10]) and a fixed load l of 4 MW. No fees.
     * <p>One price λ clears everything while no grid trade happens. pv runs flat out when its
     * marginal cost 2·10 <= λ; h takes p = (λ - 60)/2; balance 10 - 4 + (λ - 60)/2 = 0 gives
     * λ = 48, inside [π-, π+], so indeed no grid trade. h -6, B exports 6 into N, N's net is 0.
     * Objective: pv 100, h 36 - 360 = -324: -224.
     * <p>B's links (manager first): B->pv, B->l, pv->l. With t = P(pv->l): P(B->pv) = -(10 - t),
     * P(B->l) = 4 - t >= 0 (l only buys). Least norm of t² + (10-t)² + (4-t)² wants t = 14/3, the
     * bound gives t = 4: P(pv->l) = 4, P(B->pv) = -6, P(B->l) = 0.
     */
    static MarketTree twoLevelNesting() {
        return lower(ScenarioFixture.named("nesting")
                .grid("grid", 50, 10)
                .collective("N", Clearing.POOL)
                .collective("B", Clearing.BILATERAL, "N")
                .producer("pv", 0, 10, 1, 0)
                .peer("l", PeerKind.CONSUMER, -4, -4, QuadraticCost.ZERO)
                .member("B", "pv", "l")
                .consumer("h", -100, 0, 1, 60)
                .member("N", "h"), "nested");
    }

    /**
     * Hybrid: pools c1 = {g1: 0.5p² + 10p, d1: fixed 10 MW} and c2 = {g2: 0.5p² + 30p, d2: fixed
     * 10 MW}; grid π+ 100, π- 0 (too dear to use); a fee f between c1 and c2 on each side, no γ.
     * Alone, c1 clears at 20 (g1 = 10) and c2 at 40: a gap of 20. Shipping m from c1 to c2 sets
     * c1's price 20 + m and c2's 40 - m; trading pays while the gap exceeds both fees, so
     * 40 - m - (20 + m) = 2f, m = 10 - f (f < 10), and nothing when 2f >= 20.
     * <ul>
     *   <li>f = 4: m = 6; c1 26, c2 34; link price 26 + 4 = 34 - 4 = 30. Objective: g1 (16)
     *       128 + 160 = 288, g2 (4) 8 + 120 = 128, fees 2·4·6 = 48: 464.</li>
     *   <li>f = 12: no trade; c1 20, c2 40. Objective 150 + 350 = 500.</li>
     * </ul>
     */
    static MarketTree hybridWithFee(double fee) {
        return lower(ScenarioFixture.named("hybrid fee")
                .grid("grid", 100, 0)
                .collective("c1", Clearing.POOL)
                .producer("g1", 0, 100, 0.5, 10)
                .peer("d1", PeerKind.CONSUMER, -10, -10, QuadraticCost.ZERO)
                .member("c1", "g1", "d1")
                .collective("c2", Clearing.POOL)
                .producer("g2", 0, 100, 0.5, 30)
                .peer("d2", PeerKind.CONSUMER, -10, -10, QuadraticCost.ZERO)
                .member("c2", "g2", "d2")
                .fee("c1", "c2", fee), "hybrid");
    }

    /**
     * Producer g at bus 1 (0.5p² + 10p on [0, 100]) and consumer d at bus 2 (0.5p² + 40p on
     * [-100, 0]), full P2P without fees, one line 1 -> 2 (x 0.1) of capacity {@code capacity}
     * MW; no grid, so the slack is the first bus, 1. Without the limit they trade 15 MW at 25
     * (as {@link #twoPeers} without fees). With a capacity of 5 MW they trade 5: g's marginal
     * cost is 5 + 10 = 15, d's marginal value 40 - 5 = 35, and the line's congestion
     * price is their difference, 20 $/MWh. The bilateral price is g's side, 15 (g sits at the
     * slack, where the locational charge is 0); d pays the operator 20 $/MWh more through its
     * locational charge (its bus's factor is -1: a MW taken out at bus 2 comes over the line).
     * Objective: g 12.5 + 50, d 12.5 - 200: -125.
     */
    static MarketTree twoBuses(double capacity) {
        return lower(ScenarioFixture.named("two buses")
                .producer("g", 0, 100, 0.5, 10)
                .consumer("d", -100, 0, 0.5, 40)
                .at("g", 1).at("d", 2)
                .limitedLine(1, 2, 0.1, capacity), "full");
    }

    /**
     * The same two peers at buses 1 and 3 of a triangle of equal reactances, only the direct line
     * 1 -> 3 limited to 4 MW. Of a transfer q from 1 to 3, 2/3 goes over the direct line and 1/3
     * over 1 -> 2 -> 3 (loop flow), so q is at most 6 (flows 4, 2, 2). g's marginal cost
     * 6 + 10 = 16, d's marginal value 40 - 6 = 34; with slack bus 1 d's factor on the direct line
     * is -2/3, so the congestion price y meets 2/3 y = 34 - 16: y = 27 $/MWh. Objective:
     * g 18 + 60, d 18 - 240: -144.
     */
    static MarketTree triangle() {
        return lower(ScenarioFixture.named("triangle")
                .producer("g", 0, 100, 0.5, 10)
                .consumer("d", -100, 0, 0.5, 40)
                .at("g", 1).at("d", 3)
                .line(1, 2, 0.0, 0.1)
                .line(2, 3, 0.0, 0.1)
                .limitedLine(1, 3, 0.1, 4), "full");
    }
}
