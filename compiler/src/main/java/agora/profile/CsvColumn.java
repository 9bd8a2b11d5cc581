package agora.profile;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * The numbers of one CSV column below its header lines, as written in the file (no unit applied).
 *
 * @param values        one value per data line, in file order
 * @param timestamps    for each value, the date and time in the first column of its line, or
 *                      {@code null} where that cell is not a date (the list may hold nulls)
 * @param firstDataLine the 1-based physical line of the file where the first value stands
 */
public record CsvColumn(double[] values, List<LocalDateTime> timestamps, int firstDataLine) {

    public int size() {
        return values.length;
    }

    /** True when every line has a timestamp. */
    public boolean hasTimestamps() {
        return timestamps.stream().allMatch(t -> t != null);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CsvColumn c && Arrays.equals(values, c.values)
                && timestamps.equals(c.timestamps) && firstDataLine == c.firstDataLine;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(values) + timestamps.hashCode()) + firstDataLine;
    }

    @Override
    public String toString() {
        return "CsvColumn[" + values.length + " values from line " + firstDataLine + "]";
    }
}
