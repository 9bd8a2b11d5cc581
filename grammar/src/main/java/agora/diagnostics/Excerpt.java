package agora.diagnostics;

/**
 * How much of what a scenario or its files hold a diagnostic may show, and how. A diagnostic
 * quotes values (a CSV cell, a column name, a token) and shows a source line; none of it may
 * flood the terminal (a 10 MB CSV cell was quoted in full) or drive it: control characters
 * (escape sequences, carriage returns, bidirectional overrides) are shown as visible symbols,
 * one character for one, so carets stay aligned.
 */
public final class Excerpt {
    /** The most characters of a quoted value: a cell, a header, a token, a name. */
    public static final int MAX_QUOTED_CHARS = 120;
    /** The most characters of a source line shown above a caret. */
    public static final int MAX_LINE_CHARS = 120;
    /** The most characters of a message or a hint, whatever it quotes: a backstop. */
    public static final int MAX_MESSAGE_CHARS = 1000;
    /** Marks where text was cut. */
    public static final String ELLIPSIS = "…";

    private static final char CONTROL_PICTURES = '\u2400';
    private static final char DELETE_PICTURE = '\u2421';
    private static final char REPLACEMENT = '\uFFFD';

    private Excerpt() {
    }

    /** A value as a diagnostic quotes it: visible, and cut after {@value #MAX_QUOTED_CHARS} characters. */
    public static String quote(String value) {
        return capped(visible(value), MAX_QUOTED_CHARS);
    }

    /** At most {@code max} characters of the text, the last of them an ellipsis when it was cut. */
    public static String capped(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - ELLIPSIS.length();
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // never split a character outside the Basic Multilingual Plane
        }
        return text.substring(0, end) + ELLIPSIS;
    }

    /**
     * The text with every control character replaced by a visible one: C0 controls by their
     * Unicode control pictures (ESC as ␛, a carriage return as ␍), DEL by ␡, C1 controls and
     * bidirectional overrides and isolates by the replacement character.
     */
    public static String visible(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char shown = shown(c);
            if (shown != c && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(shown);
            }
        }
        return out == null ? text : out.toString();
    }

    private static char shown(char c) {
        if (c < 0x20) {
            return (char) (CONTROL_PICTURES + c);
        }
        if (c == 0x7F) {
            return DELETE_PICTURE;
        }
        boolean c1 = c >= 0x80 && c <= 0x9F;
        boolean bidi = c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069';
        return c1 || bidi ? REPLACEMENT : c;
    }
}
