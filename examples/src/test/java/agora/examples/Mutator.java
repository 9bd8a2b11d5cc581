package agora.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Small random edits of scenario text, the kind a slip of the keyboard makes: delete a token,
 * duplicate a token, swap two adjacent tokens, put one token of the file in place of another
 * (a name where a number belongs, a unit where a name belongs), delete or duplicate a line. Tokens are split roughly like the
 * language's lexer (names, numbers, strings, date-times, operators, single characters);
 * comments are kept and never mutated.
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

    enum Kind { DELETE_TOKEN, DUPLICATE_TOKEN, SWAP_TOKENS, REPLACE_TOKEN, DELETE_LINE, DUPLICATE_LINE }

    /** A mutated text and what was done, for a failure message that can be reproduced. */
    record Mutation(String description, String text) {
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

    static Mutation mutate(String text, List<Token> tokens, Random random) {
        Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
        return switch (kind) {
            case DELETE_TOKEN -> {
                Token t = tokens.get(random.nextInt(tokens.size()));
                yield new Mutation("delete " + describe(text, t),
                        text.substring(0, t.start()) + text.substring(t.end()));
            }
            case DUPLICATE_TOKEN -> {
                Token t = tokens.get(random.nextInt(tokens.size()));
                String token = text.substring(t.start(), t.end());
                yield new Mutation("duplicate " + describe(text, t),
                        text.substring(0, t.end()) + " " + token + text.substring(t.end()));
            }
            case SWAP_TOKENS -> {
                int i = random.nextInt(tokens.size() - 1);
                Token a = tokens.get(i);
                Token b = tokens.get(i + 1);
                yield new Mutation("swap " + describe(text, a) + " with " + describe(text, b),
                        text.substring(0, a.start()) + text.substring(b.start(), b.end())
                                + text.substring(a.end(), b.start()) + text.substring(a.start(), a.end())
                                + text.substring(b.end()));
            }
            case REPLACE_TOKEN -> {
                Token t = tokens.get(random.nextInt(tokens.size()));
                Token other = tokens.get(random.nextInt(tokens.size()));
                String replacement = text.substring(other.start(), other.end());
                yield new Mutation("replace " + describe(text, t) + " by '" + replacement + "'",
                        text.substring(0, t.start()) + replacement + text.substring(t.end()));
            }
            case DUPLICATE_LINE -> {
                List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
                int line = random.nextInt(lines.size());
                lines.add(line, lines.get(line));
                yield new Mutation("duplicate line " + (line + 1) + " '" + lines.get(line).strip() + "'",
                        String.join("\n", lines));
            }
            case DELETE_LINE -> {
                List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
                int line = random.nextInt(lines.size());
                String removed = lines.remove(line);
                yield new Mutation("delete line " + (line + 1) + " '" + removed.strip() + "'",
                        String.join("\n", lines));
            }
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
