package agora.cli;

import java.time.Duration;

/** Small wording helpers for terminal output. */
final class Describe {
    private Describe() {
    }

    /** {@code 1 consumer}, {@code 11 consumers}; {@code plural} for irregular words. */
    static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    static String count(long n, String singular) {
        return count(n, singular, singular + "s");
    }

    /** {@code 30 min}, {@code 1 h}, {@code 90 s}. */
    static String duration(Duration d) {
        long s = d.toSeconds();
        if (s % 3600 == 0) {
            return s / 3600 + " h";
        }
        return s % 60 == 0 ? s / 60 + " min" : s + " s";
    }

    /** {@code 850 B}, {@code 12.3 kB}, {@code 1.3 MB} (powers of 1000). */
    static String bytes(long n) {
        if (n < 1000) {
            return n + " B";
        }
        if (n < 1_000_000) {
            return String.format(java.util.Locale.ROOT, "%.1f kB", n / 1e3);
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", n / 1e6);
    }
}
