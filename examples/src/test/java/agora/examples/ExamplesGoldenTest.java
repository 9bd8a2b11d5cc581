package agora.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import agora.diagnostics.Diagnostics;
import agora.syntax.ScenarioParser;
import agora.syntax.Statement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The valid examples ({@code examples/*.agora}, {@code examples/ieee14/*.agora}): each checks with
 * exit status 0, nothing on stderr, and the summary {@code agora check} prints equals
 * {@code examples/expected/<same path>.check.txt}. Files without a {@code scenario} statement are
 * modules imported by the others (ieee14-case.agora); they are checked through their importers.
 *
 * <p>Rewrite the summaries after a deliberate change with {@code -Dagora.updateGolden=true} (see
 * {@link InvalidExamplesGoldenTest}) and read the diff before committing.
 */
class ExamplesGoldenTest {
    private static final List<String> FOLDERS = List.of("examples", "examples/ieee14");
    private static final String EXPECTED = "examples/expected";
    private static final String IEEE14 = "examples/ieee14/ieee14.agora";
    /** The measured data of the IEEE 14-bus case, next to the repository; absent on most machines. */
    private static final String MEASURED_DATA = "../shared/data/ieee14-p2p";

    static List<Path> exampleFiles() {
        List<Path> files = new ArrayList<>();
        FOLDERS.forEach(folder -> files.addAll(Repo.agoraFiles(folder)));
        return files;
    }

    /** A module declares no scenario: it is imported, not checked on its own. */
    static boolean isModule(Path file) {
        return ScenarioParser.parse(Repo.relative(file), Repo.read(file), new Diagnostics())
                .map(parsed -> parsed.statements().stream().noneMatch(Statement.ScenarioName.class::isInstance))
                .orElse(false);
    }

    @TestFactory
    Stream<DynamicTest> everyExampleChecksToItsGoldenSummary() {
        List<Path> files = exampleFiles();
        assertFalse(files.isEmpty());
        return files.stream().map(file -> DynamicTest.dynamicTest(Repo.relative(file), file.toUri(),
                () -> {
                    if (isModule(file)) {
                        assertImported(file);
                    } else {
                        Golden.assertMatches(goldenOf(file), checkSucceeds(Repo.relative(file)));
                    }
                }));
    }

    private static void assertImported(Path module) {
        String importLine = "import \"" + module.getFileName() + "\"";
        boolean imported = Repo.agoraFiles(Repo.relative(module.getParent())).stream()
                .anyMatch(other -> !other.equals(module) && Repo.read(other).contains(importLine));
        assertTrue(imported, Repo.relative(module) + " declares no scenario and no example imports it");
    }

    private static Path goldenOf(Path example) {
        String relative = Repo.relative(example).substring("examples/".length());
        return Repo.root().resolve(EXPECTED).resolve(relative.replaceFirst("\\.agora$", ".check.txt"));
    }

    /** Runs {@code agora check} and returns its summary, asserting it succeeded quietly. */
    private static String checkSucceeds(String... args) {
        List<String> command = new ArrayList<>(List.of("check"));
        command.addAll(List.of(args));
        AgoraCli.Outcome outcome = AgoraCli.run(command);
        assertEquals(0, outcome.exitCode(), () -> "agora " + String.join(" ", command) + "\n" + outcome.describe());
        assertEquals("", outcome.err(), "a valid example prints nothing on stderr");
        String summary = Repo.portable(outcome.out());
        assertFalse(summary.contains(Repo.ROOT_PLACEHOLDER), "a summary must not name absolute paths:\n" + summary);
        return summary;
    }

    /**
     * The numbers of Section 5 of the paper: 19 peers (consumers 1-11, producers 12-19) and the
     * grid, three communities, the 14 buses and 20 branches of the IEEE case, one year of
     * half-hours (365 × 48 = 17520 steps).
     */
    @Test
    void ieee14HasThePapersPeersCommunitiesNetworkAndHorizon() {
        assertPaperNumbers(checkSucceeds(IEEE14));
    }

    /** The same scenario on the measured series (skipped where the data folder is absent). */
    @Test
    void ieee14OnMeasuredDataHasTheSameSummary() {
        Path data = Repo.root().resolve(MEASURED_DATA).normalize();
        assumeTrue(Files.isDirectory(data), "no measured data at " + data);
        String summary = checkSucceeds(IEEE14, "--set", "data_dir=" + data);
        assertPaperNumbers(summary);
        // check prints structure, not profile values: the data changes nothing it shows
        assertEquals(checkSucceeds(IEEE14), summary);
    }

    private static void assertPaperNumbers(String summary) {
        List<String> lines = summary.lines().toList();
        assertEquals("scenario \"IEEE 14-bus P2P reference case (hybrid)\" (" + IEEE14 + ")", lines.get(0));
        assertEquals("20 peers: 11 consumers, 8 producers, 1 grid", lines.get(1));
        assertEquals("3 collectives (3 communities), depth 1", lines.get(2));
        assertEquals("14 buses, 20 lines", lines.get(3));
        assertEquals("tariffs: fee every trade 0.001 $/MWh; fee c1 <-> c2 2 $/MWh; fee c1 <-> c3 1 $/MWh; "
                + "fee c2 <-> c3 1.5 $/MWh", lines.get(4));
        assertEquals("17520 steps of 30 min from 2012-07-01T00:00 to 2013-06-30T23:30 (Δt = 0.5 h)", lines.get(5));
        // full design: 8 producers × 11 consumers + the grid with each of the 19 peers = 107;
        // hybrid: the 3 community managers and the grid pairwise = 6 pairs, 3 pools of 5 + 6 + 8
        assertTrue(lines.contains("  full       107 trading pairs"), summary);
        assertTrue(lines.contains("  hybrid     6 trading pairs, 3 pools (19 members) (the scenario's design)"),
                summary);
    }

    @Test
    void everyGoldenSummaryBelongsToAnExample() {
        Path expected = Repo.root().resolve(EXPECTED);
        try (Stream<Path> files = Files.walk(expected)) {
            files.filter(Files::isRegularFile).forEach(golden -> {
                String relative = expected.relativize(golden).toString().replaceFirst("\\.check\\.txt$", ".agora");
                assertTrue(Files.isRegularFile(Repo.root().resolve("examples").resolve(relative)),
                        Repo.relative(golden) + " has no example");
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
