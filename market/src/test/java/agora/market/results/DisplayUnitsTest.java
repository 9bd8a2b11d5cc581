package agora.market.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DisplayUnitsTest {
    private static DesignTotals totals(double welfare, double load) {
        return new DesignTotals(1, 1, welfare, 0, 0, load, 0, 0, 0, 0, 0, 0, java.util.List.of(), java.util.List.of());
    }

    @Test
    void theIeeeYearReadsInMillionsAndGigawattHours() {
        // the paper's full design: 45.21 M$ of welfare, 401.4 GWh of load
        DisplayUnits u = DisplayUnits.of("$", totals(45.21e6, 401_400));
        assertEquals(new DisplayUnits("M$", 1e-6, "GWh", 1e-3), u);
    }

    @Test
    void aStreetReadsInDollarsAndKilowattHours() {
        // a street's day: 448 $ of welfare, 0.325 MWh of load (it read 0.000448 M$ before)
        DisplayUnits u = DisplayUnits.of("$", totals(448, 0.325));
        assertEquals(new DisplayUnits("$", 1, "kWh", 1e3), u);
        assertEquals(325, 0.325 * u.perMwh(), 1e-9);
    }

    @Test
    void inBetweenThousandsAndMegawattHours() {
        assertEquals(new DisplayUnits("k€", 1e-3, "MWh", 1),
                DisplayUnits.of("€", totals(-983_300, 38.2)));
        // nothing to show, or only NaN: the smallest units
        assertEquals(new DisplayUnits("$", 1, "kWh", 1e3),
                DisplayUnits.of("$", totals(Double.NaN, 0)));
    }
}
