package agora.diagnostics;

/**
 * Stable diagnostic codes. A code, once published, keeps its meaning: tests and users' scripts
 * match on it. Add new codes at the end of their group.
 *
 * <p>Groups: E01xx syntax, E02xx names and imports, E03xx units and values, E04xx profiles and
 * data files, E05xx peers, E06xx collectives and topology, E07xx tariffs and preferences,
 * E08xx market settings, E09xx internal errors.
 */
public enum DiagnosticCode {
    // E01xx syntax
    SYNTAX_ERROR("E0101"),
    // E02xx names and imports
    UNDEFINED_NAME("E0201"),
    DUPLICATE_NAME("E0202"),
    UNKNOWN_MODULE("E0203"),
    IMPORT_CYCLE("E0204"),
    IMPORT_NOT_FOUND("E0205"),
    UNKNOWN_PARAMETER("E0206"),
    /** A parameter, profile, property or kind defined in terms of itself. */
    CYCLIC_DEFINITION("E0207"),
    /** A declaration every scenario needs ({@code scenario}, {@code time}) is missing. */
    MISSING_DECLARATION("E0208"),
    // E03xx units and values
    UNKNOWN_UNIT("E0301"),
    DIMENSION_MISMATCH("E0302"),
    INVALID_VALUE("E0303"),
    /** A string where a number belongs, a comparison where a quantity belongs, ... */
    TYPE_MISMATCH("E0304"),
    /**
     * A number beyond the magnitudes Agora takes (1e15 in canonical units: MW, MWh, hours,
     * currency per MWh, per MW²h): a typo or a unit slip whose products would overflow.
     */
    MAGNITUDE_OUT_OF_RANGE("E0305"),
    // E04xx profiles and data files
    PROFILE_TOO_SHORT("E0401"),
    CSV_FILE_MISSING("E0402"),
    CSV_COLUMN_MISSING("E0403"),
    CSV_BAD_NUMBER("E0404"),
    UNKNOWN_GENERATOR("E0405"),
    BAD_ARGUMENT("E0406"),
    /** A CSV file's dates do not give a row for every step of the horizon. */
    CSV_TIMES_MISMATCH("E0407"),
    // E05xx peers
    UNKNOWN_BUS("E0501"),
    BOUNDS_CROSSED("E0502"),
    NON_CONVEX_COST("E0503"),
    PRODUCER_CONSUMES("E0504"),
    CONSUMER_PRODUCES("E0505"),
    GRID_PRICE_MISSING("E0506"),
    GRID_PRICES_CROSSED("E0507"),
    MISSING_PROPERTY("E0508"),
    UNKNOWN_PROPERTY("E0509"),
    /** A storage efficiency outside (0, 1]. */
    STORAGE_EFFICIENCY("E0510"),
    /** A storage state of charge (initial, final) outside 0 .. capacity. */
    STORAGE_STATE("E0511"),
    /** A storage quantity of impossible sign or size: capacity not positive, negative power, ... */
    STORAGE_VALUE("E0512"),
    // E06xx collectives and topology
    NESTING_CYCLE("E0601"),
    EMPTY_COLLECTIVE("E0602"),
    GRID_COUNT("E0603"),
    LINE_UNKNOWN_BUS("E0604"),
    MEMBER_TWICE("E0605"),
    /** A line whose two ends are the same bus. */
    LINE_TO_ITSELF("E0606"),
    /** Collectives listed as members of each other deeper than collectives may be written. */
    NESTING_TOO_DEEP("E0607"),
    /** Line limits need a connected network: every bus reaches the slack bus through lines. */
    NETWORK_NOT_CONNECTED("E0608"),
    // E07xx tariffs and preferences
    NEGATIVE_PREFERENCE("E0701"),
    NEGATIVE_FEE("E0702"),
    /** A peer that prefers itself as a trading partner. */
    SELF_PREFERENCE("E0703"),
    // E08xx market settings
    UNKNOWN_DESIGN("E0801"),
    UNKNOWN_BACKEND("E0802"),
    BAD_OPTION("E0803"),
    // E09xx internal
    /** A bug in Agora: an unexpected failure wrapped so that no stack trace reaches the user. */
    INTERNAL_ERROR("E0901");

    private final String code;

    DiagnosticCode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
