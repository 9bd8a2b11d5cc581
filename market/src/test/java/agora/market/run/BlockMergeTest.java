package agora.market.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import agora.market.results.DesignTotals;
import agora.market.results.SolveSummary;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Blocks of a run solved apart (agora sweep) add up to the run solved in one piece. */
class BlockMergeTest {

    @Test
    void twoBlocksAddUpToTheWholeRun() throws Exception {
        MarketRunTest.ScriptedSolver solver = new MarketRunTest.ScriptedSolver(8);
        RunResult whole = new MarketRun(solver, 1, ProgressListener.NONE).run(new StepRange(0, 8));
        Block first = block(solver, 0, 3);  // holds the infeasible step 2
        Block second = block(solver, 3, 8); // holds step 5, whose solver throws

        DesignTotals totals = roundTrip(first.totals).plus(roundTrip(second.totals));
        SolveSummary.Collector solve = roundTrip(first.solve);
        solve.addAll(roundTrip(second.solve));
        SolveSummary merged = solve.summary(1);
        SolveSummary expected = whole.solveSummary();

        assertEquals(whole.totals(), totals);
        assertEquals(2, totals.failedSteps());
        assertEquals(expected.steps(), merged.steps());
        assertEquals(expected.statusCounts(), merged.statusCounts());
        assertEquals(expected.allocations(), merged.allocations());
        assertEquals(expected.iterationsMedian(), merged.iterationsMedian());
        assertEquals(expected.iterationsP95(), merged.iterationsP95());
        assertEquals(expected.iterationsMax(), merged.iterationsMax());
    }

    @Test
    void theLimitedLinesOfTwoBlocksAddUp() {
        DesignTotals first = totals(2, 1.5, List.of(new DesignTotals.LineTotals("l2", 3, 4.0, 1.0)));
        DesignTotals second = totals(5, 0.5, List.of(new DesignTotals.LineTotals("l2", 1, 9.0, 0.8)));
        DesignTotals none = totals(0, 0, List.of()); // a block whose steps all failed

        DesignTotals both = first.plus(second);
        assertEquals(2.0, both.congestionRent());
        assertEquals(List.of(new DesignTotals.LineTotals("l2", 4, 9.0, 1.0)), both.lines());
        assertEquals(both.lines(), none.plus(first).plus(second).lines());
        assertThrows(IllegalArgumentException.class, () -> first.plus(
                totals(1, 0, List.of(new DesignTotals.LineTotals("l3", 1, 1, 1)))));
    }

    private static DesignTotals totals(int optimal, double rent, List<DesignTotals.LineTotals> lines) {
        return new DesignTotals(optimal, optimal, 0, 0, 0, 0, 0, 0, 0, 0, 0, rent, lines, java.util.List.of());
    }

    @Test
    void collectorsOfTwoSolversDoNotMix() {
        SolveSummary.Collector a = new SolveSummary.Collector("centralized/ipm");
        assertThrows(IllegalArgumentException.class, () -> a.addAll(new SolveSummary.Collector("admm")));
    }

    private record Block(DesignTotals totals, SolveSummary.Collector solve) {
    }

    private static Block block(MarketRunTest.ScriptedSolver solver, int from, int to) throws IOException {
        DesignAccounts accounts = new DesignAccounts(solver.problem(), null);
        SolveSummary.Collector solve = new SolveSummary.Collector(solver.name());
        new MarketRun(solver, 1, ProgressListener.NONE).stream(new StepRange(from, to), o -> {
            accounts.add(o);
            solve.add(o);
        });
        return new Block(accounts.report(solve.summary(0)).totals(), solve);
    }

    /** Through Java serialization, as Spark sends a task's result to the driver. */
    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
