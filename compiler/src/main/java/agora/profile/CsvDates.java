package agora.profile;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates in the first column of data files: day first {@code dd/MM/yyyy HH:mm} (as in the
 * Australian data the paper uses; also with '.' or '-' between the parts and optional seconds),
 * or year first {@code yyyy-MM-dd HH:mm} and ISO {@code yyyy-MM-ddTHH:mm[:ss]}. A date without a
 * time means midnight. Month-first US dates are not guessed: 01/07/2012 is 1 July 2012.
 */
final class CsvDates {
    private static final String TIME = "(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?)?";
    private static final Pattern DAY_FIRST =
            Pattern.compile("(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})" + TIME);
    private static final Pattern YEAR_FIRST =
            Pattern.compile("(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})" + TIME);

    private CsvDates() {
    }

    /** The date and time {@code text} holds, or empty when it is not one of the forms above. */
    static Optional<LocalDateTime> parse(String text) {
        if (text.isEmpty() || !Character.isDigit(text.charAt(0))) {
            return Optional.empty(); // fast path for header cells and numbers' signs
        }
        Matcher m = DAY_FIRST.matcher(text);
        if (m.matches()) {
            return of(m.group(3), m.group(2), m.group(1), m);
        }
        m = YEAR_FIRST.matcher(text);
        if (m.matches()) {
            return of(m.group(1), m.group(2), m.group(3), m);
        }
        return Optional.empty();
    }

    private static Optional<LocalDateTime> of(String year, String month, String day, Matcher m) {
        try {
            return Optional.of(LocalDateTime.of(Integer.parseInt(year), Integer.parseInt(month),
                    Integer.parseInt(day), number(m.group(4)), number(m.group(5)),
                    number(m.group(6))));
        } catch (DateTimeException e) {
            return Optional.empty(); // 31/02/2012 and the like: not a date
        }
    }

    private static int number(String group) {
        return group == null ? 0 : Integer.parseInt(group);
    }
}
