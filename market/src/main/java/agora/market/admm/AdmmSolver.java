package agora.market.admm;

import agora.market.MarketSolver;
import agora.market.MarketTree;
import agora.market.StepOutcome;
import agora.market.formulation.MarketProblem;
import agora.solver.OptionRange;
import agora.solver.SolverOptions;
import java.util.List;

/**
 * Solves a market step by negotiation (ADMM): each peer and each collective's manager solves only
 * its own problem and exchanges only proposed trades and prices; see the package documentation
 * for the algorithm and why its fixed point is the centralized optimum.
 *
 * <p>Reads {@link SolverOptions#tolerance()} (absolute and relative tolerance of the residuals),
 * {@link SolverOptions#admmRho()} (initial penalty), {@link SolverOptions#admmMaxIterations()} and
 * {@link SolverOptions#timeLimit()}. Steps may be solved from several threads at once; each thread
 * has its own negotiation session, which starts each step from the trades and prices of the
 * previous step it solved (warm start).
 */
public final class AdmmSolver implements MarketSolver {
    /** Agents from which one iteration's updates are worth splitting over threads. */
    public static final int PARALLEL_AGENTS = 200;

    private final MarketProblem problem;
    private final NegotiationPlan plan;
    private final SolverOptions options;
    private final ThreadLocal<Negotiation> sessions;

    public AdmmSolver(MarketTree tree, SolverOptions options) {
        this(MarketProblem.of(tree), options);
    }

    /**
     * @throws IllegalArgumentException for options outside their range, a problem whose design
     *                                  added terms the negotiation cannot split among the parties,
     *                                  or one with storage (steps coupled in time)
     */
    public AdmmSolver(MarketProblem problem, SolverOptions options) {
        MarketTree tree = problem.tree();
        if (!problem.terms().decomposable()) {
            throw new IllegalArgumentException("design '" + tree.design() + "' adds "
                    + problem.terms().variables().size() + " variable(s) and "
                    + problem.terms().constraints().size() + " constraint(s) of its own, which the "
                    + "decomposed solver cannot give to the parties yet; solve it centralized "
                    + "(--solve centralized)");
        }
        if (problem.couplesSteps()) {
            throw new IllegalArgumentException("storage peer '" + problem.storages().get(0).name()
                    + "' couples the steps in time, which the decomposed solver cannot negotiate "
                    + "yet; solve it centralized (--solve centralized)");
        }
        List<String> outOfRange = OptionRange.problems(options);
        if (!outOfRange.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", outOfRange));
        }
        this.problem = problem;
        this.plan = NegotiationPlan.of(problem);
        this.options = options;
        Workers workers = Workers.parallel(innerThreads(plan, tree, options));
        this.sessions = ThreadLocal.withInitial(() -> new Negotiation(plan, options, workers));
    }

    /**
     * Threads for the agents' updates within one iteration: only for a large market (at least
     * {@link #PARALLEL_AGENTS} agents) whose horizon has fewer steps than threads, since the run
     * loop already solves steps in parallel and inner threads would then just compete.
     */
    static int innerThreads(NegotiationPlan plan, MarketTree tree, SolverOptions options) {
        int threads = Math.min(options.effectiveThreads(), Runtime.getRuntime().availableProcessors());
        boolean large = plan.agents.size() >= PARALLEL_AGENTS;
        boolean fewSteps = tree.scenario().time().count() < threads;
        return large && fewSteps ? threads : 1;
    }

    @Override
    public double tolerance() {
        return options.tolerance();
    }

    @Override
    public String name() {
        return "admm";
    }

    @Override
    public MarketProblem problem() {
        return problem;
    }

    @Override
    public StepOutcome solve(int step) {
        return sessions.get().solve(step);
    }

    /** The options this solver runs with. */
    public SolverOptions options() {
        return options;
    }
}
