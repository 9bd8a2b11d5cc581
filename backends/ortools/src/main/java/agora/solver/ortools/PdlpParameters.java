package agora.solver.ortools;

import com.google.ortools.pdlp.PrimalDualHybridGradientParams;
import com.google.ortools.pdlp.TerminationCriteria;
import com.google.protobuf.TextFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * PDLP's parameters, as the text {@code MPModelRequest.solver_specific_parameters} takes, built
 * once per (attempt, tolerance, scaling) and cached; a year of steps needs a few.
 *
 * <h2>Termination, in the scaled units of {@link Scaling}</h2>
 * PDLP's detailed optimality criteria with {@code eps} = {@link #TOLERANCE_FACTOR} x the requested
 * tolerance:
 * <ul>
 *   <li>primal residual (l2) at most eps' (1 + ||b'||), eps' = eps min(1, 1 / power): in MW,
 *       eps min(power, 1) (1 + ||b'||), the stricter of relative to the largest bound and
 *       absolute. Balance rows have right-hand side 0 and the KKT check and the market layer
 *       judge them absolutely: on the IEEE 14-bus case (power 64 MW) residuals of eps x power
 *       added up to 1.6e-6 MW in a balance row the minimum-norm trade allocation leaves out,
 *       and the market rejected 28 of 96 allocations. Costs about 40% more iterations;</li>
 *   <li>dual residual at most eps (1 + |c'|): prices to eps x the largest marginal cost;</li>
 *   <li>gap |primal - dual objective| at most eps (|primal| + |dual|) + eps max(1 / cost,
 *       {@link #GAP_FLOOR}): the absolute part is eps $/h of the unscaled objective, which keeps
 *       objectives that nearly cancel (welfare near 0) to 1e-6 of 1 + |objective|, floored at
 *       eps x GAP_FLOOR of the cost scale where rounding of terms of that size would stop PDLP.</li>
 * </ul>
 * Measured on the example scenarios and 96 steps of the IEEE 14-bus case in three designs,
 * eps = 0.1 x tolerance (1e-8 for the default 1e-7) keeps welfare within 5e-8 relative, trades
 * within 2e-6 MW and prices of traded pairs within 3e-6 $/MWh of the interior-point backend;
 * eps = 1e-7 let one objective drift by 2e-6. Again on the IEEE 14-bus case (365 half-hours over
 * a year, full P2P), eps = 1e-7 saved only 10% of the iterations and left 49 minimum-norm trade
 * allocations rejected by the market for balance residuals of 1e-6 MW.
 *
 * <h2>Duality gap as {@link agora.solver.KktCheck} measures it</h2>
 * PDLP by default counts part of the objective's gradient on finite bounds as a dual residual
 * instead of a bound multiplier, which leaves it out of the dual objective and so of the gap PDLP
 * stops on. With that off, PDLP's gap is the Lagrangian one of the KKT check: of 730 full P2P
 * solves, 52 OPTIMAL answers had missed the KKT conditions at the tolerance 1e-7 (5 at 1e-6,
 * worst 2e-6, all minimum-norm trade allocations; 160 at 1e-6 over the whole year), none did
 * with it off (worst 4e-8), for 2% more iterations; community and hybrid took the same
 * iterations.
 *
 * <p>PDLP's other parameters are its defaults: restart frequencies and strategy, restart
 * thresholds, primal weight and its smoothing, Ruiz and l2 rescaling, termination check
 * frequency, the number of shards and the diagonal QP trust-region solver were each tried and
 * none reduced iterations (or the time per iteration) by more than a few percent across the
 * cases; {@code l2_norm_rescaling: false} took 60% more iterations and distance-based restarts
 * 60% more.
 */
final class PdlpParameters {
    static final double TOLERANCE_FACTOR = 0.1;
    static final double GAP_FLOOR = 1e-3;
    /**
     * A cap on the first attempt: on 2,000 IEEE 14-bus half-hours per design, 95% of the solves
     * converged within 6,000 iterations and a few took up to 85,000; a run past this many is
     * taken as stalled, its last point is kept if it meets the KKT conditions ({@link PdlpSolver})
     * and else the conservative attempt takes over (it then needed 2,000-22,000).
     */
    static final int FIRST_ATTEMPT_ITERATIONS = 100_000;
    private static final int CACHED_TEXTS = 256;

    /** How hard an attempt pushes. */
    enum Attempt {
        /** PDLP's adaptive step sizes, restarts and primal weight: fast on well-scaled models. */
        FIRST,
        /**
         * Constant step sizes from an estimate of the matrix's largest singular value: about twice
         * as many iterations on average, but no adaptive step that can run away. Unscaled, it
         * solved the street-community steps that ended in numerical errors, and it finished all
         * but one of the runs adaptive steps left stalled on the IEEE case.
         */
        CONSERVATIVE
    }

    private record Key(Attempt attempt, double epsilon, double power, double cost, int firstAttemptIterations) {
    }

    private final int firstAttemptIterations;
    private final Map<Key, String> texts = new ConcurrentHashMap<>();

    PdlpParameters() {
        this(FIRST_ATTEMPT_ITERATIONS);
    }

    /** @param firstAttemptIterations the first attempt's iteration limit (tests force a fallback) */
    PdlpParameters(int firstAttemptIterations) {
        this.firstAttemptIterations = firstAttemptIterations;
    }

    /** The parameter text for an attempt at {@code tolerance} on a model scaled by {@code scaling}. */
    String text(Attempt attempt, double tolerance, Scaling scaling) {
        Key key = new Key(attempt, tolerance * TOLERANCE_FACTOR, scaling.power(), scaling.cost(),
                firstAttemptIterations);
        String text = texts.get(key);
        if (text == null) {
            text = build(key);
            if (texts.size() < CACHED_TEXTS) {
                texts.putIfAbsent(key, text);
            }
        }
        return text;
    }

    private static String build(Key key) {
        double eps = key.epsilon();
        TerminationCriteria.Builder termination = TerminationCriteria.newBuilder()
                .setDetailedOptimalityCriteria(TerminationCriteria.DetailedOptimalityCriteria.newBuilder()
                        .setEpsOptimalPrimalResidualAbsolute(eps * Math.min(1.0, 1.0 / key.power()))
                        .setEpsOptimalPrimalResidualRelative(eps * Math.min(1.0, 1.0 / key.power()))
                        .setEpsOptimalDualResidualAbsolute(eps)
                        .setEpsOptimalDualResidualRelative(eps)
                        .setEpsOptimalObjectiveGapAbsolute(eps * Math.max(1.0 / key.cost(), GAP_FLOOR))
                        .setEpsOptimalObjectiveGapRelative(eps));
        PrimalDualHybridGradientParams.Builder parameters = PrimalDualHybridGradientParams.newBuilder()
                .setNumThreads(1) // steps are solved in parallel; one thread per solve
                .setHandleSomePrimalGradientsOnFiniteBoundsAsResiduals(false); // the gap KktCheck measures
        if (key.attempt() == Attempt.FIRST) {
            termination.setIterationLimit(key.firstAttemptIterations());
        } else {
            parameters.setLinesearchRule(PrimalDualHybridGradientParams.LinesearchRule.CONSTANT_STEP_SIZE_RULE);
        }
        return TextFormat.printer().printToString(parameters.setTerminationCriteria(termination).build());
    }
}
