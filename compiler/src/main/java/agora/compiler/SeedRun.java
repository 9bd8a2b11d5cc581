package agora.compiler;

/**
 * Which run of random numbers every seeded profile generator draws ({@code agora sweep --seeds}):
 * run {@code k} adds {@code (k - 1) × 2³²} to each generator's seed, so run 1 is the scenario as
 * written, every generator moves together, and two runs share no generator's stream unless the
 * scenario's own seeds differ by a multiple of 2³².
 *
 * @param run 1 or more
 */
public record SeedRun(int run) {
    /** The seeds as the scenario gives them. */
    public static final SeedRun AS_WRITTEN = new SeedRun(1);
    /** Whole numbers stay exact as doubles up to 2⁵³: runs are kept well below that. */
    public static final int MAX_RUN = 1 << 20;
    private static final double STRIDE = 4_294_967_296.0; // 2^32

    public SeedRun {
        if (run < 1 || run > MAX_RUN) {
            throw new IllegalArgumentException("a seed run is between 1 and " + MAX_RUN + ", not " + run);
        }
    }

    /** The seed a generator given {@code seed} uses in this run. */
    double seed(double seed) {
        return run == 1 ? seed : seed + (run - 1) * STRIDE;
    }
}
