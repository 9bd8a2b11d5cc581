package agora.profile;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * Dates in the first column of data files: day first {@code dd/MM/yyyy HH:mm} (as in the
 * Australian data the paper uses; also with '.' or '-' between the parts), or year first
 * {@code yyyy-MM-dd HH:mm} and ISO {@code yyyy-MM-ddTHH:mm}, each with optional seconds (and
 * fractions of them, ignored). A date without a time means midnight. Month-first US dates are not
 * guessed: 01/07/2012 is 1 July 2012.
 *
 * <p>A small scanner rather than {@link java.time.format.DateTimeFormatter}s or regular
 * expressions: it runs once per data line, and a year of half-hours has 17520 of them.
 */
final class CsvDates {
    private static final int MAX_SECONDS_DIGITS = 9;

    private CsvDates() {
    }

    /** The date and time {@code text} holds, or empty when it is not one of the forms above. */
    static Optional<LocalDateTime> parse(String text) {
        Scanner s = new Scanner(text);
        int first = s.number(1, 4);
        int firstDigits = s.lastDigits;
        char separator = s.separator("/.-");
        int second = s.number(1, 2);
        if (first < 0 || second < 0 || !s.accept(separator)) {
            return Optional.empty();
        }
        int third = s.number(1, 4);
        boolean yearFirst = firstDigits == 4 && s.lastDigits <= 2 && separator != '.';
        boolean dayFirst = firstDigits <= 2 && s.lastDigits == 4;
        if (third < 0 || !(yearFirst || dayFirst)) {
            return Optional.empty();
        }
        int hour = 0;
        int minute = 0;
        int secondOfMinute = 0;
        if (!s.atEnd()) {
            if (!s.accept(' ') && !s.accept('T')) {
                return Optional.empty();
            }
            hour = s.number(1, 2);
            boolean colon = s.accept(':');
            minute = s.number(2, 2);
            if (hour < 0 || !colon || minute < 0) {
                return Optional.empty();
            }
            if (s.accept(':')) {
                secondOfMinute = s.number(2, 2);
                if (secondOfMinute < 0 || (s.accept('.') && s.number(1, MAX_SECONDS_DIGITS) < 0)) {
                    return Optional.empty();
                }
            }
            if (!s.atEnd()) {
                return Optional.empty();
            }
        }
        int year = yearFirst ? first : third;
        int day = yearFirst ? third : first;
        try {
            return Optional.of(LocalDateTime.of(year, second, day, hour, minute, secondOfMinute));
        } catch (DateTimeException e) {
            return Optional.empty(); // 31/02/2012 and the like: not a date
        }
    }

    /**
     * The time-zone offset a date and time ends with ({@code +02:00}, {@code -0500}, {@code Z}),
     * when {@code text} is one of the forms above followed by one; else empty. Such dates are
     * refused rather than read without their offset: the horizon has no time zone.
     */
    static Optional<String> zoneOffset(String text) {
        java.util.regex.Matcher m = ZONE_OFFSET.matcher(text);
        if (!m.find() || m.start() == 0) {
            return Optional.empty();
        }
        return parse(text.substring(0, m.start()).trim()).isPresent()
                ? Optional.of(m.group()) : Optional.empty();
    }

    private static final java.util.regex.Pattern ZONE_OFFSET =
            java.util.regex.Pattern.compile("(Z|[+-]\\d{2}(:?\\d{2})?)$");

    /** Reads digits and single characters left to right. */
    private static final class Scanner {
        private final String text;
        private int pos;
        private int lastDigits;

        Scanner(String text) {
            this.text = text;
        }

        /** An unsigned number of {@code min} to {@code max} digits, or -1. */
        int number(int min, int max) {
            int start = pos;
            int value = 0;
            while (pos < text.length() && pos - start < max && Character.isDigit(text.charAt(pos))) {
                value = value * 10 + (text.charAt(pos) - '0');
                pos++;
            }
            lastDigits = pos - start;
            boolean tooLong = pos < text.length() && Character.isDigit(text.charAt(pos));
            return lastDigits >= min && !tooLong ? value : -1;
        }

        /** The next character if it is one of {@code allowed} (consumed), else 0. */
        char separator(String allowed) {
            if (pos < text.length() && allowed.indexOf(text.charAt(pos)) >= 0) {
                return text.charAt(pos++);
            }
            return 0;
        }

        boolean accept(char c) {
            if (c != 0 && pos < text.length() && text.charAt(pos) == c) {
                pos++;
                return true;
            }
            return false;
        }

        boolean atEnd() {
            return pos == text.length();
        }
    }
}
