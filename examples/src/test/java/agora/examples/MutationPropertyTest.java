package agora.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agora.cli.ScenarioLoader;
import agora.compiler.CompileResult;
import agora.compiler.Compiler;
import agora.compiler.MarketNames;
import agora.diagnostics.Diagnostic;
import agora.diagnostics.DiagnosticCode;
import agora.diagnostics.DiagnosticRenderer;
import agora.diagnostics.Excerpt;
import agora.diagnostics.SourceSpan;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded property test of the front end: every valid example, mutated at random (see
 * {@link Mutator}: slips of the keyboard, and hostile edits such as extreme numbers, repeated
 * exponents, chains of thousands of definitions, devices and pipes as imports, huge tokens and
 * control characters), either compiles or fails with diagnostics that each point at a real place
 * (a line and column inside a file of the compilation), render in at most
 * {@value #MAX_RENDERED_CHARS} characters each and hold no control character; never with an
 * exception, an internal error (E0901), or after more than {@value #DEFAULT_MUTANT_SECONDS} s.
 * Each mutant is run through {@code agora check}; one that compiles is lowered under every design
 * and must end with exit status 0 or 1, never with an internal error.
 *
 * <p>The examples are copied to a temporary folder and mutated there, one file at a time; a
 * mutated module (a file without a scenario) is compiled through a scenario importing it. To keep
 * the run short, horizons longer than {@value #MAX_STEPS} steps are cut to that many steps in the
 * copies: the length of a horizon changes how long profiles take to evaluate, not which code
 * paths a broken file takes.
 *
 * <p>{@code -Dagora.mutations=N} runs N mutations per file instead of {@value #DEFAULT_MUTATIONS}
 * ({@code bench/mutations.sh} runs 100,000 in all), {@code -Dagora.seed=S} another seed,
 * {@code -Dagora.mutantSeconds=T} another time limit per mutant, {@code
 * -Dagora.mutationKinds=EXTREME_NUMBER,REPEATED_OPERATOR} mutations of some kinds only, {@code
 * -Dagora.mutationLog=FILE} logs each mutant before judging it. A failure names the seed, the
 * file and the mutation, e.g. {@code swap 'MW' at 12:30 with '..' at 12:33}, so it can be replayed
 * by hand with {@code agora check}. At the end the campaign's counts are printed (inputs tried,
 * distinct failure signatures), and written to {@code -Dagora.mutationReport=FILE} when given.
 */
class MutationPropertyTest {
    private static final long SEED = Long.getLong("agora.seed", 20_190_101L);
    /** Mutations per file in CI: 250 for each of the 8 examples, 2,000 in all. */
    private static final int DEFAULT_MUTATIONS = 250;
    private static final int MUTATIONS_PER_FILE = Integer.getInteger("agora.mutations", DEFAULT_MUTATIONS);
    private static final int DEFAULT_MUTANT_SECONDS = 30;
    /** Far beyond what any mutant takes (under a second); a mutant past it hangs. */
    private static final long MUTANT_SECONDS = Long.getLong("agora.mutantSeconds", DEFAULT_MUTANT_SECONDS);
    /** {@code -Dagora.mutationKinds=LONG_CHAIN,SPECIAL_FILE} hunts with some kinds only. */
    private static final List<Mutator.Kind> KINDS = Stream.of(
                    System.getProperty("agora.mutationKinds", "").split(","))
            .filter(k -> !k.isBlank()).map(k -> Mutator.Kind.valueOf(k.strip())).toList();
    /**
     * {@code -Dagora.mutationLog=FILE} appends each mutant's description before it is judged: when
     * a mutant takes the whole JVM down (memory), the file's last line names it.
     */
    private static final String MUTATION_LOG = System.getProperty("agora.mutationLog");
    private static final int MAX_STEPS = 48;
    private static final int MAX_REPORTED_FAILURES = 10;
    /** Mutants of one file that may hang before the file is given up: each one keeps running. */
    private static final int MAX_HANGS_PER_FILE = 2;
    /**
     * A headline, a source line, a caret line and a hint, each capped, quoted values at 120
     * characters (see {@link Excerpt}); the file names of the examples' copies are short.
     */
    static final int MAX_RENDERED_CHARS = 3 * Excerpt.MAX_MESSAGE_CHARS;
    private static final Pattern HORIZON_COUNT = Pattern.compile("\\bcount\\s+(\\d+)");

    /** Every distinct failure of the run, with how often it happened and its first example. */
    private static final Map<String, Signature> SIGNATURES = new LinkedHashMap<>();
    private static long tried;
    private static long rejected;

    private record Signature(int count, String example) {
    }

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> mutantsCompileOrFailWithPositionedDiagnostics() {
        List<Path> copies = copyExamples();
        List<String> specialFiles = specialFiles();
        return copies.stream().map(copy -> DynamicTest.dynamicTest(
                tmp.relativize(copy).toString(), () -> mutateAndCheck(copy, copies, specialFiles)));
    }

    private void mutateAndCheck(Path file, List<Path> all, List<String> specialFiles) throws IOException {
        String original = Files.readString(file);
        Path entry = entryFor(file, all);
        List<Mutator.Token> tokens = Mutator.tokens(original);
        Random random = new Random(SEED ^ file.getFileName().toString().hashCode());
        List<String> failures = new ArrayList<>();
        int rejectedHere = 0;
        int hangs = 0;
        ExecutorService worker = Executors.newSingleThreadExecutor(MutationPropertyTest::daemon);
        try {
            for (int i = 0; i < MUTATIONS_PER_FILE && hangs < MAX_HANGS_PER_FILE; i++) {
                Mutator.Mutation mutation = Mutator.mutate(original, tokens, random, specialFiles,
                        KINDS.isEmpty() ? List.of(Mutator.Kind.values()) : KINDS);
                Files.writeString(file, mutation.text());
                if (MUTATION_LOG != null) {
                    Files.writeString(Path.of(MUTATION_LOG), tmp.relativize(file) + " mutation " + i + " ("
                                    + mutation.description() + ")\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                }
                Verdict verdict = judgeInTime(worker, entry, mutation.kind());
                count(verdict, tmp.relativize(file) + " mutation " + i + " (" + mutation.description() + ")");
                if (verdict.problem() != null && failures.size() < MAX_REPORTED_FAILURES) {
                    failures.add("mutation " + i + " (" + mutation.description() + "): " + verdict.problem());
                }
                rejectedHere += verdict.rejected() ? 1 : 0;
                if (verdict.hung()) {
                    // the mutant still runs on its thread (the compiler cannot be interrupted): go on
                    // with a new one, and give the file up after a few
                    hangs++;
                    worker.shutdownNow();
                    worker = Executors.newSingleThreadExecutor(MutationPropertyTest::daemon);
                }
            }
        } finally {
            worker.shutdownNow();
            Files.writeString(file, original);
        }
        assertEquals(List.of(), failures, "seed " + SEED + ", file " + tmp.relativize(file));
        // the mutations must bite: a file they never break would test nothing
        // (with the default seed about 80 % of the mutants of each file are rejected)
        assertTrue(rejectedHere > 0, "no mutant of " + file.getFileName() + " was rejected");
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "mutant");
        thread.setDaemon(true); // a mutant that hangs must not keep the test JVM alive
        return thread;
    }

    private static synchronized void count(Verdict verdict, String example) {
        tried++;
        rejected += verdict.rejected() ? 1 : 0;
        if (verdict.signature() != null) {
            SIGNATURES.merge(verdict.signature(), new Signature(1, example),
                    (old, added) -> new Signature(old.count() + 1, old.example()));
        }
    }

    /**
     * How compiling (and checking) one mutant went.
     *
     * @param rejected  the compiler reported errors
     * @param problem   what broke the property, or null
     * @param signature the kind of problem, the same for every mutant that breaks the property
     *                  the same way (for counting distinct failures), or null
     * @param hung      it did not finish in time, and still runs
     */
    private record Verdict(boolean rejected, String problem, String signature, boolean hung) {
        static Verdict ok(boolean rejected) {
            return new Verdict(rejected, null, null, false);
        }

        static Verdict broken(boolean rejected, String signature, String problem) {
            return new Verdict(rejected, signature + ": " + problem, signature, false);
        }
    }

    private static Verdict judgeInTime(ExecutorService worker, Path scenario, Mutator.Kind kind) {
        Future<Verdict> verdict = worker.submit(() -> judge(scenario));
        try {
            return verdict.get(MUTANT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            verdict.cancel(true);
            String signature = "hang after a mutation " + kind;
            return new Verdict(true, signature + ": did not finish within " + MUTANT_SECONDS + " s", signature, true);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return Verdict.broken(true, "threw " + cause.getClass().getName(), String.valueOf(cause));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * Runs {@code agora check} on the mutant, keeping what the compiler returned: a rejected
     * mutant's diagnostics are judged, a compiled one's check (compiled once, as a user's is).
     */
    private static Verdict judge(Path scenario) {
        AtomicReference<CompileResult> compiled = new AtomicReference<>();
        ScenarioLoader keeping = new ScenarioLoader() {
            @Override
            public CompileResult load(Path file, Map<String, String> params) {
                compiled.set(Compiler.compile(file, params));
                return compiled.get();
            }

            @Override
            public CompileResult load(Path file, Map<String, String> params, MarketNames names) {
                compiled.set(Compiler.compile(file, params, names));
                return compiled.get();
            }
        };
        AgoraCli.Outcome check;
        String rendered;
        try {
            check = AgoraCli.run(keeping, List.of("check", scenario.toString()));
            rendered = compiled.get() == null ? null : compiled.get().renderDiagnostics();
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            return Verdict.broken(true, "the compiler threw " + e.getClass().getName(), String.valueOf(e));
        }
        if (compiled.get() == null) {
            return Verdict.broken(true, "check ended without compiling, exit " + check.exitCode(), check.describe());
        }
        if (!compiled.get().succeeded()) {
            return problemWithDiagnostics(scenario, compiled.get(), rendered);
        }
        return problemWithCheck(check);
    }

    /** What is wrong with the diagnostics of a rejected mutant, or an ok verdict. */
    private static Verdict problemWithDiagnostics(Path scenario, CompileResult result, String rendered) {
        Optional<Diagnostic> internal = result.diagnostics().all().stream()
                .filter(d -> d.code() == DiagnosticCode.INTERNAL_ERROR).findFirst();
        if (internal.isPresent()) {
            return Verdict.broken(true, "internal error " + internal.get().message(), rendered);
        }
        List<Diagnostic> errors = result.diagnostics().all().stream().filter(Diagnostic::isError).toList();
        if (errors.isEmpty()) {
            return Verdict.broken(true, "failed without an error diagnostic", rendered);
        }
        DiagnosticRenderer renderer = new DiagnosticRenderer(result.sources()::lines);
        for (Diagnostic d : errors) {
            if (!pointsIntoItsFile(d, scenario, result)) {
                return Verdict.broken(true, "diagnostic without a place in a file " + d.code().code(),
                        d.headline() + "\n" + rendered);
            }
            String one = d.headline() + "\n" + renderer.render(d);
            if (one.length() > MAX_RENDERED_CHARS) {
                return Verdict.broken(true, "diagnostic longer than " + MAX_RENDERED_CHARS + " characters "
                        + d.code().code(), one.length() + " characters: " + Excerpt.capped(one, 500));
            }
        }
        if (rendered.chars().anyMatch(c -> c != '\n' && Character.getType(c) == Character.CONTROL)) {
            return Verdict.broken(true, "control character in diagnostics", Excerpt.visible(rendered));
        }
        return Verdict.ok(true);
    }

    /** What is wrong with {@code agora check} of a mutant that compiled, or an ok verdict. */
    private static Verdict problemWithCheck(AgoraCli.Outcome check) {
        if (check.exitCode() != 0 && check.exitCode() != 1) {
            return Verdict.broken(false, "check ended with exit " + check.exitCode(), check.describe());
        }
        if (check.err().contains("internal error") || check.err().contains(DiagnosticCode.INTERNAL_ERROR.code())) {
            return Verdict.broken(false, "check reported an internal error", check.describe());
        }
        if (check.exitCode() == 1 && check.err().isBlank()) {
            return Verdict.broken(false, "check failed silently", check.describe());
        }
        return Verdict.ok(false);
    }

    /**
     * The diagnostic names a file of the compilation, and a line and column inside its text; or
     * it says, without a place, that the scenario file itself could not be read (it may be no
     * text at all: nothing of it is shown).
     */
    private static boolean pointsIntoItsFile(Diagnostic d, Path scenario, CompileResult result) {
        SourceSpan span = d.span();
        if (!span.hasPosition()) {
            return d.code() == DiagnosticCode.IMPORT_NOT_FOUND && span.file().equals(scenario.toString());
        }
        if (!result.sources().names().contains(span.file())) {
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

    /**
     * Paths that are no scenario and no CSV file: devices that never end, the environment, a
     * named pipe no one writes to, a folder, a binary file and a file beyond every size limit.
     */
    private List<String> specialFiles() {
        List<String> paths = new ArrayList<>();
        for (String system : List.of("/dev/zero", "/dev/urandom", "/dev/null", "/proc/self/environ")) {
            if (Files.exists(Path.of(system))) {
                paths.add(system);
            }
        }
        try {
            Path folder = Files.createDirectories(tmp.resolve("special/folder.agora"));
            paths.add(folder.toString());
            Path binary = tmp.resolve("special/binary.csv");
            Files.write(binary, new byte[] {'v', '\n', '1', 0, (byte) 0xFF, '\n'});
            paths.add(binary.toString());
            Path huge = tmp.resolve("special/huge.csv");
            try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
                file.setLength(200L << 20); // sparse: nothing is written
            }
            paths.add(huge.toString());
            Path pipe = tmp.resolve("special/pipe.agora");
            if (new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor() == 0) {
                paths.add(pipe.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return paths;
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

    /** The campaign's counts, for {@code bench/mutations.sh} and the build log. */
    @AfterAll
    static synchronized void reportCounts() throws IOException {
        StringBuilder report = new StringBuilder();
        report.append("mutation campaign: seed ").append(SEED).append(", ").append(MUTATIONS_PER_FILE)
                .append(" mutations per file").append(KINDS.isEmpty() ? "" : " of the kinds " + KINDS).append('\n')
                .append("inputs tried: ").append(tried).append('\n')
                .append("rejected with diagnostics: ").append(rejected).append('\n')
                .append("compiled and checked: ").append(tried - rejected).append('\n')
                .append("distinct failure signatures: ").append(SIGNATURES.size()).append('\n');
        SIGNATURES.forEach((signature, seen) -> report.append("  ").append(seen.count()).append(" x ")
                .append(signature).append("; first: ").append(seen.example()).append('\n'));
        System.out.print(report);
        String file = System.getProperty("agora.mutationReport");
        if (file != null) {
            Files.writeString(Path.of(file), report);
        }
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
        for (int i = 0; i < 200; i++) {
            Mutator.Mutation m = Mutator.mutate(text, tokens, random, List.of("/dev/zero"));
            assertTrue(!m.text().equals(text) || m.description().startsWith("swap")
                            || m.description().startsWith("replace") || m.description().startsWith("extreme"),
                    "a mutation changes the text: " + m.description());
        }
    }

    @Test
    void hostileMutationsAreWhatTheirDescriptionsSay() {
        String text = "producer p { bounds = 0 MW .. 5 MW; cost = 1 $/MW²h * p² }";
        List<Mutator.Token> tokens = Mutator.tokens(text);
        Random random = new Random(SEED);
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < 2000; i++) {
            Mutator.Mutation m = Mutator.mutate(text, tokens, random, List.of("/dev/zero"));
            String d = m.description();
            if (d.startsWith("extreme number")) {
                String extreme = d.substring(d.lastIndexOf(' ') + 1);
                assertTrue(Mutator.EXTREME_NUMBERS.contains(extreme) && m.text().contains(extreme), d);
            } else if (d.startsWith("extreme range")) {
                String extreme = d.substring(d.lastIndexOf(' ') + 1);
                assertTrue(m.text().contains("= " + extreme + " MW .. " + extreme + " MW;"), d);
            } else if (d.startsWith("append a chain of ")) {
                int length = Integer.parseInt(d.split(" ")[4]);
                assertTrue(length >= 1000 && length <= 2500, d);
                assertTrue(m.text().lines().count() > length, d);
            } else if (d.startsWith("import \"/dev/zero\"")) {
                assertTrue(m.text().contains("import \"/dev/zero\"\n") || m.text().endsWith("import \"/dev/zero\""), d);
            } else if (d.startsWith("make ")) {
                assertTrue(m.text().length() > 20_000, d);
            } else if (d.startsWith("insert U+")) {
                char c = (char) Integer.parseInt(d.substring(9, 13), 16);
                assertEquals(text.length() + 1, m.text().length(), d);
                assertTrue(m.text().indexOf(c) >= 0, d);
            }
            seen.merge(d.split(" ")[0], 1, Integer::sum);
        }
        for (String first : List.of("extreme", "repeat", "append", "import", "make", "insert")) {
            assertTrue(seen.getOrDefault(first, 0) > 0, "no '" + first + "' mutation in 2000: " + seen);
        }
    }

    @Test
    void chainsAreAsLongAsAskedAndEndAsAsked() {
        assertEquals("""
                profile zq0 = zq1 + 0 MW
                profile zq1 = zq2 + 0 MW
                profile zq2 = zq0
                producer zqp { bounds = 0 MW .. zq0 }
                """, Mutator.chain(Mutator.Chain.PROFILES, 2, Mutator.Ending.CYCLE));
        assertEquals("""
                producer zcp { bounds = 0 MW .. 1 MW }
                consumer zcd { bounds = -1 MW .. 0 MW }
                community zc2 clears pool { member zcp, zcd }
                collective zc1 clears bilateral { member zz_undefined }
                collective zc0 clears bilateral { member zc1 }
                """, Mutator.chain(Mutator.Chain.COLLECTIVES, 2, Mutator.Ending.UNDEFINED));
    }
}
