package agora.units;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class QuantityTest {
    private static final double EPS = 1e-12;

    private static Quantity q(double value, String unit) {
        return Quantity.of(value, Units.parse(unit, "$").orElseThrow());
    }

    @Test
    void sumsConvertToCanonicalUnitsFirst() {
        // 500 kW + 1.5 MW = 0.5 MW + 1.5 MW = 2 MW
        Quantity sum = q(500, "kW").plus(q(1.5, "MW"));
        assertEquals(2.0, sum.value(), EPS);
        assertEquals(Dimension.POWER, sum.dimension());
        // 52 $/MWh - 0.002 $/kWh = 52 - 2 = 50 $/MWh
        assertEquals(50.0, q(52, "$/MWh").minus(q(0.002, "$/kWh")).value(), 1e-9);
    }

    @Test
    void costOfAQuadraticTermIsACostRate() {
        // 7.3 $/MW²h × (2 MW)² = 29.2 $/h
        Quantity cost = q(7.3, "$/MW²h").times(q(2, "MW").pow(2));
        assertEquals(29.2, cost.value(), 1e-12);
        assertEquals(Dimension.COST_RATE, cost.dimension());
        // 130 $/MWh × 2 MW = 260 $/h; over 30 min: 130 $
        Quantity linear = q(130, "$/MWh").times(q(2, "MW"));
        assertEquals(Dimension.COST_RATE, linear.dimension());
        Quantity money = linear.times(q(30, "min"));
        assertEquals(130.0, money.value(), 1e-9);
        assertEquals(Dimension.MONEY, money.dimension());
    }

    @Test
    void divisionNegationAndConversionBack() {
        // 3 MWh / 30 min = 6 MW
        Quantity power = q(3, "MWh").dividedBy(q(30, "min"));
        assertEquals(6.0, power.value(), 1e-12);
        assertEquals(Dimension.POWER, power.dimension());
        assertEquals(6000.0, power.in(Units.parse("kW").orElseThrow()), 1e-9);
        assertEquals(-6.0, power.negate().value(), EPS);
        assertEquals(1, q(1, "GW").compareTo(q(999, "MW")));
    }

    @Test
    void formatsInAReadableUnit() {
        assertEquals("500 kW", q(0.5, "MW").format("$"));
        assertEquals("12.5 MW", q(12.5, "MW").format("$"));
        assertEquals("1.2 GWh", q(1200, "MWh").format("$"));
        assertEquals("30 min", q(0.5, "h").format("$"));
        assertEquals("45 s", q(45, "s").format("$"));
        assertEquals("2 h", q(120, "min").format("$"));
        assertEquals("52 $/MWh", q(52, "$/MWh").format("$"));
        assertEquals("7.3 €/MW²h", Quantity.of(7.3, Units.parse("€/MW²h", "€").orElseThrow()).format("€"));
        assertEquals("0.333333333333333", Quantity.number(1.0 / 3).format("$")); // 15 digits: no scaling noise
        assertEquals("0 MW", q(0, "MW").format("$"));
        assertEquals("1e15 $", q(1e15, "$").format("$"));
        // 0.0187 MW is 18.700000000000003 kW in doubles: the noise beyond 15 digits does not show
        assertEquals("18.7 kW", q(0.0187, "MW").format("$"));
    }
}
