/**
 * Decomposed market clearing by ADMM: every peer, and every collective's manager, solves only its
 * own problem, and agents exchange only proposed trades and prices.
 *
 * <h2>The centralized problem, rewritten per agent</h2>
 *
 * The lowering of {@code agora.market.lowering} solves, per step (all costs hourly):
 * <pre>
 *   minimise   sum_n C_n(p_n) + sum of every trade side's c |P| + sum of pool fees γ |q|
 *              + grid energy (π+ on its sales, -π- on its purchases)
 *   subject to y_n = sum_m P_nm            (bilateral balance of each participant)
 *              P_nm + P_mn = 0             (reciprocity; dual = bilateral price)
 *              y_n = q_n,  sum_n q_n = x_K (pool K; dual = community price)
 *              pmin_n &lt;= p_n &lt;= pmax_n, sign rules on trades (producers sell, consumers buy)
 * </pre>
 * where y_n is p_n for a peer, x_K for a collective in its parent market and -x_K for a
 * bilateral collective's own manager inside it. Give every participant one variable per
 * <em>slot</em>: a trade P_nm per link in a bilateral market, a position q_n in a pool, and for
 * the manager of a pool K one more slot w_K = -x_K (what it buys from its own pool). Eliminating
 * y_n and x_K, the problem is
 * <pre>
 *   minimise   sum_i f_i(v_i)    subject to  v in C
 * </pre>
 * over agents i (peers and managers), where f_i is agent i's own problem: its cost C_i of
 * {@code z_i = sum_j v_ij} with {@code z_i} in its bounds (a manager: {@code z_i = 0}, what it
 * buys on one side it sells on the other), plus {@code h_ij(v_ij) = sell_ij max(v,0)
 * + buy_ij max(-v,0)} per slot (its per-MWh cost; for the grid also π+ on sales and -π- on
 * purchases) and the slot's sign box. C is the subspace of the coupling rows, each slot lying in
 * exactly one row: a reciprocity row {@code v_ab + v_ba = 0} per link, and a pool row
 * {@code sum_members q + w_K = 0} per pool (just {@code sum q = 0} for a root pool).
 *
 * <h2>The iteration (Boyd et al. 2011, ADMM with a consensus projection)</h2>
 * With duals lambda (one per slot, unscaled) and penalty rho:
 * <ol>
 *   <li>each agent solves {@code min f_i(v_i) + sum_j [lambda_ij v_ij + rho/2 (v_ij - t_ij)^2]}
 *       exactly ({@link agora.market.admm.LocalProblem}: one multiplier mu on
 *       {@code z = sum v}, each v_j(mu) a clipped soft threshold, z(mu) closed form, and the
 *       monotone piecewise-linear {@code z(mu) - sum v(mu)} solved by safeguarded Newton);</li>
 *   <li>t = z^{k+1} = projection of the proposals on C, row by row: a link
 *       {@code t_ab = (v_ab - v_ba)/2 = -t_ba}; a pool {@code t_i = q_i - mean}, where mean is the
 *       mean of all the row's positions (the exchange/sharing form: the manager coordinates);</li>
 *   <li>{@code lambda += rho (v - t)}: a link's two sides add {@code rho/2 (v_ab + v_ba)} to
 *       the same lambda_ab; a pool's members all hold {@code lambda = nu += rho mean}.</li>
 * </ol>
 * Because lambda starts (and stays) in the orthogonal complement of C, the projection of
 * {@code v + lambda/rho} equals that of v. At a fixed point v is in C and
 * {@code 0 in ∂f_i(v_i) + lambda_i}: the KKT conditions of the centralized problem with row
 * multiplier lambda. With the dual convention of the centralized solver (derivative of the
 * optimum by the row's right-hand side) a row's dual is {@code -lambda}, so the reported
 * bilateral and community prices are {@code -lambda_ab} and {@code -nu}: the fixed point is the
 * centralized optimum, with the same prices. The decomposition composes to any depth: a manager
 * is an agent with slots in its parent market (trading like a peer) and in its own market (the
 * pool slot w_K, or its trades with the members of a bilateral collective), and coordinates its
 * own pool's row.
 *
 * <h2>Refinements</h2>
 * <ul>
 *   <li>Over-relaxation (Boyd §3.4.3) is implemented (the projection and dual update use
 *       {@code alpha v + (1 - alpha) t} in place of v) but off (alpha = 1): alpha = 1.6 halved
 *       the iterations on the IEEE 14-bus case, cost 20% more on a synthetic 1,000-peer market,
 *       and stalled for good on a degenerate market with zero-cost links.</li>
 *   <li>Residual balancing (Boyd §3.4.1, mu = 10, tau = 2) on the residuals scaled by their
 *       tolerances, every 10 iterations; after 40 changes in a step, at intervals that double
 *       with each further change (unbounded rebalancing kept rho oscillating on the IEEE 14-bus
 *       case; freezing rho after 40 left markets with costs over eight decades crawling);
 *       lambda is kept unscaled, so a change of rho needs no rescaling. A new rho applies from
 *       the next round; mail of the current round is read with the rho it was produced
 *       under.</li>
 *   <li>Extrapolation ({@link agora.market.admm.Extrapolation}): once the prices have (nearly)
 *       settled, the rest of a step can be a walk at constant speed (per-MWh cost / rho per round) along a
 *       direction only per-MWh costs resist, such as a circulation among pool managers that pay
 *       only the trade fee; when the consensus step has stayed the same for a few rounds, every
 *       holder of a consensus value moves it ahead to where the first trade would reach zero.
 *       Without it two steps of the measured ieee14-no-fees year hit the 10,000-round limit.</li>
 *   <li>Warm start: each thread's session keeps its agents' trades, prices and rho, so a step
 *       starts from the previous step that thread solved (the run loop hands threads contiguous
 *       chunks of steps). A failed step resets the session.</li>
 *   <li>Large markets (at least {@link agora.market.admm.AdmmSolver#PARALLEL_AGENTS} agents,
 *       fewer steps than threads) split each round over threads.</li>
 * </ul>
 *
 * <h2>Stopping (Boyd §3.3.1)</h2>
 * Primal residual {@code r = ||v - t||} (for a bilateral market, half the Frobenius norm of
 * P + P^T), dual residual {@code s = rho ||t^{k+1} - t^k||}. With N slots and
 * {@code eps = SolverOptions.tolerance} as both absolute and relative tolerance, a step has
 * converged when {@code r <= sqrt(N) eps + eps max(||v||, ||t||)} and
 * {@code s <= sqrt(N) eps + eps ||lambda||}, and every peer's dispatch is settled to within the
 * primal tolerance: each agent's proposal is exactly optimal for its prices shifted by its own
 * dual residual {@code d = rho (t^k - t^(k-1))}, and a shift d moves the optimal p of a cost
 * {@code a p^2 + b p} inside its bounds by {@code d / 2a}, so each agent reports
 * {@code rho max_j |t_j^k - t_j^(k-1)| / 2a} (0 at a bound, for a manager, or for a linear cost)
 * and the largest must meet the primal tolerance. Without it, residuals within tolerance
 * allowed a price shift of about {@code eps ||lambda||}, which left a peer with a nearly flat
 * cost (a = 4.5e-4 $/MW²h) 4e-3 MW from the optimum. A step that reaches the iteration limit (or the
 * time limit) is reported as NOT_CONVERGED (TIME_LIMIT) with its residuals in the message and NaN
 * numbers, never as a result.
 *
 * <h2>What is reported</h2>
 * The settled outcome: the consensus trades t (exactly reciprocal, pools exactly balanced),
 * each peer's injection as the sum of its consensus trades moved to the nearest point within its
 * bounds, each collective's net position as the
 * sum of its manager's consensus trades in the parent market, and the objective the agents' costs
 * give at that point. The agents' own last proposals differ from it by at most the primal
 * residual; a peer's injection may thus differ from the sum of its trades by that much.
 *
 * <h2>Privacy and messages</h2>
 * An {@link agora.market.admm.Agent} is built from its {@link agora.market.admm.AgentData} alone
 * (own cost, bounds, per-slot costs and signs; grid prices for the grid) and holds no reference
 * to the scenario, the tree or another agent; a test checks this by reflection. Its only contact
 * with others is its mailbox: per slot its outgoing proposal and the partner's answer, carried by
 * the relay ({@link agora.market.admm.Negotiation}), which knows only the routing and computes
 * the residuals from what it carries. Pools answer their members through the manager's
 * {@link agora.market.admm.PoolCoordinator}. Accounting per step, each message an 8-byte subject
 * (trade, pool or agent id) plus 8 bytes per value:
 * <ul>
 *   <li>per iteration: 2 per bilateral link (each side's proposal, 16 bytes); per pool member
 *       one report (16 bytes) and one answer with price and mean imbalance (24 bytes); per pool
 *       one residual report with 7 sums (64 bytes) — a manager's own position needs none;</li>
 *   <li>per iteration, per agent: its dispatch bound (16 bytes), for the stopping test;</li>
 *   <li>control: one penalty message per agent at the start of a step and at each change of rho
 *       (16 bytes), one extrapolation message per agent at each jump (16 bytes), one stop message
 *       per agent at convergence (8 bytes).</li>
 * </ul>
 * Prices are not sent on bilateral links: both sides compute the same update from the two
 * proposals they exchanged.
 */
package agora.market.admm;
