package agora.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agora.compiler.CompileResult;
import agora.compiler.Compiler;
import agora.diagnostics.Diagnostic;
import agora.diagnostics.DiagnosticCode;
import agora.diagnostics.SourceSpan;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded property test of the front end: every valid example, mutated at random (a token
 * deleted, a token duplicated, two adjacent tokens swapped, a line deleted), either compiles or
 * fails with diagnostics that each point at a real place (a line and column inside a file of the
 * compilation) and render; never with an exception or an internal error (E0901). Mutants that
 * compile are also run through {@code agora check}, which lowers them under every design and
 * must end with exit status 0 or 1, never with an internal error.
 *
 * <p>The examples are copied to a temporary folder and mutated there, one file at a time; a
 * mutated module (a file without a scenario) is compiled through a scenario importing it. To keep
 * the run short, horizons longer than {@value #MAX_STEPS} steps are cut to that many steps in the
 * copies: the length of a horizon changes how long profiles take to evaluate, not which code
 * paths a broken file takes.
 *
 * <p>{@code -Dagora.mutations=N} runs N mutations per file instead of 200, {@code -Dagora.seed=S}
 * another seed. A failure names the seed, the file and the mutation, e.g. {@code swap 'MW' at 12:30 with
 * '..' at 12:33}, so it can be replayed by hand with {@code agora check}.
 */
class MutationPropertyTest {
    private static final long SEED = Long.getLong("agora.seed", 20_190_101L);
    /** Mutations per file; {@code -Dagora.mutations=5000} hunts longer. */
    private static final int MUTATIONS_PER_FILE = Integer.getInteger("agora.mutations", 200);
    private static final int MAX_STEPS = 48;
    private static final int MAX_REPORTED_FAILURES = 10;
    private static final Pattern HORIZON_COUNT = Pattern.compile("\\bcount\\s+(\\d+)");

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> mutantsCompileOrFailWithPositionedDiagnostics() {
        List<Path> copies = copyExamples();
        return copies.stream().map(copy -> DynamicTest.dynamicTest(
                tmp.relativize(copy).toString(), () -> mutateAndCheck(copy, copies)));
    }

    private void mutateAndCheck(Path file, List<Path> all) throws IOException {
        String original = Files.readString(file);
        Path entry = entryFor(file, all);
        List<Mutator.Token> tokens = Mutator.tokens(original);
        Random random = new Random(SEED ^ file.getFileName().toString().hashCode());
        List<String> failures = new ArrayList<>();
        int rejected = 0;
        try {
            for (int i = 0; i < MUTATIONS_PER_FILE && failures.size() < MAX_REPORTED_FAILURES; i++) {
                Mutator.Mutation mutation = Mutator.mutate(original, tokens, random);
                Files.writeString(file, mutation.text());
                Verdict verdict = judge(entry);
                if (verdict.problem() != null) {
                    failures.add("mutation " + i + " (" + mutation.description() + "): " + verdict.problem());
                }
                rejected += verdict.rejected() ? 1 : 0;
            }
        } finally {
            Files.writeString(file, original);
        }
        assertEquals(List.of(), failures, "seed " + SEED + ", file " + tmp.relativize(file));
        // the mutations must bite: a file they never break would test nothing
        // (with the default seed about 80 % of the mutants of each file are rejected)
        assertTrue(rejected > 0, "no mutant of " + file.getFileName() + " was rejected");
    }

    /**
     * How compiling (and checking) one mutant went.
     *
     * @param rejected the compiler reported errors
     * @param problem  what broke the property, or null
     */
    private record Verdict(boolean rejected, String problem) {
    }

    private static Verdict judge(Path scenario) {
        CompileResult result;
        String rendered;
        try {
            result = Compiler.compile(scenario, Map.of());
            rendered = result.renderDiagnostics();
        } catch (RuntimeException | StackOverflowError e) {
            return new Verdict(true, "the compiler threw " + e);
        }
        if (!result.succeeded()) {
            return new Verdict(true, problemWithDiagnostics(result, rendered));
        }
        return new Verdict(false, problemWithCheck(scenario));
    }

    /** What is wrong with the diagnostics of a rejected mutant, or null when all is well. */
    private static String problemWithDiagnostics(CompileResult result, String rendered) {
        Optional<Diagnostic> internal = result.diagnostics().all().stream()
                .filter(d -> d.code() == DiagnosticCode.INTERNAL_ERROR).findFirst();
        if (internal.isPresent()) {
            return "internal error:\n" + rendered;
        }
        List<Diagnostic> errors = result.diagnostics().all().stream().filter(Diagnostic::isError).toList();
        if (errors.isEmpty()) {
            return "failed without an error diagnostic";
        }
        for (Diagnostic d : errors) {
            if (!pointsIntoItsFile(d.span(), result)) {
                return "diagnostic without a place in a file: " + d.headline() + "\n" + rendered;
            }
        }
        return null;
    }

    /** What is wrong with {@code agora check} of a mutant that compiled, or null. */
    private static String problemWithCheck(Path scenario) {
        AgoraCli.Outcome check = AgoraCli.run(List.of("check", scenario.toString()));
        if (check.exitCode() != 0 && check.exitCode() != 1) {
            return "check ended with exit " + check.exitCode() + "\n" + check.describe();
        }
        if (check.err().contains("internal error") || check.err().contains(DiagnosticCode.INTERNAL_ERROR.code())) {
            return "check reported an internal error\n" + check.describe();
        }
        if (check.exitCode() == 1 && check.err().isBlank()) {
            return "check failed silently";
        }
        return null;
    }

    /** The span names a file of the compilation, and a line and column inside its text. */
    private static boolean pointsIntoItsFile(SourceSpan span, CompileResult result) {
        if (!span.hasPosition() || !result.sources().names().contains(span.file())) {
            return false;
        }
        List<String> lines = result.sources().lines(span.file());
        return span.line() <= lines.size() && span.column() >= 1
                && span.column() <= lines.get(span.line() - 1).length() + 1;
    }

    /** A scenario compiles itself; a module compiles through the first scenario importing it. */
    private static Path entryFor(Path file, List<Path> all) {
        if (!ExamplesGoldenTest.isModule(file)) {
            return file;
        }
        String importLine = "import \"" + file.getFileName() + "\"";
        return all.stream()
                .filter(other -> other.getParent().equals(file.getParent()) && !other.equals(file))
                .filter(other -> Repo.read(other).contains(importLine))
                .findFirst().orElseThrow(() -> new AssertionError("no scenario imports " + file));
    }

    /** Copies of the examples under {@code tmp}, horizons cut to {@value #MAX_STEPS} steps. */
    private List<Path> copyExamples() {
        List<Path> copies = new ArrayList<>();
        for (Path example : ExamplesGoldenTest.exampleFiles()) {
            Path copy = tmp.resolve(Repo.relative(example));
            try {
                Files.createDirectories(copy.getParent());
                Files.writeString(copy, shortHorizon(Repo.read(example)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            copies.add(copy);
        }
        assertFalse(copies.isEmpty());
        return copies;
    }

    static String shortHorizon(String text) {
        Matcher m = HORIZON_COUNT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int steps = Integer.parseInt(m.group(1));
            m.appendReplacement(out, "count " + Math.min(steps, MAX_STEPS));
        }
        return m.appendTail(out).toString();
    }

    @Test
    void horizonsAreCutOnlyWhenLonger() {
        assertEquals("time from 2012-07-01 00:00 step 30 min count 48",
                shortHorizon("time from 2012-07-01 00:00 step 30 min count 17520"));
        assertEquals("time from 2024-06-03 00:00 step 1 h count 24",
                shortHorizon("time from 2024-06-03 00:00 step 1 h count 24"));
    }

    @Test
    void mutationsChangeTheTextAsDescribed() {
        String text = "producer p { bounds = 0 MW .. 5 MW }  // rated\nconsumer d";
        List<Mutator.Token> tokens = Mutator.tokens(text);
        // the comment is not a token: producer p { bounds = 0 MW .. 5 MW } consumer d
        assertEquals(13, tokens.size());
        assertEquals("..", text.substring(tokens.get(7).start(), tokens.get(7).end()));
        Random random = new Random(SEED);
        for (int i = 0; i < 50; i++) {
            Mutator.Mutation m = Mutator.mutate(text, tokens, random);
            assertTrue(!m.text().equals(text) || m.description().startsWith("swap")
                            || m.description().startsWith("replace"),
                    "a mutation changes the text: " + m.description());
        }
    }
}
