package agora.market.results;

import agora.market.Market;
import agora.market.StepOutcome;
import agora.market.formulation.MarketProblem;
import agora.units.Numbers;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Agora's own check of a step that a solver reports optimal, the same for every centralized
 * backend and for ADMM: {@link agora.market.run.MarketRun} applies it to every step it solves, and
 * a step that fails it is reported {@link agora.solver.SolveStatus#CHECK_FAILED}, never OPTIMAL.
 * Each backend checks its own answer against the KKT conditions of its model first; this check
 * looks at what the run reports, in the scenario's terms:
 * <ol>
 *   <li><b>finite values</b>: every number of the outcome (objective, injections, trades, prices,
 *       positions) and of its accounts (welfare, costs, payments, imports) is finite; NaN is
 *       allowed only where it means "none" (the pool price of a bilateral market, the position
 *       of the root);</li>
 *   <li><b>budget balance</b>: what the peers pay equals what the grid is paid, the fees, the
 *       congestion rent and the rent of a design's rows ({@link StepResult#imbalance()}). It holds exactly when the
 *       prices are the duals of the dispatch, so an imbalance measures how far the prices are
 *       from the trades' true prices. Relative to the money the step moves: the imbalance may be
 *       at most {@link #BUDGET_TOLERANCES} solver tolerances of {@link #budgetScale}, the
 *       step's turnover (every payment, settlement and charge in absolute value) plus what
 *       {@link #UNIT_POWER_MW} would cost over the step at its highest price, the absolute unit
 *       in which {@link agora.solver.KktCheck} measures a balance's violation.</li>
 * </ol>
 */
public final class StepCheck {
    /**
     * The budget imbalance allowed, in solver tolerances of the budget scale. A price off by a
     * relative ε moves the imbalance by about ε of the turnover; backends stop at KKT residuals
     * of one tolerance relative to the largest price, ADMM at residuals of one tolerance. Measured
     * at the default tolerance 1e-7, honest imbalances stayed below 13 tolerances: at most 12.1
     * over a year of IEEE 14-bus half-hours in every design on ADMM (99.9 % of its 52,560 steps
     * below 5.3; OR-Tools 0.29 over 2,000 steps of each design), 5.6 over the conformance suite on
     * every backend and ADMM, 0.65 over the examples module's runs. 1,000 leaves a margin of 80
     * over the worst of them; the OR-Tools answer of a market with a 1e12 $/MWh cost, whose
     * community price was off by 3,000 $/MWh, stood at 1e5 tolerances, 100 times the limit.
     */
    public static final double BUDGET_TOLERANCES = 1000.0;
    /** The power (MW) whose cost at the step's highest price floors the budget scale. */
    public static final double UNIT_POWER_MW = 1.0;

    private final MarketProblem problem;
    private final Accounting books;
    private final double tolerance;

    private StepCheck(MarketProblem problem, double tolerance) {
        this.problem = problem;
        this.books = Accounting.of(problem);
        this.tolerance = tolerance;
    }

    /**
     * @param tolerance the solver's tolerance ({@link agora.solver.SolverOptions#tolerance()}),
     *                  to which the budget must balance (in {@link #BUDGET_TOLERANCES})
     */
    public static StepCheck of(MarketProblem problem, double tolerance) {
        if (!(tolerance > 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("tolerance must be positive and finite, got " + tolerance);
        }
        return new StepCheck(problem, tolerance);
    }

    /**
     * Which check an optimal step fails and by how much; empty when it passes or is not optimal
     * (a failed step has no numbers to check).
     */
    public Optional<String> failure(StepOutcome outcome) {
        if (!outcome.isOptimal()) {
            return Optional.empty();
        }
        Optional<String> notFinite = notFinite(outcome);
        if (notFinite.isPresent()) {
            return notFinite.map(what -> "finite-values check failed: " + what);
        }
        StepBook book = books.book(outcome);
        StepResult accounts = book.close(problem.tree().scenario().time().at(outcome.step()));
        Optional<String> accountNotFinite = notFinite(accounts);
        if (accountNotFinite.isPresent()) {
            return accountNotFinite.map(what -> "finite-values check failed: " + what);
        }
        double scale = budgetScale(book.turnover(), outcome);
        double imbalance = accounts.imbalance();
        double allowed = BUDGET_TOLERANCES * tolerance * scale;
        if (Math.abs(imbalance) <= allowed) {
            return Optional.empty();
        }
        String currency = problem.tree().scenario().currency();
        return Optional.of("budget balance check failed: the peers pay " + amount(Math.abs(imbalance), currency)
                + (imbalance > 0 ? " more" : " less") + " than the grid, the fees and the congestion and design rents take, "
                + Numbers.format(Math.abs(imbalance) / scale, 2) + " of the step's budget scale of "
                + amount(scale, currency) + " (allowed: " + Numbers.format(BUDGET_TOLERANCES * tolerance, 2)
                + " of it); the prices are not those of the trades");
    }

    /**
     * The money against which the budget is checked: the step's turnover plus the cost of
     * {@link #UNIT_POWER_MW} over the step at its highest price.
     */
    double budgetScale(double turnover, StepOutcome outcome) {
        double highestPrice = 0.0;
        for (double price : outcome.couplingPrices()) {
            highestPrice = Math.max(highestPrice, Math.abs(price));
        }
        for (double price : outcome.linePrices()) {
            highestPrice = Math.max(highestPrice, Math.abs(price));
        }
        return turnover + highestPrice * UNIT_POWER_MW * problem.tree().scenario().time().stepHours();
    }

    private static String amount(double value, String currency) {
        return Numbers.format(value, 3) + " " + currency;
    }

    private Optional<String> notFinite(StepOutcome o) {
        List<Market> markets = problem.tree().markets();
        Market root = problem.tree().root();
        if (!Double.isFinite(o.objective())) {
            return Optional.of("the objective is " + o.objective());
        }
        if (!Double.isFinite(o.designRent())) {
            return Optional.of("the rent of the design's rows is " + o.designRent());
        }
        return firstNotFinite("injection", o.injection(), k -> "of peer '" + problem.tree().peers().get(k).name() + "'")
                .or(() -> firstNotFinite("trade", o.slotValues(), k -> "'" + problem.slots().get(k).label() + "'"))
                .or(() -> firstNotFinite("price", o.couplingPrices(), k -> "of '" + problem.couplings().get(k).name() + "'"))
                .or(() -> firstNotFinite("link trade", o.linkTrade(), k -> "#" + k))
                .or(() -> firstNotFinite("link price", o.linkPrice(), k -> "#" + k))
                .or(() -> firstNotFinite("value of a design's variable", o.designValues(), k -> "#" + k))
                .or(() -> firstNotFinite("flow of limited line", o.lineFlows(), k -> "#" + k))
                .or(() -> firstNotFinite("congestion price of limited line", o.linePrices(), k -> "#" + k))
                .or(() -> firstWhere(o.marketPrice(), k -> problem.priceCoupling(k).isPresent()
                                || Double.isInfinite(o.marketPrice()[k]),
                        k -> "the pool price of '" + markets.get(k).name() + "' is " + o.marketPrice()[k]))
                .or(() -> firstWhere(o.collectiveNet(), k -> markets.get(k) != root || Double.isInfinite(o.collectiveNet()[k]),
                        k -> "the net position of '" + markets.get(k).name() + "' is " + o.collectiveNet()[k]));
    }

    private static Optional<String> notFinite(StepResult r) {
        double[] totals = {r.welfare(), r.gridImport(), r.gridExport(), r.importCost(), r.exportRevenue(),
            r.load(), r.exchange(), r.fees(), r.imbalance()};
        String[] names = {"welfare", "grid import", "grid export", "import cost", "export revenue", "load",
            "exchange between collectives", "fees", "budget imbalance"};
        if (!Double.isFinite(r.congestionRent())) {
            return Optional.of("the step's congestion rent is " + r.congestionRent());
        }
        for (int i = 0; i < totals.length; i++) {
            if (!Double.isFinite(totals[i])) {
                return Optional.of("the step's " + names[i] + " is " + totals[i]);
            }
        }
        for (PeerStep p : r.peers()) {
            if (!(Double.isFinite(p.energy()) && Double.isFinite(p.cost()) && Double.isFinite(p.payment()))) {
                return Optional.of("peer '" + p.peer() + "' has energy " + p.energy() + ", cost " + p.cost()
                        + " and payment " + p.payment());
            }
        }
        for (CollectiveStep c : r.collectives()) {
            if (!(Double.isFinite(c.importEnergy()) && Double.isFinite(c.exportEnergy()))) {
                return Optional.of("collective '" + c.collective() + "' imports " + c.importEnergy()
                        + " and exports " + c.exportEnergy());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> firstNotFinite(String what, double[] values, IntFunction<String> which) {
        return firstWhere(values, k -> true, k -> "the " + what + " " + which.apply(k) + " is " + values[k]);
    }

    /** The first value that is not finite and that {@code mustBeFinite} says must be. */
    private static Optional<String> firstWhere(double[] values, java.util.function.IntPredicate mustBeFinite,
                                               IntFunction<String> describe) {
        for (int k = 0; k < values.length; k++) {
            if (!Double.isFinite(values[k]) && mustBeFinite.test(k)) {
                return Optional.of(describe.apply(k));
            }
        }
        return Optional.empty();
    }
}
