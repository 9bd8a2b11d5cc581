package agora.units;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Parses unit expressions such as {@code kW}, {@code 30 min}'s {@code min}, {@code $/MWh},
 * {@code $/MW²h} or {@code $/MW^2h}.
 *
 * <p>Grammar (whitespace between parts is ignored):
 * <pre>
 * unit     := product ('/' product)*            a/b/c means a/(b·c)
 * product  := factor (('·' | '*')? factor)*     juxtaposition multiplies: MW²h = MW² · h
 * factor   := (atom | '1' | '(' unit ')') exponent?
 * exponent := superscript digits (² ³ ⁻¹) | '^' '-'? digits | digits right after the atom (MW2)
 * </pre>
 * Atoms: {@code W kW MW GW}, {@code Wh kWh MWh GWh}, {@code h min s}, {@code %} and the
 * scenario's currency symbol ({@code $} by default, {@code €} or {@code £} when that is the
 * scenario currency). Atoms match longest first, so {@code MWh} is one atom; {@code MWh²} is
 * therefore (MWh)². Unit names are case-sensitive ({@code mW} would be a milliwatt, which Agora
 * does not know): {@link #suggest} offers the intended spelling.
 */
public final class Units {

    /** The default currency symbol. */
    public static final String DEFAULT_CURRENCY = "$";

    private static final double KILO = 1e-3;
    private static final double MEGA = 1.0;
    private static final double GIGA = 1e3;
    private static final double WATT = 1e-6;
    private static final double MINUTES_PER_HOUR = 60.0;
    private static final double SECONDS_PER_HOUR = 3600.0;
    private static final double PERCENT = 0.01;
    private static final int MAX_SUGGESTION_DISTANCE = 2;

    private record Atom(double factor, Dimension dimension) {
    }

    /** Atoms other than the currency, in the order {@link #knownUnits()} lists them. */
    private static final Map<String, Atom> ATOMS = new LinkedHashMap<>();

    static {
        ATOMS.put("W", new Atom(WATT, Dimension.POWER));
        ATOMS.put("kW", new Atom(KILO, Dimension.POWER));
        ATOMS.put("MW", new Atom(MEGA, Dimension.POWER));
        ATOMS.put("GW", new Atom(GIGA, Dimension.POWER));
        ATOMS.put("Wh", new Atom(WATT, Dimension.ENERGY));
        ATOMS.put("kWh", new Atom(KILO, Dimension.ENERGY));
        ATOMS.put("MWh", new Atom(MEGA, Dimension.ENERGY));
        ATOMS.put("GWh", new Atom(GIGA, Dimension.ENERGY));
        ATOMS.put("h", new Atom(1.0, Dimension.TIME));
        ATOMS.put("min", new Atom(1.0 / MINUTES_PER_HOUR, Dimension.TIME));
        ATOMS.put("s", new Atom(1.0 / SECONDS_PER_HOUR, Dimension.TIME));
        ATOMS.put("%", new Atom(PERCENT, Dimension.NONE));
    }

    private Units() {
    }

    /**
     * The unit written as {@code text}, or empty when it is not a unit Agora knows. The empty
     * text is the plain-number unit.
     *
     * @param currency the scenario's currency symbol, the only money atom accepted
     */
    public static Optional<Unit> parse(String text, String currency) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            return Optional.of(Unit.NONE);
        }
        return new Parser(trimmed, currencyOrDefault(currency)).parseAll()
                .map(u -> new Unit(trimmed, u.factor(), u.dimension()));
    }

    /** {@link #parse(String, String)} with the default currency {@code $}. */
    public static Optional<Unit> parse(String text) {
        return parse(text, DEFAULT_CURRENCY);
    }

    /** The units a user most often means, with {@code $} as currency, for "did you mean" hints. */
    public static List<String> knownUnits() {
        return knownUnits(DEFAULT_CURRENCY);
    }

    /** The units a user most often means, with the given currency symbol. */
    public static List<String> knownUnits(String currency) {
        String c = currencyOrDefault(currency);
        List<String> known = new ArrayList<>(ATOMS.keySet());
        known.add(c);
        known.addAll(List.of(c + "/MWh", c + "/kWh", c + "/MW²h", c + "/kW²h", c + "/h",
                "MW²", "1/h"));
        return List.copyOf(known);
    }

    /**
     * The known unit closest to a misspelt one ({@code mw} → {@code MW}, {@code $/Mwh} →
     * {@code $/MWh}), or empty when nothing is close.
     */
    public static Optional<String> suggest(String text, String currency) {
        String trimmed = text.trim();
        List<String> known = knownUnits(currency);
        for (String k : known) {
            if (k.equalsIgnoreCase(trimmed)) {
                return Optional.of(k);
            }
        }
        LevenshteinDistance distance = new LevenshteinDistance(MAX_SUGGESTION_DISTANCE);
        String lower = trimmed.toLowerCase(Locale.ROOT);
        return known.stream()
                .filter(k -> distance.apply(k.toLowerCase(Locale.ROOT), lower) >= 0)
                .min(Comparator.comparingInt(k -> distance.apply(k.toLowerCase(Locale.ROOT), lower)));
    }

    private static String currencyOrDefault(String currency) {
        return currency == null || currency.isBlank() ? DEFAULT_CURRENCY : currency.trim();
    }

    /** Recursive-descent parser over one unit text; every method returns empty on failure. */
    private static final class Parser {
        private static final String SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        private static final char SUPERSCRIPT_MINUS = '⁻';

        private final String text;
        private final String currency;
        private int pos;

        Parser(String text, String currency) {
            this.text = text;
            this.currency = currency;
        }

        Optional<Unit> parseAll() {
            Optional<Unit> unit = unit();
            skipSpaces();
            return pos == text.length() ? unit : Optional.empty();
        }

        private Optional<Unit> unit() {
            Optional<Unit> result = product();
            while (result.isPresent() && peekAfterSpaces('/')) {
                pos++;
                Optional<Unit> divisor = product();
                if (divisor.isEmpty()) {
                    return Optional.empty();
                }
                result = Optional.of(divide(result.get(), divisor.get()));
            }
            return result;
        }

        private Optional<Unit> product() {
            Optional<Unit> result = factor();
            while (result.isPresent()) {
                skipSpaces();
                if (pos < text.length() && (text.charAt(pos) == '·' || text.charAt(pos) == '*')) {
                    pos++;
                } else if (!startsFactor()) {
                    break;
                }
                Optional<Unit> next = factor();
                if (next.isEmpty()) {
                    return Optional.empty();
                }
                result = Optional.of(multiply(result.get(), next.get()));
            }
            return result;
        }

        private Optional<Unit> factor() {
            skipSpaces();
            Optional<Unit> base = base();
            if (base.isEmpty()) {
                return base;
            }
            Optional<Integer> exponent = exponent();
            if (exponent.isEmpty()) {
                return Optional.empty();
            }
            int n = exponent.get();
            Unit b = base.get();
            return Optional.of(new Unit("", Math.pow(b.factor(), n), b.dimension().pow(n)));
        }

        private Optional<Unit> base() {
            if (pos >= text.length()) {
                return Optional.empty();
            }
            char c = text.charAt(pos);
            if (c == '(') {
                pos++;
                Optional<Unit> inner = unit();
                if (inner.isEmpty() || !peekAfterSpaces(')')) {
                    return Optional.empty();
                }
                pos++;
                return inner;
            }
            if (c == '1' && !nextIsDigit(pos + 1)) {
                pos++;
                return Optional.of(Unit.NONE);
            }
            return atom();
        }

        /** The longest atom (or the currency) starting at {@code pos}. */
        private Optional<Unit> atom() {
            String best = null;
            Atom bestAtom = null;
            for (Map.Entry<String, Atom> e : ATOMS.entrySet()) {
                String name = e.getKey();
                if (text.startsWith(name, pos) && (best == null || name.length() > best.length())) {
                    best = name;
                    bestAtom = e.getValue();
                }
            }
            if (text.startsWith(currency, pos) && (best == null || currency.length() > best.length())) {
                best = currency;
                bestAtom = new Atom(1.0, Dimension.MONEY);
            }
            if (best == null || continuesWord(pos + best.length())) {
                return Optional.empty();
            }
            pos += best.length();
            return Optional.of(new Unit("", bestAtom.factor(), bestAtom.dimension()));
        }

        /**
         * True when a letter follows an atom directly: "hours" or "mins" are not h·ours or
         * min·s. Letters juxtaposed without a space, exponent or '·' form no product (MWh is
         * one atom; write MW·s or MW s).
         */
        private boolean continuesWord(int end) {
            return end < text.length() && Character.isLetter(text.charAt(end));
        }

        private boolean startsAtom() {
            for (String name : ATOMS.keySet()) {
                if (text.startsWith(name, pos)) {
                    return true;
                }
            }
            return text.startsWith(currency, pos);
        }

        private boolean startsFactor() {
            if (pos >= text.length()) {
                return false;
            }
            char c = text.charAt(pos);
            return c == '(' || startsAtom();
        }

        /** An optional exponent; 1 when there is none, empty when one is malformed. */
        private Optional<Integer> exponent() {
            if (pos >= text.length()) {
                return Optional.of(1);
            }
            char c = text.charAt(pos);
            if (c == '^') {
                pos++;
                boolean negative = pos < text.length() && text.charAt(pos) == '-';
                if (negative) {
                    pos++;
                }
                return digits().map(n -> negative ? -n : n);
            }
            if (c == SUPERSCRIPT_MINUS || SUPERSCRIPT_DIGITS.indexOf(c) >= 0) {
                return superscript();
            }
            if (Character.isDigit(c)) {
                return digits();
            }
            return Optional.of(1);
        }

        private Optional<Integer> digits() {
            int start = pos;
            while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
                pos++;
            }
            if (pos == start || pos - start > 2) {
                return Optional.empty();
            }
            return Optional.of(Integer.parseInt(text.substring(start, pos)));
        }

        private Optional<Integer> superscript() {
            boolean negative = text.charAt(pos) == SUPERSCRIPT_MINUS;
            if (negative) {
                pos++;
            }
            int value = 0;
            int count = 0;
            while (pos < text.length() && SUPERSCRIPT_DIGITS.indexOf(text.charAt(pos)) >= 0) {
                value = value * 10 + SUPERSCRIPT_DIGITS.indexOf(text.charAt(pos));
                pos++;
                count++;
            }
            if (count == 0 || count > 2) {
                return Optional.empty();
            }
            return Optional.of(negative ? -value : value);
        }

        private boolean nextIsDigit(int index) {
            return index < text.length() && Character.isDigit(text.charAt(index));
        }

        private boolean peekAfterSpaces(char expected) {
            skipSpaces();
            return pos < text.length() && text.charAt(pos) == expected;
        }

        private void skipSpaces() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private static Unit multiply(Unit a, Unit b) {
            return new Unit("", a.factor() * b.factor(), a.dimension().times(b.dimension()));
        }

        private static Unit divide(Unit a, Unit b) {
            return new Unit("", a.factor() / b.factor(), a.dimension().dividedBy(b.dimension()));
        }
    }
}
