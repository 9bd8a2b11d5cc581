package agora.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Dates with a time-zone offset are recognised as such (and refused by the reader), never dropped. */
class CsvDatesZoneTest {

    @Test
    void offsetsAfterADateAndTimeAreFound() {
        assertEquals(Optional.of("+02:00"), CsvDates.zoneOffset("2024-06-03 00:00:00+02:00"));
        assertEquals(Optional.of("-0500"), CsvDates.zoneOffset("03/06/2024 10:00-0500"));
        assertEquals(Optional.of("Z"), CsvDates.zoneOffset("2024-06-03T00:00Z"));
    }

    @Test
    void plainDatesAndNumbersHaveNone() {
        assertEquals(Optional.empty(), CsvDates.zoneOffset("2024-06-03"));
        assertEquals(Optional.empty(), CsvDates.zoneOffset("2024-06-03 00:00"));
        assertEquals(Optional.empty(), CsvDates.zoneOffset("-12"));
        assertEquals(Optional.empty(), CsvDates.zoneOffset("price+02"));
        assertEquals(Optional.empty(), CsvDates.parse("2024-06-03 00:00:00+02:00"));
    }
}
