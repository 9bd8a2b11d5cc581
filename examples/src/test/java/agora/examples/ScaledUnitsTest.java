package agora.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A street's results read in dollars, kWh and kW, not as 0.000448 M$ or -0.0022 MW. */
class ScaledUnitsTest {
    @Test
    void aStreetsDayIsShownInDollarsAndKilowattHours() {
        AgoraCli.Outcome run = AgoraCli.run(List.of("run", "examples/community.agora"));
        assertEquals(0, run.exitCode(), run::describe);
        assertTrue(run.out().contains("Total SW [$]"), run.out());
        assertTrue(run.out().contains("Total load [kWh]"), run.out());
        // the street's 24 hours: 324.9 kWh of load, as the report's browser test also reads it
        assertTrue(Pattern.compile("community +20\\.0+ +18\\.26 +0\\.0+ +324\\.9").matcher(run.out())
                .find(), run.out());
    }

    @Test
    void aHouseholdsTradesAreShownInKilowatts() {
        AgoraCli.Outcome trades = AgoraCli.run(List.of("trades", "examples/community.agora",
                "--peer", "h1", "--design", "full", "--from", "2024-06-03T06:00", "--to",
                "2024-06-03T06:00"));
        assertEquals(0, trades.exitCode(), trades::describe);
        assertTrue(trades.out().contains("full: trades of h1 (kW; positive = h1 sells"),
                trades.out());
        // h1 buys its 2.26 kW from the grid at 78.03 $/MWh; no -0.0 and no 1e-14 anywhere
        assertTrue(Pattern.compile("2024-06-03T06:00 +market +g +-2\\.25947 +78\\.03")
                .matcher(trades.out()).find(), trades.out());
        assertFalse(trades.out().matches("(?s).*(-0\\.0|[0-9]E-|e-1).*"), trades.out());
    }
}
