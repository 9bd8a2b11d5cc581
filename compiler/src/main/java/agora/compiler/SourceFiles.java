package agora.compiler;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The text of every file read during a compilation, by the name diagnostics use, so that
 * diagnostics can be rendered with their source line whatever file they point into.
 */
public final class SourceFiles {
    private final Map<String, String> texts = new LinkedHashMap<>();

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
