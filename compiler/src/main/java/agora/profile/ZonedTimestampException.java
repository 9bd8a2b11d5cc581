package agora.profile;

/**
 * A data line dated with a time-zone offset ({@code 2024-06-03 00:00:00+02:00}): the horizon is in
 * local time without a zone, so such a file is refused rather than read without its offset.
 */
public final class ZonedTimestampException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String cell;
    private final String offset;

    ZonedTimestampException(String cell, String offset) {
        super("a date with the time-zone offset " + offset + ": " + cell);
        this.cell = cell;
        this.offset = offset;
    }

    /** The first cell of the line, as written. */
    public String cell() {
        return cell;
    }

    /** The offset it ends with. */
    public String offset() {
        return offset;
    }
}
