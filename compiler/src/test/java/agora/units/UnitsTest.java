package agora.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UnitsTest {
    private static final double EPS = 1e-12;

    private static Unit unit(String text) {
        return Units.parse(text, "$").orElseThrow(() -> new AssertionError("not parsed: " + text));
    }

    @Test
    void kilowattIsAThousandthOfAMegawatt() {
        assertEquals(0.001, unit("kW").toCanonical(1), EPS);
        assertEquals(Dimension.POWER, unit("kW").dimension());
        assertEquals(1000, unit("GW").toCanonical(1), EPS);
        assertEquals(1e-6, unit("W").toCanonical(1), EPS);
    }

    @Test
    void thirtyMinutesIsHalfAnHour() {
        assertEquals(0.5, unit("min").toCanonical(30), EPS);
        assertEquals(Dimension.TIME, unit("min").dimension());
        // 1800 s = 0.5 h
        assertEquals(0.5, unit("s").toCanonical(1800), EPS);
    }

    @Test
    void dollarsPerKilowattHourAreThousandsPerMegawattHour() {
        // 1 $/kWh = 1 $ / (0.001 MWh) = 1000 $/MWh
        assertEquals(1000, unit("$/kWh").toCanonical(1), 1e-9);
        assertEquals(Dimension.PRICE, unit("$/kWh").dimension());
        assertEquals(Dimension.PRICE, unit("$/MWh").dimension());
        assertEquals(52.0, unit("$/MWh").toCanonical(52.0), EPS);
    }

    @Test
    void gigawattHourIsThousandMegawattHours() {
        assertEquals(1000, unit("GWh").toCanonical(1), EPS);
        assertEquals(Dimension.ENERGY, unit("GWh").dimension());
        // kWh as a product of atoms: kW · h
        assertEquals(unit("kWh").factor(), unit("kW h").factor(), EPS);
        assertEquals(Dimension.ENERGY, unit("kW·h").dimension());
    }

    @ParameterizedTest
    @ValueSource(strings = {"$/MW²h", "$/MW^2h", "$/MW2h", "$/MW^2 h", "$ / MW² h", "$/(MW²·h)", "$/MW/MW/h"})
    void quadraticCostCoefficientInAllSpellings(String text) {
        Unit u = unit(text);
        assertEquals(Dimension.QUADRATIC_COST, u.dimension());
        assertEquals(7.3, u.toCanonical(7.3), EPS);
        assertEquals(text.trim(), u.text());
    }

    @Test
    void quadraticCostPerKilowattSquared() {
        // 1 $/kW²h = 1 $ / (1e-6 MW² · h) = 1e6 $/MW²h
        assertEquals(1e6, unit("$/kW²h").toCanonical(1), 1e-6);
    }

    @Test
    void costRateAndMoney() {
        assertEquals(Dimension.COST_RATE, unit("$/h").dimension());
        assertEquals(Dimension.MONEY, unit("$").dimension());
        // 60 $/min = 3600 $/h
        assertEquals(3600, unit("$/min").toCanonical(60), 1e-9);
        assertEquals(new Dimension(0, -1, 0), unit("1/h").dimension());
        assertEquals(new Dimension(-1, 0, 0), unit("MW^-1").dimension());
        assertEquals(new Dimension(-1, 0, 0), unit("MW⁻¹").dimension());
    }

    @Test
    void percentIsAPlainNumber() {
        assertEquals(0.25, unit("%").toCanonical(25), EPS);
        assertTrue(unit("%").dimension().isNone());
        assertEquals(Unit.NONE, unit("  "));
    }

    @Test
    void currencyIsTheScenariosOwn() {
        assertEquals(Dimension.PRICE, Units.parse("€/MWh", "€").orElseThrow().dimension());
        assertEquals(Dimension.PRICE, Units.parse("£/kWh", "£").orElseThrow().dimension());
        assertEquals(Dimension.PRICE, Units.parse("AUD/MWh", "AUD").orElseThrow().dimension());
        // a euro price in a dollar scenario is not silently converted
        assertEquals(Optional.empty(), Units.parse("€/MWh", "$"));
        assertEquals(Optional.empty(), Units.parse("$/MWh", "€"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mw", "MWx", "hours", "mins", "$/", "/h", "MW^", "MW^x", "(MW", "MW)", "kg",
        "MW^123", "$$/MWh h x", "2MW"})
    void unknownUnitsAreRejected(String text) {
        assertEquals(Optional.empty(), Units.parse(text, "$"), text);
    }

    @ParameterizedTest
    @CsvSource({"mw, MW", "kwh, kWh", "$/Mwh, $/MWh", "$/MWH, $/MWh", "mwh, MWh", "$/MWhh, $/MWh"})
    void suggestsTheIntendedSpelling(String typo, String expected) {
        assertEquals(Optional.of(expected), Units.suggest(typo, "$"));
    }

    @Test
    void noSuggestionForSomethingFarAway() {
        assertEquals(Optional.empty(), Units.suggest("furlongs/fortnight", "$"));
    }

    @Test
    void knownUnitsAllParse() {
        for (String k : Units.knownUnits()) {
            assertTrue(Units.parse(k, "$").isPresent(), k);
        }
        assertTrue(Units.knownUnits().contains("$/MW²h"));
        assertTrue(Units.knownUnits("€").contains("€/MWh"));
    }
}
