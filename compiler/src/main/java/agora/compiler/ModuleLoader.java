package agora.compiler;

import agora.diagnostics.DiagnosticCode;
import agora.diagnostics.Diagnostics;
import agora.diagnostics.Excerpt;
import agora.diagnostics.SourceSpan;
import agora.files.TextFiles;
import agora.syntax.ScenarioFile;
import agora.syntax.ScenarioParser;
import agora.syntax.Statement;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Reads a scenario file and everything it imports, depth first, each file once. Modules come out
 * with their imports before them, so declarations keep a stable order: imported first, then the
 * importing file's own, in source order.
 */
final class ModuleLoader {
    static final String STD_PREFIX = "std.";
    private static final String STD_FOLDER = "std/";
    private static final String EXTENSION = ".agora";

    private final Diagnostics diagnostics;
    private final SourceFiles sources;
    private final List<LoadedModule> ordered = new ArrayList<>();
    private final Set<String> done = new java.util.HashSet<>();
    private final List<String> inProgress = new ArrayList<>();
    private final List<String> inProgressNames = new ArrayList<>();
    /** The files being read, the one whose imports are being loaded on top. */
    private final Deque<Reading> reading = new ArrayDeque<>();

    /** A file whose imports are being loaded, before it is added itself. */
    private record Reading(String key, String name, Path baseDir, boolean standard,
                           Optional<ScenarioFile> parsed, Iterator<Statement> statements) {
    }

    ModuleLoader(Diagnostics diagnostics, SourceFiles sources) {
        this.diagnostics = diagnostics;
        this.sources = sources;
    }

    /**
     * Every module, imports first, the main file last (as far as they could be read). Imports
     * are followed in a loop, not by recursion: a chain of thousands of files overflowed the stack.
     */
    List<LoadedModule> load(String mainName, String mainText, Path baseDir) {
        open(identity(baseDir.resolve(fileNameOf(mainName))), mainName, mainText, baseDir, false);
        while (!reading.isEmpty()) {
            Reading top = reading.peek();
            if (top.statements().hasNext()) {
                Statement s = top.statements().next();
                if (s instanceof Statement.ImportFile f) {
                    importFile(f, top.name(), top.baseDir());
                } else if (s instanceof Statement.ImportModule m) {
                    importModule(m);
                }
                continue;
            }
            reading.pop();
            top.parsed().ifPresent(p -> ordered.add(new LoadedModule(top.name(), top.baseDir(), p, top.standard())));
            inProgress.remove(inProgress.size() - 1);
            inProgressNames.remove(inProgressNames.size() - 1);
            done.add(top.key());
        }
        return ordered;
    }

    private static String fileNameOf(String name) {
        Path p = Path.of(name).getFileName();
        return p == null ? name : p.toString();
    }

    /** Parses a file and puts it on top of the files being read, its imports to follow. */
    private void open(String key, String name, String text, Path baseDir, boolean standard) {
        sources.add(name, text);
        inProgress.add(key);
        inProgressNames.add(name);
        Optional<ScenarioFile> parsed = ScenarioParser.parse(name, stripBom(text), diagnostics);
        Iterator<Statement> statements = parsed.map(p -> p.statements().iterator())
                .orElse(Collections.emptyIterator());
        reading.push(new Reading(key, name, baseDir, standard, parsed, statements));
    }

    private void importFile(Statement.ImportFile f, String importerName, Path baseDir) {
        Path file = baseDir.resolve(f.path()).normalize();
        String key = identity(file);
        if (checkCycleOrDone(key, f.span(), displayName(importerName, f.path()))) {
            return;
        }
        String text;
        try {
            text = TextFiles.read(file, TextFiles.Kind.SCENARIO);
        } catch (TextFiles.UnreadableFileException e) {
            diagnostics.error(DiagnosticCode.IMPORT_NOT_FOUND, f.span(),
                    "cannot read imported file '" + Excerpt.quote(f.path()) + "'", e.getMessage());
            return;
        }
        sources.recordRead(file, "import");
        Path parent = file.toAbsolutePath().getParent();
        open(key, displayName(importerName, f.path()), text, parent, false);
    }

    private void importModule(Statement.ImportModule m) {
        String module = m.module();
        String stdName = module.startsWith(STD_PREFIX) ? module.substring(STD_PREFIX.length()) : null;
        String resource = stdName == null ? null : STD_FOLDER + stdName + EXTENSION;
        String key = "std:" + stdName;
        if (stdName != null && checkCycleOrDone(key, m.span(), resource)) {
            return;
        }
        Optional<String> text = resource == null ? Optional.empty() : readResource(resource);
        if (text.isEmpty()) {
            List<String> known = standardModules().stream().map(n -> STD_PREFIX + n).toList();
            String hint = Optional.ofNullable(Names.hint(module, known))
                    .orElse(known.isEmpty() ? "write import \"file.agora\" for a file of your own"
                            : "standard modules: " + String.join(", ", known)
                            + "; write import \"file.agora\" for a file of your own");
            diagnostics.error(DiagnosticCode.UNKNOWN_MODULE, m.span(), "unknown module '" + module + "'", hint);
            return;
        }
        open(key, resource, text.get(), Path.of("").toAbsolutePath(), true);
    }

    /** True (after reporting a cycle when there is one) when the module needs no loading. */
    private boolean checkCycleOrDone(String key, SourceSpan at, String name) {
        int index = inProgress.indexOf(key);
        if (index >= 0) {
            List<String> cycle = new ArrayList<>(inProgressNames.subList(index, inProgressNames.size()));
            cycle.add(name);
            diagnostics.error(DiagnosticCode.IMPORT_CYCLE, at, "import cycle: " + String.join(" -> ", cycle));
            return true;
        }
        return done.contains(key);
    }

    /** The name of an imported file for messages: relative to the importer's name. */
    private static String displayName(String importerName, String written) {
        Path importer = Path.of(importerName);
        Path shown = importer.getParent() == null ? Path.of(written) : importer.resolveSibling(written);
        return shown.normalize().toString();
    }

    private static String identity(Path file) {
        return file.toAbsolutePath().normalize().toString();
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static Optional<String> readResource(String resource) {
        try (InputStream in = ModuleLoader.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty()
                    : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Names of the standard modules on the class path ({@code ieee14}, {@code peers}, ...). */
    static Set<String> standardModules() {
        Set<String> names = new TreeSet<>();
        try {
            URL url = ModuleLoader.class.getClassLoader().getResource(STD_FOLDER);
            if (url == null) {
                return names;
            }
            if (url.getProtocol().equals("jar")) {
                try (FileSystem jar = FileSystems.newFileSystem(url.toURI(), Map.of());
                     Stream<Path> files = Files.list(jar.getPath(STD_FOLDER))) {
                    files.forEach(p -> addModule(names, p));
                }
            } else {
                try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                    files.forEach(p -> addModule(names, p));
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return names; // hints only: an unlistable class path just gives a shorter hint
        }
        return names;
    }

    private static void addModule(Set<String> names, Path p) {
        String file = p.getFileName().toString();
        if (file.endsWith(EXTENSION)) {
            names.add(file.substring(0, file.length() - EXTENSION.length()));
        }
    }
}
