package agora.market.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PlainDecimalTest {
    private final PlainDecimal seven = PlainDecimal.forTolerance(1e-7);

    @Test
    void writesWhatTheSolveSupportsPlainly() {
        assertEquals(7, seven.digits());
        assertEquals("21.25", seven.format(21.25000000004156));
        assertEquals("-0.000570706", seven.format(-5.707059957262722E-4));
        assertEquals("0", seven.format(1e-14));
        assertEquals("0", seven.format(-1e-14)); // never -0
        assertEquals("0", seven.format(-0.0));
        assertEquals("-3", seven.format(-3.0));
        assertEquals("45210000", seven.format(45_210_000.4));
        assertEquals("45210000.4", new PlainDecimal(9).format(45_210_000.4));
        assertEquals("1234567890123", seven.format(1234567890123.4));
        assertEquals("0.1", seven.format(0.1));
        assertEquals("61", seven.format(60.99999999));
        assertEquals("0.000000015", seven.format(1.5e-8));
        assertEquals("100000000000000000000", seven.format(1e20));
        assertEquals("NaN", seven.format(Double.NaN));
    }

    @Test
    void theDigitsFollowTheTolerance() {
        assertEquals(6, PlainDecimal.forTolerance(1e-6).digits());
        assertEquals(3, PlainDecimal.forTolerance(0.5).digits());
        assertEquals(15, PlainDecimal.forTolerance(1e-30).digits());
        assertEquals(9, PlainDecimal.forTolerance(0).digits());
    }
}
