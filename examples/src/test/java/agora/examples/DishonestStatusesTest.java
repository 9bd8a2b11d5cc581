package agora.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inputs of issue 15 that ran to OPTIMAL with a wrong answer: examples/community.agora with
 * one number changed. Each must end with a non-zero exit and a message naming the failed check,
 * and none may write OPTIMAL.
 */
class DishonestStatusesTest {
    @TempDir
    Path tmp;

    private Path community(String from, String to) throws IOException {
        String text = Files.readString(Repo.root().resolve("examples/community.agora"));
        assertTrue(text.contains(from), from);
        Path file = tmp.resolve("community.agora");
        Files.writeString(file, text.replace(from, to));
        return file;
    }

    /**
     * The prosumer's linear cost at 1e12 $/MWh: OR-Tools' PDLP met its KKT tolerance relative to
     * that cost and reported OPTIMAL with community prices of -1,328 and 3,208 $/MWh (ipm: 55 and
     * 56) and a budget imbalance of 16 and 36 $.
     */
    @Test
    void anAnswerWhoseBudgetDoesNotBalanceIsNotOptimal() throws IOException {
        Path file = community("90 $/MWh", "1e12 $/MWh");
        Path out = tmp.resolve("out");
        AgoraCli.Outcome run = AgoraCli.run(List.of("run", file.toString(), "--backend", "ortools", "--steps", "2",
                "--out", out.toString()));

        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("(step 0): CHECK_FAILED: budget balance check failed: the peers pay"),
                run.err());
        assertTrue(run.err().contains("(step 1): CHECK_FAILED: budget balance check failed: the peers pay"),
                run.err());
        String steps = Files.readString(out.resolve("steps.csv"));
        assertFalse(steps.contains("OPTIMAL"), steps);
        assertFalse(steps.contains("Infinity") || steps.contains("NaN"), steps);
    }

    /**
     * Household h2's peak at 1.8e308 kW: ADMM ran to OPTIMAL with welfare -Infinity and no budget
     * imbalance. The peak is refused where it is written, and nothing is solved or written.
     */
    @Test
    void aMagnitudeBeyondTheRangeIsRefusedWhereItIsWritten() throws IOException {
        Path file = community("peak = 6 kW", "peak = 1.7976931348623157e308 kW");
        Path out = tmp.resolve("out");
        AgoraCli.Outcome run = AgoraCli.run(List.of("run", file.toString(), "--solve", "admm", "--steps", "2",
                "--out", out.toString()));

        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains("community.agora:21:36: error[E0305]: 'peak' of peer 'h2' is out of range:"
                + " 1.7976931348623156e305 MW is beyond the largest magnitude Agora takes, 1e15 MW"), run.err());
        assertFalse(run.out().contains("OPTIMAL") || run.err().contains("OPTIMAL"), run.out() + run.err());
        assertFalse(Files.exists(out.resolve("steps.csv")));
    }
}
