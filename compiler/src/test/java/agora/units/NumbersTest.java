package agora.units;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumbersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // whole numbers in full, also past 2^31 (once printed 2147480000)
        "2147483648|2147483648",
        "17520|17520",
        "1e10|10000000000",
        "1e12|1000000000000",
        "-3|-3",
        "0|0",
        "-0.0|0",
        // the shortest decimal that reads back: 0.1 + 0.2 is not 0.3
        "0.1|0.1",
        "0.30000000000000004|0.30000000000000004",
        "0.001|0.001",
        "0.000001|0.000001",
        "123456.789|123456.789",
        // compact scientific notation beyond 1e-6 .. 1e15
        "1e15|1e15",
        "1e300|1e300",
        "-1e300|-1e300",
        "1.7976931348623157e308|1.7976931348623157e308",
        "1.25e-7|1.25e-7",
        "4.9e-324|5e-324"})
    void shortestRoundTripPlainForEverydayMagnitudes(double value, String expected) {
        assertEquals(expected, Numbers.format(value));
        assertEquals(value == 0 ? 0 : value, Double.parseDouble(Numbers.format(value)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"18.700000000000003|15|18.7", "0.3333333333333333|6|0.333333",
        "2147483648|6|2147480000"})
    void fewerDigitsRound(double value, int digits, String expected) {
        assertEquals(expected, Numbers.format(value, digits));
    }
}
