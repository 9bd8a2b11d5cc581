package agora.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import agora.compiler.MarketCompiler;
import agora.market.MarketDesign;
import agora.market.MarketDesigns;
import agora.market.MarketSolver;
import agora.market.MarketTree;
import agora.market.StepOutcome;
import agora.market.formulation.MarketProblem;
import agora.market.results.StepCheck;
import agora.market.lowering.CentralizedSolver;
import agora.market.lowering.LoweredMarket;
import agora.solver.KktCheck;
import agora.solver.KktResiduals;
import agora.solver.QpModel;
import agora.solver.QpSolution;
import agora.solver.SolverBackend;
import agora.solver.SolverBackends;
import agora.solver.SolverOptions;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The conformance suite every way of solving a market passes: the centralized backends and the
 * decomposed (ADMM) solver. A subclass supplies {@link #solverFor}; tolerances are methods so a
 * solver that converges to a looser accuracy (ADMM) can widen them.
 *
 * <p>Known answers are worked out by hand in {@link KnownAnswers}. Random scenarios
 * ({@link RandomScenarios}), lowered with {@link #randomScenarioDesigns()}, are compared with
 * {@link #referenceSolverFor}, by default the centralized solver on
 * {@link #referenceBackend()}, the default backend of scenarios. Centralized solvers also expose
 * their backend ({@link #centralizedBackend}) so that primal values and duals can be checked
 * against the KKT conditions of the lowered model.
 *
 * <p>The suite is published as the test-jar of {@code agora-conformance}, so a plug-in runs it
 * too: depend on {@code org.agora:agora-conformance} and {@code org.agora:agora-market} with
 * {@code <type>test-jar</type>} (the random scenarios are built with the market module's
 * {@code ScenarioFixture}) and extend this class. A plug-in backend returns a
 * {@code CentralizedSolver} on itself from {@link #solverFor}, and itself from
 * {@link #centralizedBackend}; a plug-in market solver returns itself from {@link #solverFor}; a
 * plug-in design returns itself from {@link #randomScenarioDesigns()}, so that the random
 * scenarios are lowered with it and solved by the solver under test and the reference. A random
 * scenario whose model a centralized backend declares it does not take
 * ({@link agora.solver.Capabilities#refusal}) is skipped.
 */
public abstract class AbstractMarketSolverConformanceTest {

    /** Number of seeded random scenarios compared with the reference. */
    protected static final int RANDOM_SCENARIOS = 24;
    /** Number of seeded scenarios of the wide family ({@link RandomScenarios#generateWide}), from 1. */
    protected static final int WIDE_RANDOM_SCENARIOS = 12;
    /**
     * Seeds of the wide family that the ADMM solver of 2026-12-03 got wrong, found by a sweep of
     * seeds 1-1200: 583 and 639 (full P2P, a peer with a nearly flat cost, a = 4.5e-4 and
     * 1.2e-3 $/MW²h, ended 4.3e-3 and 1.3e-3 MW from the optimum with the residuals passing),
     * 340 and 504 (full P2P, not converged in 10,000 iterations), 60 (hybrid, not converged).
     * A later sweep of seeds 1-1000 (18 failures): 105 (hybrid, OPTIMAL with an objective
     * 4.5e-4 relative below the optimum: a peer fixed at -0.88 MW with a = 2,084 $/MW²h was
     * costed 1e-6 MW outside its bounds), 187 (nested: rho held back by the limit on its changes
     * while the primal residual stayed 300 times the dual one), 274 and 659 (full P2P, 25,912
     * and 61,568 rounds, past the old limit of 10,000).
     */
    protected static final List<Long> WIDE_REGRESSION_SEEDS =
            List.of(583L, 639L, 340L, 504L, 60L, 105L, 187L, 274L, 659L);

    /** The solver under test, for one lowered market. */
    protected abstract MarketSolver solverFor(MarketTree tree);

    /** The solver random scenarios are compared with: centralized, on {@link #referenceBackend()}. */
    protected MarketSolver referenceSolverFor(MarketTree tree) {
        return new CentralizedSolver(tree, referenceBackend(), options());
    }

    /** The backend of {@link #referenceSolverFor}: by default that of scenarios that name none. */
    protected SolverBackend referenceBackend() {
        return SolverBackends.byName(MarketCompiler.DEFAULT_BACKEND);
    }

    /**
     * The designs random scenarios are lowered with, one drawn per scenario: by default the four
     * built-in ones. Lowered through {@link MarketDesigns#lower}, as a run does.
     */
    protected List<MarketDesign> randomScenarioDesigns() {
        return RandomScenarios.BUILT_IN_DESIGNS.stream().map(MarketDesigns::byName).toList();
    }

    /** The random scenario of a seed, lowered with one of {@link #randomScenarioDesigns()}. */
    protected final MarketTree randomScenario(long seed) {
        return RandomScenarios.generate(seed, randomScenarioDesigns());
    }

    /** The wide-family scenario of a seed, lowered with one of {@link #randomScenarioDesigns()}. */
    protected final MarketTree wideRandomScenario(long seed) {
        return RandomScenarios.generateWide(seed, randomScenarioDesigns());
    }

    /**
     * Whether the wide family ({@link #wideRandomScenariosAgreeWithTheReference}) applies to the
     * solver under test: by default yes.
     */
    protected boolean takesWideScenarios() {
        return true;
    }

    /** The backend behind a centralized solver under test, for KKT checks; empty otherwise. */
    protected Optional<SolverBackend> centralizedBackend() {
        return Optional.empty();
    }

    /** Whether the solver reports the unique minimum-norm trades (else only balances are checked). */
    protected boolean reportsMinimumNormTrades() {
        return true;
    }

    protected SolverOptions options() {
        return SolverOptions.defaults();
    }

    /** Relative tolerance on the objective: 1e-6 for backends. */
    protected double objectiveTolerance() {
        return 1e-6;
    }

    /** MW. */
    protected double injectionTolerance() {
        return 1e-3;
    }

    /** MW, on trades. */
    protected double tradeTolerance() {
        return 1e-3;
    }

    /** $/MWh. */
    protected double priceTolerance() {
        return 1e-3;
    }

    /** $/h: how far the objective may be from what the reported outcome costs. */
    protected double impliedObjectiveTolerance(double objective) {
        return 1e-5 * (1 + Math.abs(objective));
    }

    /** Scaled KKT residual a centralized solution must meet. */
    protected double kktTolerance() {
        return 1e-6;
    }

    // ---------------------------------------------------------------- known answers

    @Test
    void twoPeersClearAtTheClosedFormPrice() {
        MarketTree tree = KnownAnswers.twoPeers();
        Outcomes o = solve(tree, 0);
        assertObjective(-196, o);
        assertInjection(14, o.injection("g"), "g");
        assertInjection(-14, o.injection("d"), "d");
        assertTrade(14, o.trade("g->d"), "g->d");
        assertPrice(25, o.linkPrice("g->d"), "g->d");
    }

    @Test
    void figure2FourPeersClearAtOnePrice() {
        MarketTree tree = KnownAnswers.figure2();
        Outcomes o = solve(tree, 0);
        assertObjective(-500, o);
        assertInjection(20, o.injection("g1"), "g1");
        assertInjection(10, o.injection("g2"), "g2");
        assertInjection(-20, o.injection("d1"), "d1");
        assertInjection(-10, o.injection("d2"), "d2");
        for (String link : List.of("g1->d1", "g1->d2", "g2->d1", "g2->d2")) {
            assertPrice(30, o.linkPrice(link), link);
        }
        if (reportsMinimumNormTrades()) {
            assertTrade(12.5, o.trade("g1->d1"), "g1->d1");
            assertTrade(7.5, o.trade("g1->d2"), "g1->d2");
            assertTrade(7.5, o.trade("g2->d1"), "g2->d1");
            assertTrade(2.5, o.trade("g2->d2"), "g2->d2");
            assertEquals(StepOutcome.TradeAllocation.MINIMUM_NORM, o.outcome().stats().allocation());
        }
    }

    @Test
    void communityMembersImportAndExportAtGridPricesAndPayTheFeeOnPoolTradesOnly() {
        MarketTree tree = KnownAnswers.communityImportExport();
        MarketSolver solver = solverFor(tree);
        Outcomes importing = solve(tree, solver, 0);
        assertObjective(240, importing);
        assertPrice(29.5, importing.poolPrice("c1"), "c1 importing");
        assertPrice(0, importing.linkPrice("grid->c1"), "grid->c1 importing");
        assertInjection(-6, importing.net("c1"), "c1");
        assertInjection(6, importing.injection("grid"), "grid");
        assertInjection(4, importing.injection("g1"), "g1");
        Outcomes exporting = solve(tree, solver, 1);
        assertObjective(18, exporting);
        assertPrice(20.5, exporting.poolPrice("c1"), "c1 exporting");
        assertInjection(2, exporting.net("c1"), "c1");
        assertInjection(-2, exporting.injection("grid"), "grid");
    }

    @Test
    void aMemberAloneImportsWithoutThePoolFee() {
        Outcomes community = solve(KnownAnswers.oneMember("community"), 0);
        assertObjective(-500, community);
        assertInjection(-10, community.injection("d"), "d");
        // nothing goes through the pool, so its price is any at which d buys nothing there:
        // at least its import price less γ
        double price = community.poolPrice("c");
        assertTrue(price >= 49 - priceTolerance(), "community price " + price + " below 49");
        Outcomes hybrid = solve(KnownAnswers.oneMember("hybrid"), 0);
        assertObjective(-480, hybrid);
        assertPrice(52, hybrid.poolPrice("c"), "c in hybrid");
    }

    @Test
    void twoMembersTradeThroughThePoolWhenTheFeeIsBelowTheGridSpread() {
        Outcomes community = solve(KnownAnswers.twoMembers("community"), 0);
        assertObjective(-728, community);
        assertPrice(49, community.poolPrice("c"), "c");
        assertInjection(6, community.injection("w"), "w");
        assertInjection(-4, community.net("c"), "c");
        Outcomes hybrid = solve(KnownAnswers.twoMembers("hybrid"), 0);
        assertObjective(-732, hybrid);
        assertPrice(52, hybrid.poolPrice("c"), "c in hybrid");
        assertInjection(-4, hybrid.net("c"), "c");
    }

    @Test
    void bilateralCollectiveInsideAPoolInsideTheRoot() {
        MarketTree tree = KnownAnswers.twoLevelNesting();
        Outcomes o = solve(tree, 0);
        assertObjective(-224, o);
        assertPrice(48, o.poolPrice("N"), "N");
        assertPrice(48, o.linkPrice("B->pv"), "B->pv");
        assertPrice(48, o.linkPrice("pv->l"), "pv->l");
        assertInjection(10, o.injection("pv"), "pv");
        assertInjection(-6, o.injection("h"), "h");
        assertInjection(6, o.net("B"), "B");
        assertInjection(0, o.net("N"), "N");
        assertTrade(0, o.trade("grid->N"), "grid->N");
        if (reportsMinimumNormTrades()) {
            assertTrade(4, o.trade("pv->l"), "pv->l");
            assertTrade(-6, o.trade("B->pv"), "B->pv");
            assertTrade(0, o.trade("B->l"), "B->l");
        }
    }

    @Test
    void aFullLineSplitsThePricesOfItsTwoSides() {
        MarketTree tree = KnownAnswers.twoBuses(5);
        StepOutcome o = solverFor(tree).solve(0);
        assertTrue(o.isOptimal(), o.message());
        assertEquals(-125, o.objective(), objectiveTolerance() * 125);
        assertTrade(5, o.linkTrade()[0], "g -> d");
        assertEquals(5, o.lineFlows()[0], tradeTolerance(), "flow over the full line");
        assertPrice(20, o.linePrices()[0], "congestion price = 35 - 15");
        assertPrice(15, o.linkPrice()[0], "bilateral price at g's side (the slack)");
        assertEquals(100, o.congestionRent(), 5 * priceTolerance(), "20 $/MWh on 5 MW");
        // the trade from bus 1 to bus 2 crosses the congested line: 20 × (0 - (-1)) per MWh
        agora.market.results.StepResult accounts =
                agora.market.results.Accounting.of(MarketProblem.of(tree)).step(o);
        assertPrice(20, accounts.trades().get(0).congestion(), "the trade's congestion component");
    }

    /**
     * 50 MW: the row is in the model and does not bind; 500 MW: no dispatch within the peers'
     * bounds (100 MW each) can reach it, so it is left out of the model and its flow is read
     * from the injections.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(doubles = {50, 500})
    void aLimitThatDoesNotBindChangesNothing(double capacity) {
        MarketTree tree = KnownAnswers.twoBuses(capacity);
        assertEquals(capacity < 100, MarketProblem.of(tree).lineLimits().get(0).reachable());
        StepOutcome o = solverFor(tree).solve(0);
        assertTrue(o.isOptimal(), o.message());
        assertEquals(-225, o.objective(), objectiveTolerance() * 225, "q² - 30q at q = 15");
        assertTrade(15, o.linkTrade()[0], "g -> d");
        assertEquals(15, o.lineFlows()[0], tradeTolerance());
        assertPrice(0, o.linePrices()[0], "not congested");
        assertPrice(25, o.linkPrice()[0], "one price, as without the line");
    }

    @Test
    void loopFlowLimitsTheTransferToThreeHalvesOfTheDirectLine() {
        StepOutcome o = solverFor(KnownAnswers.triangle()).solve(0);
        assertTrue(o.isOptimal(), o.message());
        assertEquals(-144, o.objective(), objectiveTolerance() * 144);
        assertInjection(6, o.injection()[0], "g");
        assertEquals(4, o.lineFlows()[0], tradeTolerance(), "2/3 of 6 over the direct line");
        assertPrice(27, o.linePrices()[0], "2/3 y = 34 - 16");
        assertEquals(108, o.congestionRent(), 5 * priceTolerance(), "27 $/MWh on 4 MW");
    }

    @Test
    void feeBetweenCommunitiesBitesOnlyBelowHalfThePriceGap() {
        Outcomes trading = solve(KnownAnswers.hybridWithFee(4), 0);
        assertObjective(464, trading);
        assertTrade(6, trading.trade("c1->c2"), "c1->c2 at fee 4");
        assertPrice(30, trading.linkPrice("c1->c2"), "c1->c2");
        assertPrice(26, trading.poolPrice("c1"), "c1");
        assertPrice(34, trading.poolPrice("c2"), "c2");
        Outcomes apart = solve(KnownAnswers.hybridWithFee(12), 0);
        assertObjective(500, apart);
        assertTrade(0, apart.trade("c1->c2"), "c1->c2 at fee 12");
        assertPrice(20, apart.poolPrice("c1"), "c1");
        assertPrice(40, apart.poolPrice("c2"), "c2");
    }

    // ---------------------------------------------------------------- invariants and KKT

    static Stream<MarketTree> knownAnswerTrees() {
        return Stream.of(KnownAnswers.twoPeers(), KnownAnswers.figure2(),
                KnownAnswers.communityImportExport(), KnownAnswers.twoLevelNesting(),
                KnownAnswers.hybridWithFee(4), KnownAnswers.hybridWithFee(12),
                KnownAnswers.oneMember("community"), KnownAnswers.oneMember("hybrid"),
                KnownAnswers.twoMembers("community"), KnownAnswers.twoMembers("hybrid"),
                KnownAnswers.twoBuses(5), KnownAnswers.twoBuses(50), KnownAnswers.triangle());
    }

    /** Trades add up to positions, and the objective is what the outcome costs. */
    @ParameterizedTest
    @MethodSource("knownAnswerTrees")
    void outcomesBalanceAndCostWhatTheyReport(MarketTree tree) {
        MarketSolver solver = solverFor(tree);
        for (int step = 0; step < tree.scenario().time().count(); step++) {
            StepOutcome outcome = solver.solve(step);
            assertTrue(outcome.isOptimal(), outcome.message());
            assertInvariants(tree, outcome);
        }
    }

    /**
     * The centralized solution satisfies the KKT conditions of the lowered model (primal and
     * duals), reciprocity holds variable by variable, and the market budget balances: every
     * link's price times the sum of its two trade variables is zero.
     */
    @ParameterizedTest
    @MethodSource("knownAnswerTrees")
    void centralizedSolutionsSatisfyKkt(MarketTree tree) {
        assumeTrue(centralizedBackend().isPresent(), "not a centralized solver");
        SolverBackend backend = centralizedBackend().orElseThrow();
        LoweredMarket lowered = LoweredMarket.of(tree);
        for (int step = 0; step < tree.scenario().time().count(); step++) {
            QpModel model = lowered.modelAt(step);
            QpSolution solution = backend.solve(model, options());
            assertTrue(solution.status().isOptimal(), solution.message());
            KktResiduals residuals = KktCheck.check(model, solution);
            assertTrue(residuals.satisfied(kktTolerance()), residuals.toString());
            double budget = 0.0;
            for (int i = 0; i < model.constraintCount(); i++) {
                if (model.structure().constraintOrigins().get(i).role().equals("reciprocity")) {
                    double sum = model.rowActivity(i, solution.primal());
                    assertEquals(0.0, sum, tradeTolerance(), model.constraintName(i));
                    budget += solution.duals()[i] * sum;
                }
            }
            assertEquals(0.0, budget, priceTolerance(), "budget of bilateral trades");
        }
    }

    // ---------------------------------------------------------------- random scenarios

    static Stream<Long> seeds() {
        return Stream.iterate(1L, s -> s + 1).limit(RANDOM_SCENARIOS);
    }

    /**
     * Random small markets (3-12 peers, random designs): the same welfare, dispatch and prices
     * of traded links as the reference, and the invariants.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void randomScenariosAgreeWithTheReference(long seed) {
        MarketTree tree = randomScenario(seed);
        assumeTrue(taken(tree), () -> "the backend declares it does not take seed " + seed + "'s model");
        StepOutcome tested = solverFor(tree).solve(0);
        StepOutcome reference = referenceSolverFor(tree).solve(0);
        String where = "seed " + seed + " (" + tree.design() + ", " + tree.peers().size() + " peers)";
        assertTrue(reference.isOptimal(), where + ": reference " + reference.message());
        assertTrue(tested.isOptimal(), where + ": " + tested.message());
        assertEquals(reference.objective(), tested.objective(),
                objectiveTolerance() * (1 + Math.abs(reference.objective())), where + ": objective");
        for (int k = 0; k < tree.peers().size(); k++) {
            assertEquals(reference.injection()[k], tested.injection()[k], injectionTolerance(),
                    where + ": injection of " + tree.peers().get(k).name());
        }
        for (int i = 0; i < tree.links().size(); i++) {
            String link = where + ": link " + tree.links().get(i).label();
            if (Math.abs(reference.linkTrade()[i]) > RandomScenarios.TRADED) {
                assertEquals(reference.linkPrice()[i], tested.linkPrice()[i], priceTolerance(),
                        link + " price");
            }
            if (reportsMinimumNormTrades()) {
                assertEquals(reference.linkTrade()[i], tested.linkTrade()[i], tradeTolerance(),
                        link + " trade");
            }
        }
        MarketProblem problem = MarketProblem.of(tree);
        for (int m = 0; m < tree.markets().size(); m++) {
            // a community price is unique only where its row carries energy (see CONVENTIONS)
            boolean carries = problem.priceCoupling(m).stream().flatMapToInt(c -> IntStream.of(c.slots()))
                    .anyMatch(k -> Math.abs(reference.slotValues()[k]) > RandomScenarios.TRADED);
            if (carries) {
                assertEquals(reference.marketPrice()[m], tested.marketPrice()[m], priceTolerance(),
                        where + ": pool price of " + tree.markets().get(m).name());
            }
        }
        assertInvariants(tree, tested);
    }

    static Stream<Long> wideSeeds() {
        return Stream.concat(Stream.iterate(1L, s -> s + 1).limit(WIDE_RANDOM_SCENARIOS),
                WIDE_REGRESSION_SEEDS.stream());
    }

    /**
     * The wide family (idle and must-take peers, binding bounds, cost coefficients over eight
     * decades, fees up to 50 $/MWh, flat and negative grid prices): the same welfare and
     * dispatch as the reference, the same price on every link whose price the reference pins,
     * and the invariants. Dispatch is unique here, so a solver that stops early on a peer with
     * a nearly flat cost shows as an injection away from the reference's.
     */
    @ParameterizedTest
    @MethodSource("wideSeeds")
    void wideRandomScenariosAgreeWithTheReference(long seed) {
        assumeTrue(takesWideScenarios(), "the solver under test does not take the wide family");
        MarketTree tree = wideRandomScenario(seed);
        assumeTrue(taken(tree), () -> "the backend declares it does not take wide seed " + seed + "'s model");
        StepOutcome tested = solverFor(tree).solve(0);
        StepOutcome reference = referenceSolverFor(tree).solve(0);
        String where = "wide seed " + seed + " (" + tree.design() + ", " + tree.peers().size() + " peers)";
        assertTrue(reference.isOptimal(), where + ": reference " + reference.message());
        assertTrue(tested.isOptimal(), where + ": " + tested.message());
        assertEquals(reference.objective(), tested.objective(),
                objectiveTolerance() * (1 + Math.abs(reference.objective())), where + ": objective");
        for (int k = 0; k < tree.peers().size(); k++) {
            assertEquals(reference.injection()[k], tested.injection()[k], injectionTolerance(),
                    where + ": injection of " + tree.peers().get(k).name());
        }
        for (int i = 0; i < tree.links().size(); i++) {
            if (RandomScenarios.pinsPrice(tree.links().get(i), tree, reference, 0)) {
                assertEquals(reference.linkPrice()[i], tested.linkPrice()[i], priceTolerance(),
                        where + ": link " + tree.links().get(i).label() + " price");
            }
        }
        assertInvariants(tree, tested);
    }

    // ---------------------------------------------------------------- helpers

    /** Whether the backend under test takes the market's model by its declared capabilities. */
    private boolean taken(MarketTree tree) {
        return centralizedBackend()
                .map(backend -> backend.capabilities().refusal(LoweredMarket.of(tree).structureModel()).isEmpty())
                .orElse(true);
    }

    private Outcomes solve(MarketTree tree, int step) {
        return solve(tree, solverFor(tree), step);
    }

    private Outcomes solve(MarketTree tree, MarketSolver solver, int step) {
        StepOutcome outcome = solver.solve(step);
        assertTrue(outcome.isOptimal(), solver.name() + " step " + step + ": " + outcome.status()
                + " " + outcome.message());
        assertInvariants(tree, outcome);
        return new Outcomes(tree, outcome);
    }

    private void assertInvariants(MarketTree tree, StepOutcome outcome) {
        List<String> violations = MarketInvariants.balanceViolations(tree, outcome, injectionTolerance());
        assertTrue(violations.isEmpty(), String.join("\n", violations));
        // the check every run applies (finite values, budget balance) raises no false alarm
        Optional<String> failed = StepCheck.of(MarketProblem.of(tree), options().tolerance()).failure(outcome);
        assertTrue(failed.isEmpty(), () -> failed.orElseThrow());
        double implied = MarketInvariants.objectiveOf(tree, outcome);
        assertEquals(outcome.objective(), implied, impliedObjectiveTolerance(outcome.objective()),
                "objective implied by the outcome");
    }

    private void assertObjective(double expected, Outcomes o) {
        assertEquals(expected, o.outcome().objective(), objectiveTolerance() * (1 + Math.abs(expected)),
                "objective");
    }

    private void assertInjection(double expected, double actual, String what) {
        assertEquals(expected, actual, injectionTolerance(), what);
    }

    private void assertTrade(double expected, double actual, String what) {
        assertEquals(expected, actual, tradeTolerance(), what);
    }

    private void assertPrice(double expected, double actual, String what) {
        assertEquals(expected, actual, priceTolerance(), what);
    }
}
