package agora.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agora.diagnostics.DiagnosticCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The invalid examples: every {@code examples/invalid/NAME.agora} is a small broken scenario, and
 * {@code NAME.err} holds exactly what {@code agora check examples/invalid/NAME.agora} prints on
 * stderr when run from the repository root (exit status 1, nothing on stdout). Extra command-line
 * arguments, one per line, come from {@code NAME.args} when it exists (e.g. {@code --set} and
 * {@code x=1} on two lines). Files in {@code examples/invalid/support/} and
 * {@code examples/invalid/data/} are imported or read by the cases and are not cases themselves.
 *
 * <p>The absolute path of the repository root is written {@code <repo>} in {@code .err} files
 * (some hints say where a file was looked for), so the files do not depend on the checkout.
 *
 * <p>After a deliberate change of messages, rewrite the {@code .err} files with
 * <pre>
 * mvn -Dagora.target=target-x -pl examples -am test -Dagora.updateGolden=true \
 *     -Dtest=InvalidExamplesGoldenTest -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * and read every changed file ({@code git diff examples/invalid}) before committing it: a golden
 * file states what users see, and a wrong message must not be enshrined.
 */
class InvalidExamplesGoldenTest {
    static final String FOLDER = "examples/invalid";

    /**
     * Codes no scenario file may produce: {@code E0901} is an internal error, a bug in Agora by
     * definition (MutationPropertyTest checks that broken files never produce it).
     */
    private static final Set<DiagnosticCode> NOT_FROM_A_FILE = EnumSet.of(DiagnosticCode.INTERNAL_ERROR);

    private static final Pattern CODE = Pattern.compile("error\\[(E\\d{4})]");

    @TestFactory
    Stream<DynamicTest> everyInvalidExampleFailsWithItsGoldenDiagnostics() {
        List<Path> cases = Repo.agoraFiles(FOLDER);
        assertFalse(cases.isEmpty(), "no cases in " + FOLDER);
        return cases.stream().map(scenario -> DynamicTest.dynamicTest(Repo.baseName(scenario),
                scenario.toUri(), () -> checkFailsAsGolden(scenario)));
    }

    private static void checkFailsAsGolden(Path scenario) {
        List<String> args = new ArrayList<>(List.of("check", Repo.relative(scenario)));
        args.addAll(extraArgs(scenario));
        AgoraCli.Outcome outcome = AgoraCli.run(args);
        assertEquals(1, outcome.exitCode(), () -> "agora " + String.join(" ", args) + "\n" + outcome.describe());
        assertEquals("", outcome.out(), "nothing on stdout when the check fails");
        Golden.assertMatches(sibling(scenario, ".err"), Repo.portable(outcome.err()));
    }

    /** The lines of NAME.args: one command-line argument per non-blank line. */
    private static List<String> extraArgs(Path scenario) {
        Path argsFile = sibling(scenario, ".args");
        if (!Files.isRegularFile(argsFile)) {
            return List.of();
        }
        return Repo.read(argsFile).lines().filter(line -> !line.isBlank()).toList();
    }

    private static Path sibling(Path scenario, String extension) {
        return scenario.resolveSibling(Repo.baseName(scenario) + extension);
    }

    @Test
    void everyDiagnosticCodeAppearsInSomeGoldenFile() {
        Map<String, List<String>> filesByCode = new TreeMap<>();
        for (Path err : Repo.filesEndingWith(FOLDER, ".err")) {
            Matcher m = CODE.matcher(Repo.read(err));
            while (m.find()) {
                filesByCode.computeIfAbsent(m.group(1), c -> new ArrayList<>()).add(Repo.baseName(err));
            }
        }
        List<String> missing = new ArrayList<>();
        for (DiagnosticCode code : DiagnosticCode.values()) {
            if (!NOT_FROM_A_FILE.contains(code) && !filesByCode.containsKey(code.code())) {
                missing.add(code.code() + " " + code.name());
            }
        }
        assertEquals(List.of(), missing, "codes without an invalid example; covered: " + filesByCode.keySet());
    }

    @Test
    void noGoldenFileShowsAnInternalError() {
        for (Path err : Repo.filesEndingWith(FOLDER, ".err")) {
            String text = Repo.read(err);
            for (DiagnosticCode code : NOT_FROM_A_FILE) {
                assertFalse(text.contains(code.code()), Repo.relative(err) + " enshrines " + code);
            }
            assertFalse(text.contains("internal error"), Repo.relative(err) + " enshrines an internal error");
        }
    }

    @Test
    void everyGoldenAndArgumentsFileBelongsToAScenario() {
        Stream.concat(Repo.filesEndingWith(FOLDER, ".err").stream(),
                        Repo.filesEndingWith(FOLDER, ".args").stream())
                .forEach(file -> assertTrue(Files.isRegularFile(sibling(file, ".agora")),
                        Repo.relative(file) + " has no " + Repo.baseName(file) + ".agora next to it"));
    }

    @Test
    void everyScenarioHasAGoldenFile() {
        if (Golden.updating()) {
            return; // the factory is writing them
        }
        for (Path scenario : Repo.agoraFiles(FOLDER)) {
            assertTrue(Files.isRegularFile(sibling(scenario, ".err")),
                    Repo.relative(scenario) + " has no .err file");
        }
    }
}
