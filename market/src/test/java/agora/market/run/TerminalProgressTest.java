package agora.market.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {
    private final StringWriter text = new StringWriter();
    private final AtomicLong now = new AtomicLong();
    private final TerminalProgress progress = new TerminalProgress(
            new PrintWriter(text, true), now::get);

    private String printed() {
        return text.toString();
    }

    @Test
    void aShortRunPrintsNothing() {
        progress.started("full", 100);
        now.set(900_000_000L); // 0.9 s
        progress.advanced(100);
        progress.finished();
        assertEquals("", printed());
    }

    @Test
    void aLongRunDrawsOneLineThenErasesIt() {
        progress.started("hybrid", 1000);
        now.set(2_000_000_000L); // 2 s, 250 steps: 125 steps/s, 750 left = 6 s
        progress.advanced(250);
        now.set(2_100_000_000L); // too soon to redraw
        progress.advanced(260);
        String line = "hybrid  250/1000 steps  125.0 steps/s  ETA 6s";
        assertEquals("\r" + line, printed());
        progress.finished();
        assertEquals("\r" + line + "\r" + " ".repeat(line.length()) + "\r", printed());
    }

    @Test
    void durationsReadLikeClocks() {
        assertEquals("59s", TerminalProgress.duration(59.4));
        assertEquals("3m05s", TerminalProgress.duration(185));
        assertEquals("2h01m", TerminalProgress.duration(7260));
    }

    @Test
    void withoutATerminalALongRunPrintsALineAfterASecondThenEveryFifteen() {
        StringWriter log = new StringWriter();
        LineProgress lines = new LineProgress(new PrintWriter(log, true), now::get);
        lines.started("full", 1_000_000);
        now.set(900_000_000L);
        lines.advanced(1_800);
        assertEquals("", log.toString());
        now.set(2_000_000_000L); // 2 s, 4000 steps: 2000 steps/s, 996000 left = 8m18s
        lines.advanced(4_000);
        now.set(16_000_000_000L); // too soon for the next line
        lines.advanced(32_000);
        now.set(17_000_000_000L);
        lines.advanced(34_000);
        lines.finished();
        assertEquals("full  4000/1000000 steps  2000.0 steps/s  ETA 8m18s\n"
                + "full  34000/1000000 steps  2000.0 steps/s  ETA 8m03s\n", log.toString());
    }
}
