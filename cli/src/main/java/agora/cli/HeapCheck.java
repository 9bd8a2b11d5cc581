package agora.cli;

import agora.market.run.MemoryEstimate;
import agora.scenario.SolveMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares the heap that solving needs ({@link MemoryEstimate}) with what this Java process may
 * use: {@code run} refuses a market that does not fit before it builds anything large, and
 * {@code check} says how much a large one needs.
 *
 * @param estimate the heap solving needs beyond what is in use
 * @param inUse    the heap in use now (the scenario and its markets)
 * @param max      the most heap this process may use ({@code -Xmx})
 * @param admm     the estimate with the decomposed solver instead (null when it is that already)
 * @param oneSolve the estimate with one solve at a time (null when it is that already)
 */
record HeapCheck(MemoryEstimate estimate, long inUse, long max, MemoryEstimate admm,
                 MemoryEstimate oneSolve) {
    /** From this share of the heap on, {@code check} shows the estimate. */
    static final double NOTEWORTHY = 0.25;

    /**
     * @param backend the backend of centralized solves (ignored for ADMM)
     */
    static HeapCheck of(List<MemoryEstimate.MarketSize> markets, SolveMode mode, String backend, int threads,
                        int steps) {
        boolean admm = mode == SolveMode.ADMM;
        MemoryEstimate estimate = MemoryEstimate.of(markets, admm, backend, threads, steps);
        Runtime runtime = Runtime.getRuntime();
        long max = runtime.maxMemory();
        long inUse = runtime.totalMemory() - runtime.freeMemory();
        if (inUse + estimate.bytes() > max) {
            // garbage counts as in use until collected: collect it before refusing
            System.gc();
            inUse = runtime.totalMemory() - runtime.freeMemory();
        }
        MemoryEstimate byAdmm = admm ? null : MemoryEstimate.of(markets, true, backend, threads, steps);
        MemoryEstimate byOne = estimate.concurrentSolves() == 1 ? null
                : MemoryEstimate.of(markets, admm, backend, 1, steps);
        return new HeapCheck(estimate, inUse, max, byAdmm, byOne);
    }

    boolean fits() {
        return inUse + estimate.bytes() <= max;
    }

    boolean noteworthy() {
        return inUse + estimate.bytes() >= NOTEWORTHY * max;
    }

    /**
     * {@code solving needs about 2.9 GB of Java heap (1000000 trade links and 2000 participants,
     * centralized/ojalgo, 1 solve at a time) besides the 200 MB in use; Java may use 5.9 GB}.
     */
    String need() {
        return "solving needs " + estimate.amount() + " of Java heap (" + estimate.basis()
                + ") besides the " + MemoryEstimate.size(inUse) + " in use; Java may use "
                + (fits() ? "" : "at most ") + MemoryEstimate.size(max);
    }

    /** What would make it fit, one per line: more heap, fewer solves at once, ADMM, fewer partners. */
    String remedies() {
        List<String> ways = new ArrayList<>();
        ways.add("give Java more heap: AGORA_JAVA_OPTS=" + estimate.xmx(inUse) + " (for bin/agora)");
        if (oneSolve != null) {
            ways.add("solve one step at a time: --threads 1 (" + oneSolve.amount() + ")");
        }
        if (admm != null) {
            ways.add("solve by negotiation: --solve admm (" + admm.amount() + ")");
        }
        ways.add("give the peers fewer trading partners: members of a collective that clears as a "
                + "pool trade with the pool, not with every other peer (designs community, hybrid)");
        return "  - " + String.join("\n  - or ", ways);
    }
}
