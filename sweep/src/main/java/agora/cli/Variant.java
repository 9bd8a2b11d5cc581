package agora.cli;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One scenario of a sweep: a value for each varied parameter and, with {@code --seeds}, a run of
 * the random numbers (0 without).
 *
 * @param index   1-based, in the order of the Cartesian product (the first {@code --vary} slowest,
 *                the seed fastest)
 * @param values  the varied parameters' values as given, in the order of the {@code --vary} options
 * @param seedRun the seed run, or 0 when the sweep has no {@code --seeds}
 */
record Variant(int index, Map<String, String> values, int seedRun) implements Serializable {

    Variant {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Every combination of the values, and of the seed runs when there are any. */
    static List<Variant> product(List<Vary> varies, SeedRange seeds) {
        List<Map<String, String>> combinations = new ArrayList<>(List.of(new LinkedHashMap<>()));
        for (Vary vary : varies) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> c : combinations) {
                for (String value : vary.values()) {
                    Map<String, String> m = new LinkedHashMap<>(c);
                    m.put(vary.name(), value);
                    next.add(m);
                }
            }
            combinations = next;
        }
        List<Variant> out = new ArrayList<>();
        for (Map<String, String> c : combinations) {
            if (seeds == null) {
                out.add(new Variant(out.size() + 1, c, 0));
            } else {
                seeds.runs().forEach(run -> out.add(new Variant(out.size() + 1, c, run)));
            }
        }
        return out;
    }

    /** {@code fee_scale=0.5, seed=3}. */
    String label() {
        List<String> parts = new ArrayList<>();
        values.forEach((name, value) -> parts.add(name + "=" + value));
        if (seedRun > 0) {
            parts.add("seed=" + seedRun);
        }
        return parts.isEmpty() ? "the scenario as given" : String.join(", ", parts);
    }
}
