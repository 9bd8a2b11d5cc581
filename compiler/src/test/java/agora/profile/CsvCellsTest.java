package agora.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CsvCellsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "01/07/2012 00:00|2012-07-01T00:00",
        "13/07/2012 01:30|2012-07-13T01:30",
        "1/7/2012 9:05|2012-07-01T09:05",
        "30.06.2013 23:30:15|2013-06-30T23:30:15",
        "2024-02-29 12:00|2024-02-29T12:00",
        "2024-02-29T12:00:00|2024-02-29T12:00",
        "2024-03-01|2024-03-01T00:00"})
    void datesDayFirstOrYearFirst(String text, String expected) {
        assertEquals(Optional.of(LocalDateTime.parse(expected)), CsvDates.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Agent", "52.00", "31/02/2012 00:00", "2023-02-29 00:00", "12/2012",
        "01/13/2012 00:00", "2012-07-01 25:00"})
    void notDates(String text) {
        assertEquals(Optional.empty(), CsvDates.parse(text));
    }

    @ParameterizedTest
    @CsvSource({"52.00, 52", "-3, -3", ".5, 0.5", "5., 5", "+1e-3, 0.001", "4.9E+1, 49"})
    void decimals(String text, double expected) {
        assertTrue(CsvNumbers.isDecimal(text));
        assertEquals(expected, CsvNumbers.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", ".", "NaN", "Infinity", "0x1p3", "5d", "1e", "1,5", "1 000", "abc", "e5"})
    void notDecimals(String text) {
        assertFalse(CsvNumbers.isDecimal(text));
        assertTrue(Double.isNaN(CsvNumbers.parse(text)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e400", "-2E+309"})
    void decimalsBeyondTheLargestDoubleAreRefused(String text) {
        // Double.parseDouble would read them as infinity
        assertTrue(CsvNumbers.isDecimal(text));
        assertTrue(Double.isNaN(CsvNumbers.parse(text)));
    }
}
