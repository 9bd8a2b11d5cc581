package agora.profile;

/**
 * How a CSV file writes its cells: the character between columns and the decimal mark of its
 * numbers ({@code csv(..., separator: ";", decimal: ",")}).
 *
 * @param separator between the cells of a line
 * @param decimal   the decimal mark of numbers: '.' or ','
 */
public record CsvFormat(char separator, char decimal) {
    /** Comma-separated, '.' as the decimal point. */
    public static final CsvFormat DEFAULT = new CsvFormat(',', '.');

    public CsvFormat {
        if (decimal != '.' && decimal != ',') {
            throw new IllegalArgumentException("a decimal mark is '.' or ','");
        }
        if (separator == decimal || separator == '"' || separator == '\n' || separator == '\r') {
            throw new IllegalArgumentException("cannot separate cells with '" + separator + "'");
        }
    }

    /** The text of a number cell in Agora's own notation ('.' as the decimal point). */
    String plain(String cell) {
        if (decimal == '.') {
            return cell;
        }
        // a '.' in a file of decimal commas would be a thousands mark: left in, it fails to parse
        return cell.indexOf('.') >= 0 ? cell + "?" : cell.replace(',', '.');
    }
}
