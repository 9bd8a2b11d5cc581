package agora.compiler;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The text of every file read during a compilation, by the name diagnostics use, so that
 * diagnostics can be rendered with their source line whatever file they point into; and every
 * file read from disk (scenario, imports, CSV profiles), so that a run can record its inputs.
 */
public final class SourceFiles {
    private final Map<String, String> texts = new LinkedHashMap<>();
    private final Map<Path, String> read = new LinkedHashMap<>();
    private final Set<String> generated = new LinkedHashSet<>();

    /**
     * Records a file the compilation read from disk: the scenario, an import, a CSV profile
     * (kind {@code scenario}, {@code import}, {@code csv}), so a run can say what its results
     * came from.
     */
    public void recordRead(Path file, String kind) {
        read.putIfAbsent(file.toAbsolutePath().normalize(), kind);
    }

    /** Every file read from disk (absolute), with its kind, in the order first read. */
    public Map<Path, String> filesRead() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(read));
    }

    /** Records that a profile was made by the generator {@code name} (solar, wind, ...). */
    public void recordGenerated(String name) {
        generated.add(name);
    }

    /** The generators profiles were made by (not read from data), in the order first used. */
    public List<String> generated() {
        return List.copyOf(generated);
    }

    public void add(String name, String text) {
        texts.put(name, text);
    }

    public String text(String name) {
        return texts.getOrDefault(name, "");
    }

    /** The lines of a file, or an empty list when it was never read. */
    public List<String> lines(String name) {
        String text = texts.get(name);
        return text == null ? List.of() : List.of(text.split("\r?\n", -1));
    }

    /** Names in the order the files were read (main file first). */
    public List<String> names() {
        return List.copyOf(texts.keySet());
    }
}
