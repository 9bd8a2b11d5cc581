package agora.compiler;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** "Did you mean" hints: the closest known name to a misspelt one. */
final class Names {
    private static final int MAX_DISTANCE = 3;
    /** Names a chain shows in full; a longer one shows its ends ({@link #path}). */
    private static final int MAX_PATH_NAMES = 10;

    private Names() {
    }

    /** The candidate closest to {@code wrong}, if one is close enough to be a likely typo. */
    static Optional<String> closest(String wrong, Collection<String> candidates) {
        int limit = Math.min(MAX_DISTANCE, Math.max(1, wrong.length() / 2));
        LevenshteinDistance distance = new LevenshteinDistance(limit);
        return candidates.stream()
                .filter(c -> !c.equals(wrong))
                .filter(c -> distance.apply(c, wrong) >= 0)
                .min(Comparator.comparingInt((String c) -> distance.apply(c, wrong))
                        .thenComparing(Comparator.naturalOrder()));
    }

    /** {@code did you mean 'x'?}, or null when nothing is close. */
    static String hint(String wrong, Collection<String> candidates) {
        return closest(wrong, candidates).map(c -> "did you mean '" + c + "'?").orElse(null);
    }

    /**
     * A chain of names, {@code a -> b -> a}; one of more than {@value #MAX_PATH_NAMES} names shows
     * its first and last five around the number left out, so a cycle of 5,000 stays one line.
     */
    static String path(List<String> names) {
        return path(names, " -> ");
    }

    /** {@link #path(List)} with another word between the names ({@code " contains "}). */
    static String path(List<String> names, String between) {
        if (names.size() <= MAX_PATH_NAMES) {
            return String.join(between, names);
        }
        int shown = MAX_PATH_NAMES / 2;
        return String.join(between, names.subList(0, shown)) + between + "... (" + (names.size() - 2 * shown)
                + " more)" + between + String.join(between, names.subList(names.size() - shown, names.size()));
    }
}
