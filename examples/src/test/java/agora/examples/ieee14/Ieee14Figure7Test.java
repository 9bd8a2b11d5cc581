package agora.examples.ieee14;

import agora.market.MarketTree;
import agora.market.results.StepResult;
import agora.market.results.TradeStep;
import agora.market.run.StepRange;
import agora.scenario.Scenario;
import agora.solver.SolverOptions;
import agora.topology.Topology;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The paper's Fig. 7: the trades of consumer 3 (peer {@code d3}, community 1) on 2013-06-01 from
 * 06:00 to 07:30, per design, on the measured data.
 *
 * <p>In the full design d3 trades bilaterally with named producers and the grid; the reported
 * trades are the minimum-norm ones (welfare fixes the dispatch, not the split among partners). In
 * the community and hybrid designs of Agora, community 1 clears as a pool: d3 trades with its pool
 * as a whole, so no trade of d3 with a community-2 peer exists there. The paper's observation
 * (the 2 $/MWh fee between communities 1 and 2 cuts the energy community 1 takes from community 2)
 * is checked at the level where the hybrid design has it: the trade between the two communities.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Ieee14Figure7Test {
    static final String PEER = "d3";
    static final LocalDateTime FROM = LocalDateTime.of(2013, 6, 1, 6, 0);
    /** 06:00, 06:30, 07:00 and 07:30. */
    static final int STEPS = 4;
    /** Trades below this (MW) count as zero: far above the solver tolerance, far below the trades. */
    static final double ZERO_MW = 1e-4;
    /** The case's step. */
    static final double DT_HOURS = 0.5;

    private final Map<String, List<StepResult>> results = new LinkedHashMap<>();
    private Topology topology;

    @BeforeAll
    void solve() {
        Optional<Path> data = Ieee14Case.dataDir();
        assumeTrue(data.isPresent(), "the measured IEEE 14-bus data are not at "
                + Ieee14Case.repository().resolve("../shared/data/ieee14-p2p").normalize()
                + "; skipping the Fig. 7 check");
        Ieee14Case.assumeSolver(Ieee14FindingsTest.BACKEND);
        Scenario scenario = Ieee14Case.compile(Ieee14Case.WITH_FEES, data.get());
        topology = Topology.of(scenario);
        int from = Ieee14Case.stepOf(scenario, FROM);
        for (String design : List.of("full", "community", "hybrid")) {
            MarketTree tree = Ieee14Case.lower(scenario, design);
            results.put(design, Ieee14Case.solve(tree, Ieee14Case.solver(tree,
                    Ieee14FindingsTest.BACKEND, SolverOptions.defaults()),
                    List.of(new StepRange(from, from + STEPS)), 1));
        }
        results.forEach((design, steps) -> print(design, steps, PEER));
        print("hybrid", results.get("hybrid"), "c1");
    }

    /** Prints the trades of a participant, one line per step: partner = MW bought (positive = buys). */
    private static void print(String design, List<StepResult> steps, String participant) {
        System.out.println("Fig. 7, " + design + ": trades of " + participant
                + " (MW bought; 'pool c1' = its pool)");
        for (StepResult r : steps) {
            StringBuilder line = new StringBuilder(r.time().toLocalTime().toString());
            purchasesOf(participant, r).forEach((partner, mw) ->
                    line.append(String.format(Locale.ROOT, "  %s %.4f", partner, mw)));
            r.peers().stream().filter(p -> p.peer().equals(participant)).findFirst().ifPresent(p ->
                    line.append(String.format(Locale.ROOT, "  | load %.4f", -p.p())));
            System.out.println(line);
        }
    }

    /** What {@code peer} bought from each partner in a step (MW, positive = bought), by partner name. */
    static Map<String, Double> purchasesOf(String peer, StepResult r) {
        Map<String, Double> out = new TreeMap<>();
        for (TradeStep t : r.trades()) {
            if (t.from().equals(peer)) {
                out.merge(t.pool() ? "pool " + t.to() : t.to(), -t.power(), Double::sum);
            } else if (!t.pool() && t.to().equals(peer)) {
                out.merge(t.from(), t.power(), Double::sum);
            }
        }
        return out;
    }

    /**
     * MWh {@code buyer} (a peer, or a collective at the root) bought, net, from participants of
     * {@code community} (its peers, or the community itself) over the steps.
     */
    private double boughtFrom(String buyer, String community, List<StepResult> steps) {
        double energy = 0;
        for (StepResult r : steps) {
            for (Map.Entry<String, Double> e : purchasesOf(buyer, r).entrySet()) {
                boolean inCommunity = topology.outermostCollective(e.getKey())
                        .map(community::equals).orElse(false);
                if (inCommunity) {
                    energy += e.getValue() * DT_HOURS;
                }
            }
        }
        return energy;
    }

    /** MWh the peers of community {@code buyers} bought, net, from the peers of {@code sellers}. */
    private double peersBoughtFrom(String buyers, String sellers, List<StepResult> steps) {
        return topology.peersBelow(buyers).stream()
                .mapToDouble(p -> boughtFrom(p.name(), sellers, steps)).sum();
    }

    @Test
    void inFullP2pPeer3BuysFromCommunity2() {
        double fromC2 = boughtFrom(PEER, "c2", results.get("full"));
        System.out.printf(Locale.ROOT, "full: %s bought %.4f MWh from community-2 peers%n", PEER, fromC2);
        assertTrue(fromC2 > ZERO_MW * DT_HOURS, PEER + " bought " + fromC2 + " MWh from community 2");
    }

    /**
     * The paper: with the 2 $/MWh fee between communities 1 and 2 the hybrid design trades less
     * between them than the full design. In Agora's hybrid design d3 has no partner outside its
     * pool, so the comparison is made where the fee acts: community 1's purchases from community 2
     * (its manager's trade at the root) against what the peers of community 1 bought from the
     * peers of community 2 in the full design (minimum-norm trades).
     */
    @Test
    void theFeeCutsWhatCommunity1BuysFromCommunity2() {
        double full = peersBoughtFrom("c1", "c2", results.get("full"));
        double hybrid = boughtFrom("c1", "c2", results.get("hybrid"));
        System.out.printf(Locale.ROOT, "c1 bought from c2: full %.4f MWh (peer to peer), hybrid %.4f MWh%n",
                full, hybrid);
        assertTrue(hybrid < full, "hybrid " + hybrid + " vs full " + full);
    }
}
