package agora.market.run;

import agora.market.Market;
import agora.market.MarketTree;
import agora.market.formulation.MarketProblem;
import java.util.List;
import java.util.Locale;

/**
 * The Java heap that solving a run's markets takes beyond what is already in use (the compiled
 * scenario and its lowered market trees), estimated from their size, so that a market too large
 * for the heap is refused before solving, with what it would take, instead of failing midway
 * with an OutOfMemoryError.
 *
 * <p>The estimate is linear in the trade links and the participants of each market tree: the
 * structures built once per design (the lowered QP, or the ADMM plan) and the working memory of
 * each solve running at once (a step's model and the backend's factorisation, or an ADMM
 * session). A run's memory does not depend on its horizon: outcomes stream to the files
 * ({@link MarketRun#stream}). The bytes per link and per participant were measured with
 * {@code bench/memory-estimate.sh}: the smallest {@code -Xmx} at which {@code agora run}
 * completes full P2P markets of 10,000 to 90,000 links and pool markets of 2,000 to 8,000 peers,
 * with one and two threads; each is rounded up, so the estimate errs on the large side.
 *
 * @param solver           how the markets are solved, for example {@code centralized/ojalgo}
 * @param links            trade links of the largest design
 * @param participants     participants of the largest design (peers, collectives' managers)
 * @param concurrentSolves steps solved at once
 * @param bytes            the heap needed beyond what is in use
 */
public record MemoryEstimate(String solver, long links, long participants, int concurrentSolves,
                             long bytes) {
    private static final long MIB = 1L << 20;
    private static final long GIB = 1L << 30;

    /** Bytes per link and per participant, once per design and once per concurrent solve. */
    enum Footprint {
        // Measured (smallest -Xmx, 4 steps, 1 and 2 threads; bench/memory-estimate.sh), rounded up:
        // ojalgo 40,000 links 123/203 MB, 90,000 links 271/438 MB: about 1,050 B shared and
        // 1,900 B per solve per link; ortools 10,000 links 31/43 MB; ADMM 90,000 links 43/63 MB.
        // Pools of 2,000 and 8,000 peers took what compiling them takes (23 and 71 MB, one or two
        // threads, every solver): a participant costs too little to measure apart; 300 B bound it.
        IPM(1_200, 300, 2_200, 300),
        ORTOOLS(1_100, 300, 1_500, 300),
        ADMM(200, 300, 300, 300);

        final long sharedPerLink;
        final long sharedPerParticipant;
        final long solvePerLink;
        final long solvePerParticipant;

        Footprint(long sharedPerLink, long sharedPerParticipant, long solvePerLink,
                  long solvePerParticipant) {
            this.sharedPerLink = sharedPerLink;
            this.sharedPerParticipant = sharedPerParticipant;
            this.solvePerLink = solvePerLink;
            this.solvePerParticipant = solvePerParticipant;
        }

        /**
         * The footprint of a solver: ojalgo takes models of at most 150 variables and any other
         * backend (a plug-in's) is taken to need what the interior point needs.
         */
        static Footprint of(boolean admm, String backend) {
            if (admm) {
                return ADMM;
            }
            return "ortools".equals(backend) ? ORTOOLS : IPM;
        }

        long shared(long links, long participants) {
            return sharedPerLink * links + sharedPerParticipant * participants;
        }

        long solve(long links, long participants) {
            return solvePerLink * links + solvePerParticipant * participants;
        }
    }

    /**
     * The size of one design's market, as the estimate needs it.
     *
     * @param design       the design's name
     * @param links        trade links
     * @param participants participants of every market (peers, collectives' managers)
     * @param rows         rows of a step's accounts (peers, trades, pool trades, markets)
     * @param stepValues   numbers in a step's outcome ({@link MarketRun#stepBytes})
     * @param formulated   true when the market problem is built (and so already in use), false
     *                     when only the tree is ({@code check}): then the estimate adds it
     */
    public record MarketSize(String design, long links, long participants, long rows,
                             long stepValues, boolean formulated) {

        /** The size of a formulated problem, exactly. */
        public static MarketSize of(MarketProblem problem) {
            MarketTree tree = problem.tree();
            return new MarketSize(tree.design(), problem.linkCount(), participants(tree),
                    rows(tree), MarketRun.stepValues(problem), true);
        }

        /**
         * The size of a lowered tree: its problem has two trade slots per link and one per pool
         * member and pool, a coupling row per link and two per pool.
         */
        public static MarketSize of(MarketTree tree) {
            long links = tree.links().size();
            long pools = tree.markets().stream().filter(Market::isPool).count();
            long slots = 2 * links + poolMembers(tree) + pools;
            long couplings = links + 2 * pools;
            long values = tree.peers().size() + 2 * links + 2L * tree.markets().size() + slots
                    + couplings;
            return new MarketSize(tree.design(), links, participants(tree), rows(tree), values,
                    false);
        }

        private static long participants(MarketTree tree) {
            return tree.markets().stream().mapToLong(m -> m.participants().size()).sum();
        }

        private static long poolMembers(MarketTree tree) {
            return tree.markets().stream().filter(Market::isPool)
                    .mapToLong(m -> m.participants().size()).sum();
        }

        private static long rows(MarketTree tree) {
            return tree.peers().size() + tree.links().size() + poolMembers(tree)
                    + tree.markets().size();
        }
    }

    /**
     * The estimate for solving markets one after the other (every design is formulated before the
     * first is solved, so their shared structures add up), each with {@code threads} workers over
     * {@code steps} steps.
     *
     * @param admm    true for the decomposed solver, false for a centralized backend
     * @param backend the backend's name (centralized)
     */
    public static MemoryEstimate of(List<MarketSize> markets, boolean admm, String backend,
                                    int threads, int steps) {
        Footprint footprint = Footprint.of(admm, backend);
        int concurrent = Math.max(1, Math.min(threads, steps));
        long shared = 0;
        long largestSolve = 0;
        long buffered = 0;
        MarketSize largest = null;
        for (MarketSize m : markets) {
            shared += footprint.shared(m.links(), m.participants());
            if (!m.formulated()) {
                shared += FORMULATION_PER_LINK * m.links()
                        + FORMULATION_PER_PARTICIPANT * m.participants();
            }
            long stepBytes = MarketRun.stepBytes(m.stepValues());
            buffered = Math.max(buffered, MarketRun.bufferedBytes(stepBytes, Math.max(1, threads),
                    steps));
            long solve = footprint.solve(m.links(), m.participants()) + ROW_BYTES * m.rows();
            if (largest == null || solve > largestSolve) {
                largestSolve = solve;
                largest = m;
            }
        }
        long bytes = SOLVING_BASE_BYTES + shared + concurrent * largestSolve + buffered;
        String solver = admm ? "admm" : "centralized/" + backend;
        return new MemoryEstimate(solver, largest == null ? 0 : largest.links(),
                largest == null ? 0 : largest.participants(), concurrent, bytes);
    }

    /**
     * What solving takes whatever the market's size: the solvers' and the writers' own objects
     * (a market of 10,000 links by ADMM needed 19 MB where its links account for 5 MB and 10 MB
     * were in use).
     */
    static final long SOLVING_BASE_BYTES = 8 * MIB;

    /** One row of a step's accounts in memory (a record of a few numbers and names). */
    static final long ROW_BYTES = 64;

    /**
     * A formulated problem beyond its tree, per link and per participant: a million links took
     * 564 MB in use after formulating against 47 MB for the tree alone.
     */
    static final long FORMULATION_PER_LINK = 600;
    static final long FORMULATION_PER_PARTICIPANT = 300;

    /** {@code about 2.9 GB}. */
    public String amount() {
        return "about " + size(bytes);
    }

    /** {@code 1000000 trade links and 2000 participants, centralized/ojalgo, 2 solves at a time}. */
    public String basis() {
        return links + " trade links and " + participants + " participants, " + solver + ", "
                + concurrentSolves + (concurrentSolves == 1 ? " solve" : " solves") + " at a time";
    }

    /**
     * The smallest {@code -Xmx} in whole gigabytes (or 256 MB steps below one) that holds
     * {@code inUse} plus this estimate.
     */
    public String xmx(long inUse) {
        long total = inUse + bytes;
        if (total < GIB) {
            long quarters = (total + 256 * MIB - 1) / (256 * MIB);
            return "-Xmx" + quarters * 256 + "m";
        }
        return "-Xmx" + (total + GIB - 1) / GIB + "g";
    }

    /** {@code 310 MB}, {@code 2.9 GB}. */
    public static String size(long bytes) {
        if (bytes < GIB) {
            return Math.max(1, Math.round(bytes / (double) MIB)) + " MB";
        }
        return String.format(Locale.ROOT, "%.1f GB", bytes / (double) GIB);
    }
}
