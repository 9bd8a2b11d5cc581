package agora.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Random edits of scenario text. Small ones, the kind a slip of the keyboard makes: delete a
 * token, duplicate a token, swap two adjacent tokens, put one token of the file in place of
 * another (a name where a number belongs, a unit where a name belongs), delete or duplicate a
 * line. And hostile ones, the kind that found hangs and crashes: a number at an extreme (0, -0,
 * 1e308, 1e-308, 2147483647, ...), an operator or exponent repeated dozens of times, a chain of
 * thousands of definitions (profiles, parameters, kinds, kind properties, collectives), a device,
 * pipe, folder or non-text file imported or read as CSV, a token of 20,000 characters, a control
 * character. Tokens are split roughly like the language's lexer (names, numbers, strings,
 * date-times, operators, single characters); comments are kept and never mutated.
 */
final class Mutator {
    private static final Pattern TOKEN = Pattern.compile(String.join("|",
            "(?<comment>//[^\\n]*|/\\*(?s:.*?)\\*/)",
            "\"(?:[^\"\\\\\\r\\n]|\\\\.)*\"",
            "\\d{4}-\\d{2}-\\d{2}(?:[ T]\\d{2}:\\d{2})?",
            "\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?",
            "[A-Za-z_][A-Za-z_0-9]*",
            "<->|\\.\\.|==|!=|<=|>=",
            "\\S"));

    /** One token of the text: {@code text.substring(start, end)}. */
    record Token(int start, int end) {
    }

    enum Kind {
        DELETE_TOKEN, DUPLICATE_TOKEN, SWAP_TOKENS, REPLACE_TOKEN, DELETE_LINE, DUPLICATE_LINE,
        EXTREME_NUMBER, REPEATED_OPERATOR, LONG_CHAIN, SPECIAL_FILE, HUGE_TOKEN, CONTROL_CHARACTER
    }

    /** Numbers at the ends of what a double or an int holds, and the signed and tiny zeros. */
    static final List<String> EXTREME_NUMBERS = List.of("0", "-0", "0.0", "1e308", "1e-308", "1e309",
            "4.9e-324", "1e-400", "2147483647", "2147483648", "-2147483648", "9223372036854775807",
            "99999999999999999999999999999");
    /** Operators and exponents, repeated 2 to 64 times after (or, for a sign, before) a token. */
    private static final List<String> REPEATED = List.of("²", "^2", "^99", " * p", " * 2", " / 2", " + 1", "- ");
    private static final int MAX_REPEATS = 64;
    /** Chains long enough to overflow a recursive evaluation (1,005 kind properties did before). */
    private static final int MIN_CHAIN = 1000;
    private static final int MAX_CHAIN = 2500;
    private static final int HUGE_TOKEN_CHARS = 20_000;
    /** Controls a terminal acts on, a NUL, a C1 control and a bidirectional override. */
    private static final List<Character> CONTROLS = List.of('\u0000', '\u0007', '\b', '\u000b', '\f', '\r',
            '\u001b', '\u007f', '\u009b', '\u202e');

    /** A mutated text, what was done (for a failure message that can be reproduced) and its kind. */
    record Mutation(Kind kind, String description, String text) {
    }

    private Mutator() {
    }

    static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            if (m.group("comment") == null) {
                tokens.add(new Token(m.start(), m.end()));
            }
        }
        return tokens;
    }

    /**
     * One random edit of {@code text}.
     *
     * @param specialFiles paths that are no scenario: devices, a pipe, a folder, a binary file
     */
    static Mutation mutate(String text, List<Token> tokens, Random random, List<String> specialFiles) {
        return mutate(text, tokens, random, specialFiles, List.of(Kind.values()));
    }

    /** One random edit of one of the given kinds. */
    static Mutation mutate(String text, List<Token> tokens, Random random, List<String> specialFiles,
                           List<Kind> kinds) {
        Kind kind = kinds.get(random.nextInt(kinds.size()));
        return switch (kind) {
            case DELETE_TOKEN -> {
                Token t = tokens.get(random.nextInt(tokens.size()));
                yield new Mutation(kind, "delete " + describe(text, t),
                        text.substring(0, t.start()) + text.substring(t.end()));
            }
            case DUPLICATE_TOKEN -> {
                Token t = tokens.get(random.nextInt(tokens.size()));
                String token = text.substring(t.start(), t.end());
                yield new Mutation(kind, "duplicate " + describe(text, t),
                        text.substring(0, t.end()) + " " + token + text.substring(t.end()));
            }
            case SWAP_TOKENS -> {
                int i = random.nextInt(tokens.size() - 1);
                Token a = tokens.get(i);
                Token b = tokens.get(i + 1);
                yield new Mutation(kind, "swap " + describe(text, a) + " with " + describe(text, b),
                        text.substring(0, a.start()) + text.substring(b.start(), b.end())
                                + text.substring(a.end(), b.start()) + text.substring(a.start(), a.end())
                                + text.substring(b.end()));
            }
            case REPLACE_TOKEN -> {
                Token t = tokens.get(random.nextInt(tokens.size()));
                Token other = tokens.get(random.nextInt(tokens.size()));
                String replacement = text.substring(other.start(), other.end());
                yield new Mutation(kind, "replace " + describe(text, t) + " by '" + replacement + "'",
                        text.substring(0, t.start()) + replacement + text.substring(t.end()));
            }
            case DUPLICATE_LINE -> {
                List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
                int line = random.nextInt(lines.size());
                lines.add(line, lines.get(line));
                yield new Mutation(kind, "duplicate line " + (line + 1) + " '" + lines.get(line).strip() + "'",
                        String.join("\n", lines));
            }
            case DELETE_LINE -> {
                List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
                int line = random.nextInt(lines.size());
                String removed = lines.remove(line);
                yield new Mutation(kind, "delete line " + (line + 1) + " '" + removed.strip() + "'",
                        String.join("\n", lines));
            }
            case EXTREME_NUMBER -> {
                String extreme = EXTREME_NUMBERS.get(random.nextInt(EXTREME_NUMBERS.size()));
                List<Token[]> ranges = ranges(text, tokens);
                if (!ranges.isEmpty() && random.nextBoolean()) {
                    // both ends of a range: 'bus 2147483647 .. 2147483647', '1e308 MW .. 1e308 MW'
                    Token[] range = ranges.get(random.nextInt(ranges.size()));
                    yield new Mutation(kind, "extreme range: replace " + describe(text, range[0]) + " and "
                            + describe(text, range[1]) + " by " + extreme,
                            text.substring(0, range[0].start()) + extreme + text.substring(range[0].end(), range[1].start())
                                    + extreme + text.substring(range[1].end()));
                }
                List<Token> numbers = tokens.stream().filter(t -> isNumber(text, t)).toList();
                List<Token> candidates = numbers.isEmpty() ? tokens : numbers;
                Token t = candidates.get(random.nextInt(candidates.size()));
                yield new Mutation(kind, "extreme number: replace " + describe(text, t) + " by " + extreme,
                        text.substring(0, t.start()) + extreme + text.substring(t.end()));
            }
            case REPEATED_OPERATOR -> {
                String operator = REPEATED.get(random.nextInt(REPEATED.size()));
                // an exponent goes after an exponent half the time: p² becomes p²²²...
                List<Token> exponents = tokens.stream().filter(t -> text.startsWith("²", t.start())).toList();
                boolean afterExponent = operator.startsWith("²") || operator.startsWith("^");
                List<Token> candidates = afterExponent && !exponents.isEmpty() && random.nextBoolean() ? exponents : tokens;
                Token t = candidates.get(random.nextInt(candidates.size()));
                int times = 2 + random.nextInt(MAX_REPEATS - 1);
                String run = operator.repeat(times);
                String mutated = operator.equals("- ")
                        ? text.substring(0, t.start()) + run + text.substring(t.start())
                        : text.substring(0, t.end()) + run + text.substring(t.end());
                yield new Mutation(kind, "repeat '" + operator.strip() + "' " + times + " times at " + describe(text, t), mutated);
            }
            case LONG_CHAIN -> {
                int length = MIN_CHAIN + random.nextInt(MAX_CHAIN - MIN_CHAIN + 1);
                Chain chain = Chain.values()[random.nextInt(Chain.values().length)];
                Ending ending = Ending.values()[random.nextInt(Ending.values().length)];
                yield new Mutation(kind, "append a chain of " + length + " " + chain.name().toLowerCase(Locale.ROOT)
                        + " ending " + ending.name().toLowerCase(Locale.ROOT), text + "\n" + chain(chain, length, ending));
            }
            case SPECIAL_FILE -> {
                String path = specialFiles.get(random.nextInt(specialFiles.size()));
                if (random.nextBoolean()) {
                    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
                    int line = random.nextInt(lines.size() + 1);
                    lines.add(line, "import \"" + path + "\"");
                    yield new Mutation(kind, "import \"" + path + "\" at line " + (line + 1), String.join("\n", lines));
                }
                Token t = tokens.get(random.nextInt(tokens.size()));
                String csv = "csv(\"" + path + "\", column: 1, scale: 1 MW)";
                yield new Mutation(kind, "replace " + describe(text, t) + " by " + csv,
                        text.substring(0, t.start()) + csv + text.substring(t.end()));
            }
            case HUGE_TOKEN -> {
                Token t = tokens.get(random.nextInt(tokens.size()));
                String token = text.substring(t.start(), t.end());
                char first = token.charAt(0);
                String huge = Character.isDigit(first) ? "9".repeat(HUGE_TOKEN_CHARS)
                        : first == '"' ? "\"" + "x".repeat(HUGE_TOKEN_CHARS) + "\""
                        : Character.isLetter(first) ? token + "x".repeat(HUGE_TOKEN_CHARS)
                        : token.repeat(HUGE_TOKEN_CHARS / token.length());
                yield new Mutation(kind, "make " + describe(text, t) + " " + huge.length() + " characters long",
                        text.substring(0, t.start()) + huge + text.substring(t.end()));
            }
            case CONTROL_CHARACTER -> {
                int at = random.nextInt(text.length() + 1);
                char c = CONTROLS.get(random.nextInt(CONTROLS.size()));
                yield new Mutation(kind, String.format(Locale.ROOT, "insert U+%04X at offset %d", (int) c, at),
                        text.substring(0, at) + c + text.substring(at));
            }
        };
    }

    private static boolean isNumber(String text, Token t) {
        return Character.isDigit(text.charAt(t.start()));
    }

    /** The two numbers of each range {@code a .. b} (a unit may follow the first). */
    private static List<Token[]> ranges(String text, List<Token> tokens) {
        List<Token[]> ranges = new ArrayList<>();
        for (int i = 1; i + 1 < tokens.size(); i++) {
            Token range = tokens.get(i);
            if (!text.startsWith("..", range.start()) || !isNumber(text, tokens.get(i + 1))) {
                continue;
            }
            Token first = isNumber(text, tokens.get(i - 1)) ? tokens.get(i - 1)
                    : i >= 2 && isNumber(text, tokens.get(i - 2)) ? tokens.get(i - 2) : null;
            if (first != null) {
                ranges.add(new Token[] {first, tokens.get(i + 1)});
            }
        }
        return ranges;
    }

    /** What a long chain defines, one definition using the next. */
    enum Chain { PROFILES, PARAMETERS, KINDS, KIND_PROPERTIES, COLLECTIVES }

    /** How the last definition of a chain ends: with a value, back at the first, or undefined. */
    enum Ending { VALUE, CYCLE, UNDEFINED }

    /** A chain of {@code n} definitions, named so that they clash with nothing in the examples. */
    static String chain(Chain chain, int n, Ending ending) {
        StringBuilder out = new StringBuilder();
        switch (chain) {
            case PROFILES -> {
                for (int i = 0; i < n; i++) {
                    out.append("profile zq").append(i).append(" = zq").append(i + 1).append(" + 0 MW\n");
                }
                out.append("profile zq").append(n).append(" = ").append(end(ending, "1 MW", "zq0")).append('\n');
                out.append("producer zqp { bounds = 0 MW .. zq0 }\n");
            }
            case PARAMETERS -> {
                for (int i = 0; i < n; i++) {
                    out.append("param zy").append(i).append(" = zy").append(i + 1).append(" + 1\n");
                }
                out.append("param zy").append(n).append(" = ").append(end(ending, "1", "zy0")).append('\n');
                out.append("producer zyp { bounds = 0 MW .. zy0 * 1 MW }\n");
            }
            case KINDS -> {
                for (int i = 0; i < n; i++) {
                    out.append("kind zk").append(i).append(": zk").append(i + 1).append('\n');
                }
                out.append("kind zk").append(n).append(": ").append(end(ending, "producer", "zk0"))
                        .append(" { bounds = 0 MW .. 1 MW }\nzk0 zkp\n");
            }
            case KIND_PROPERTIES -> {
                out.append("kind zd: producer {\n");
                for (int i = 0; i < n; i++) {
                    out.append("  a").append(i).append(" = a").append(i + 1).append(" + 0 MW\n");
                }
                out.append("  a").append(n).append(" = ").append(end(ending, "1 MW", "a0"))
                        .append("\n  bounds = 0 MW .. a0\n}\n")
                        .append("zd zdp { a").append(n).append(" = 2 MW }\nzd zdq { a0 = 3 MW }\n");
            }
            case COLLECTIVES -> {
                out.append("producer zcp { bounds = 0 MW .. 1 MW }\nconsumer zcd { bounds = -1 MW .. 0 MW }\n")
                        .append("community zc").append(n).append(" clears pool { member zcp, zcd }\n");
                for (int i = n - 1; i >= 0; i--) {
                    String member = i == n - 1 ? end(ending, "zc" + n, "zc0") : "zc" + (i + 1);
                    out.append("collective zc").append(i).append(" clears bilateral { member ").append(member)
                            .append(" }\n");
                }
            }
        }
        return out.toString();
    }

    private static String end(Ending ending, String value, String first) {
        return switch (ending) {
            case VALUE -> value;
            case CYCLE -> first;
            case UNDEFINED -> "zz_undefined";
        };
    }

    /** {@code 'MW' at 12:34} (1-based line and column). */
    private static String describe(String text, Token t) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < t.start(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return "'" + text.substring(t.start(), t.end()) + "' at " + line + ":" + (t.start() - lineStart + 1);
    }
}
