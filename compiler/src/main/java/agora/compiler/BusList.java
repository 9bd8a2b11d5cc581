package agora.compiler;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Writes a set of bus numbers compactly: {@code 1..14, 20}. */
final class BusList {
    private BusList() {
    }

    static String describe(Set<Integer> buses) {
        List<String> parts = new ArrayList<>();
        Integer start = null;
        Integer previous = null;
        for (int bus : new TreeSet<>(buses)) {
            if (previous != null && bus == previous + 1) {
                previous = bus;
                continue;
            }
            if (start != null) {
                parts.add(range(start, previous));
            }
            start = bus;
            previous = bus;
        }
        if (start != null) {
            parts.add(range(start, previous));
        }
        return String.join(", ", parts);
    }

    private static String range(int first, int last) {
        return first == last ? Integer.toString(first) : first + ".." + last;
    }
}
