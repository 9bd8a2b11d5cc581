package agora.cli;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code --vary NAME=...} of {@code agora sweep}: a scenario parameter and the values it takes,
 * each passed to the compiler as {@code --set NAME=value} would be (so it is unit-checked there).
 *
 * <p>Values are a comma-separated list ({@code fee_scale=0,0.5,1,2}) or a range
 * ({@code fee=0..4 step 0.5 $/MWh}: both ends included, the unit written once at the end).
 *
 * @param values the values in the order given, as the compiler reads them
 */
record Vary(String name, List<String> values) implements Serializable {
    /** More values than this for one parameter is surely a mistake in a range. */
    static final int MAX_VALUES = 100_000;
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final String NUMBER = "([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)";
    private static final Pattern RANGE = Pattern.compile("\\s*" + NUMBER + "\\s*\\.\\.\\s*" + NUMBER
            + "\\s+step\\s+" + NUMBER + "\\s*(.*?)\\s*");

    Vary {
        values = List.copyOf(values);
    }

    /**
     * Reads {@code NAME=V1,V2,...} or {@code NAME=FROM..TO step STEP [UNIT]}.
     *
     * @throws UsageError saying what is wrong, with the text given
     */
    static Vary parse(String text) {
        int eq = text.indexOf('=');
        if (eq < 0) {
            throw new UsageError("--vary '" + text + "' needs NAME=VALUES, for example "
                    + "fee_scale=0,0.5,1 or fee=0..4 step 0.5 $/MWh");
        }
        String name = text.substring(0, eq).strip();
        if (!NAME.matcher(name).matches()) {
            throw new UsageError("--vary '" + text + "': '" + name + "' is not a parameter name");
        }
        String spec = text.substring(eq + 1);
        Matcher range = RANGE.matcher(spec);
        List<String> values = range.matches() ? range(text, range) : list(text, spec);
        return new Vary(name, values);
    }

    private static List<String> list(String text, String spec) {
        List<String> out = new ArrayList<>();
        for (String part : spec.split(",", -1)) {
            String value = part.strip();
            if (value.isEmpty()) {
                throw new UsageError("--vary '" + text + "' has an empty value; separate values "
                        + "with single commas, for example fee_scale=0,0.5,1");
            }
            out.add(value);
        }
        if (new LinkedHashSet<>(out).size() != out.size()) {
            throw new UsageError("--vary '" + text + "' gives a value twice");
        }
        return out;
    }

    /** The values of a range, computed in decimal so that 0..1 step 0.1 ends at exactly 1. */
    private static List<String> range(String text, Matcher m) {
        BigDecimal from = new BigDecimal(m.group(1));
        BigDecimal to = new BigDecimal(m.group(2));
        BigDecimal step = new BigDecimal(m.group(3));
        String unit = m.group(4).isEmpty() ? "" : " " + m.group(4);
        if (step.signum() <= 0) {
            throw new UsageError("--vary '" + text + "': the step must be positive");
        }
        if (to.compareTo(from) < 0) {
            throw new UsageError("--vary '" + text + "': the range ends before it starts");
        }
        BigDecimal count = to.subtract(from).divide(step, 0, RoundingMode.FLOOR).add(BigDecimal.ONE);
        if (count.compareTo(BigDecimal.valueOf(MAX_VALUES)) > 0) {
            throw new UsageError("--vary '" + text + "' gives " + count + " values, more than "
                    + MAX_VALUES);
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count.intValue(); i++) {
            BigDecimal v = from.add(step.multiply(BigDecimal.valueOf(i)));
            out.add((v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString()) + unit);
        }
        return out;
    }
}
