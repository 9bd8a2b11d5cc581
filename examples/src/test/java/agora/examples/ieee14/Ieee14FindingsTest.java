package agora.examples.ieee14;

import agora.market.MarketTree;
import agora.market.results.DesignTotals;
import agora.market.results.StepResult;
import agora.market.run.StepRange;
import agora.scenario.Scenario;
import agora.solver.SolverOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The qualitative findings of Section 5 of the paper (Tables 4 and 5), checked on a fixed sample
 * of the measured year: the first day of every other month, 6 days of 48 half-hour steps.
 *
 * <p>Runs only when the measured data set is next to the repository
 * ({@code ../shared/data/ieee14-p2p}); it is never copied into the repository. The sample's
 * numbers are printed, and recorded in {@code examples/ieee14/README.md}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Ieee14FindingsTest {
    /**
     * The fastest backend on this case: on the sample ipm (then called ojalgo) took 2-5 s per design where
     * ortools took 8-16 s (see examples/ieee14/README.md, "Benchmark").
     */
    static final String BACKEND = "ipm";
    /** The first day of every other month of the measured year (2012-07-01 .. 2013-06-30). */
    static final List<LocalDateTime> SAMPLE_DAYS = List.of(
            LocalDateTime.of(2012, 7, 1, 0, 0), LocalDateTime.of(2012, 9, 1, 0, 0),
            LocalDateTime.of(2012, 11, 1, 0, 0), LocalDateTime.of(2013, 1, 1, 0, 0),
            LocalDateTime.of(2013, 3, 1, 0, 0), LocalDateTime.of(2013, 5, 1, 0, 0));
    static final int THREADS = 2;

    private final Map<String, DesignTotals> totals = new LinkedHashMap<>();

    @BeforeAll
    void solveSample() {
        Optional<Path> data = Ieee14Case.dataDir();
        assumeTrue(data.isPresent(), "the measured IEEE 14-bus data are not at "
                + Ieee14Case.repository().resolve("../shared/data/ieee14-p2p").normalize()
                + "; skipping the Section 5 findings");
        Ieee14Case.assumeSolver(BACKEND);
        Scenario withFees = Ieee14Case.compile(Ieee14Case.WITH_FEES, data.get());
        Scenario noFees = Ieee14Case.compile(Ieee14Case.NO_FEES, data.get());
        solve("full", withFees, "full");
        solve("community", withFees, "community");
        solve("hybrid", withFees, "hybrid");
        solve("hybrid-no-fees", noFees, "hybrid");
        System.out.println("IEEE 14-bus, sample of " + SAMPLE_DAYS.size() + " days ("
                + SAMPLE_DAYS.size() * Ieee14Case.STEPS_PER_DAY + " steps), centralized/" + BACKEND);
        totals.forEach((label, t) -> System.out.println(Ieee14Case.tableRow(label, t)));
    }

    private void solve(String label, Scenario scenario, String design) {
        MarketTree tree = Ieee14Case.lower(scenario, design);
        List<StepRange> days = Ieee14Case.days(scenario, SAMPLE_DAYS);
        List<StepResult> results = Ieee14Case.solve(tree,
                Ieee14Case.solver(tree, BACKEND, SolverOptions.defaults()), days, THREADS);
        totals.put(label, DesignTotals.of(results));
    }

    private DesignTotals totals(String label) {
        return totals.get(label);
    }

    @Test
    void everyStepSolvesAndBalancesItsBudget() {
        totals.forEach((label, t) -> {
            assertEquals(0, t.failedSteps(), label + ": failed steps");
            assertEquals(SAMPLE_DAYS.size() * Ieee14Case.STEPS_PER_DAY, t.optimalSteps(), label);
            // Payments are settled at the duals; a step's imbalance is solver round-off on
            // payments of the order of 10^4 $ per step.
            assertTrue(t.maxImbalance() < 1e-2, label + ": budget imbalance " + t.maxImbalance());
        });
    }

    /** Table 4: full P2P reaches the highest welfare, community the lowest, hybrid in between. */
    @Test
    void welfareFullAboveHybridAboveCommunity() {
        double full = totals("full").welfare();
        double hybrid = totals("hybrid").welfare();
        double community = totals("community").welfare();
        assertTrue(full > hybrid, "full " + full + " vs hybrid " + hybrid);
        assertTrue(hybrid > community, "hybrid " + hybrid + " vs community " + community);
    }

    /** Table 5: the community design imports and exports the most. */
    @Test
    void communityImportsAndExportsTheMost() {
        DesignTotals community = totals("community");
        for (String other : List.of("full", "hybrid")) {
            assertTrue(community.gridImport() > totals(other).gridImport(), "import vs " + other);
            assertTrue(community.gridExport() > totals(other).gridExport(), "export vs " + other);
        }
    }

    /**
     * Table 5: full P2P imports far less than the community design. The paper has 95 % less over
     * the year (2.1 vs 45.4 GWh); on this early version of the data the cut is about half: the
     * sample measured 0.4742 vs 0.9620 GWh (ratio 0.493), the whole year 35.21 vs 69.48 GWh
     * (0.507). Its renewables produce far less than the paper's exports imply, so at times of low
     * wind every design imports and only the community design's extra import (one community
     * importing while another exports) goes away. The bound 0.6 keeps a margin of about a fifth
     * above the measured ratio and still fails if full P2P stops saving a large share of the import.
     */
    @Test
    void fullImportsFarLessThanCommunity() {
        double ratio = totals("full").gridImport() / totals("community").gridImport();
        assertTrue(ratio < FULL_TO_COMMUNITY_IMPORT_BOUND, "full/community import " + ratio);
    }

    /**
     * Section 5: "When this cost is removed, the social welfare of the hybrid P2P design is
     * similar to the full P2P design". Without fees between communities the hybrid design differs
     * from full P2P only in how γ = 0.001 $/MWh is charged (on pool positions instead of on each
     * trade side), so its welfare is within 0.1 % (measured: 0.0014 %).
     */
    @Test
    void hybridWithoutFeesMatchesFullWelfare() {
        double full = totals("full").welfare();
        double noFees = totals("hybrid-no-fees").welfare();
        assertEquals(full, noFees, 1e-3 * Math.abs(full), "within 0.1 %");
    }

    /** Table 5: energy exchanged between communities, full > hybrid > 0 = community. */
    @Test
    void exchangeBetweenCommunities() {
        double full = totals("full").exchange();
        double hybrid = totals("hybrid").exchange();
        assertTrue(full > hybrid, "full " + full + " vs hybrid " + hybrid);
        assertTrue(hybrid > 0, "hybrid " + hybrid);
        assertEquals(0.0, totals("community").exchange(), 0.0, "community pools meet only the grid");
    }

    static final double FULL_TO_COMMUNITY_IMPORT_BOUND = 0.6;
}
