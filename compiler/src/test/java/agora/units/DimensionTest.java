package agora.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DimensionTest {

    @Test
    void priceTimesPowerIsACostRate() {
        // $/MWh × MW = $/h
        assertEquals(Dimension.COST_RATE, Dimension.PRICE.times(Dimension.POWER));
    }

    @Test
    void quadraticCoefficientTimesPowerSquaredIsACostRate() {
        // $/MW²h × MW² = $/h
        assertEquals(Dimension.COST_RATE, Dimension.QUADRATIC_COST.times(Dimension.POWER.pow(2)));
    }

    @Test
    void energyIsPowerTimesTimeAndPriceIsMoneyPerEnergy() {
        assertEquals(Dimension.ENERGY, Dimension.POWER.times(Dimension.TIME));
        assertEquals(Dimension.PRICE, Dimension.MONEY.dividedBy(Dimension.ENERGY));
        assertEquals(Dimension.MONEY, Dimension.COST_RATE.times(Dimension.TIME));
        assertEquals(Dimension.NONE, Dimension.PRICE.dividedBy(Dimension.PRICE));
    }

    @Test
    void formatsWithTheScenarioCurrency() {
        assertEquals("$/MWh", Dimension.PRICE.format("$"));
        assertEquals("€/MW²h", Dimension.QUADRATIC_COST.format("€"));
        assertEquals("$/h", Dimension.COST_RATE.format("$"));
        assertEquals("MWh", Dimension.ENERGY.format("$"));
        assertEquals("MW", Dimension.POWER.format("$"));
        assertEquals("1/h", Dimension.TIME.inverse().format("$"));
        assertEquals("MW²", Dimension.POWER.pow(2).format("$"));
        assertEquals("$MW¹²", new Dimension(12, 0, 1).format("$"));
        assertEquals("", Dimension.NONE.format("$"));
        assertEquals("1", Dimension.NONE.toString());
        assertEquals("$/MWh", Dimension.PRICE.toString());
    }

    @Test
    void quantitiesOfDifferentDimensionsDoNotAdd() {
        Quantity price = Quantity.of(52, Units.parse("$/MWh").orElseThrow());
        Quantity power = Quantity.of(3, Units.parse("MW").orElseThrow());
        DimensionMismatchException e = assertThrows(DimensionMismatchException.class, () -> price.plus(power));
        assertEquals(Dimension.PRICE, e.left());
        assertEquals(Dimension.POWER, e.right());
        assertEquals("cannot add $/MWh and MW", e.getMessage());
        assertThrows(DimensionMismatchException.class, () -> power.minus(Quantity.number(1)));
        assertThrows(DimensionMismatchException.class, () -> power.in(Units.parse("MWh").orElseThrow()));
    }
}
