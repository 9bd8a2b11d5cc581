package agora.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a rendered diagnostic may show of a file: a bounded, visible excerpt. */
class ExcerptTest {

    private static String render(String line, int column, int length, String message, String hint) {
        Diagnostic d = Diagnostic.error(DiagnosticCode.SYNTAX_ERROR, new SourceSpan("a.agora", 1, column, length),
                message).withHint(hint);
        return new DiagnosticRenderer(file -> List.of(line)).render(d);
    }

    @Test
    void aQuotedValueIsCutAfter120CharactersWithAnEllipsis() {
        assertEquals("short", Excerpt.quote("short"));
        String quoted = Excerpt.quote("x".repeat(10_000_000));
        assertEquals(120, quoted.length());
        assertEquals("x".repeat(119) + "…", quoted);
        assertEquals("x".repeat(120), Excerpt.quote("x".repeat(120)));
    }

    @Test
    void controlCharactersAreShownAsVisibleSymbolsOneForOne() {
        assertEquals("␛[31mred␛[0m␍␀", Excerpt.visible("\u001b[31mred\u001b[0m\r\0"));
        assertEquals("a␡b�c�d", Excerpt.visible("a\u007fb\u009bc\u202ed"));
        assertEquals("plain text, €, ², 😀", Excerpt.visible("plain text, €, ², 😀"));
        assertEquals("x".repeat(118) + "…", Excerpt.capped("x".repeat(118) + "😀😀", 120),
                "a character outside the BMP is not split");
    }

    @Test
    void messagesAndHintsHoldNoControlCharactersAndAreCapped() {
        Diagnostic d = Diagnostic.error(DiagnosticCode.CSV_BAD_NUMBER, new SourceSpan("a\u001b.agora", 1, 1, 1),
                "cannot read '\u001b]0;pwned\u0007' as a number").withHint("y".repeat(5000));
        assertEquals("cannot read '␛]0;pwned␇' as a number", d.message());
        assertEquals(Excerpt.MAX_MESSAGE_CHARS, d.hint().length());
        assertEquals("a␛.agora:1:1: error[E0404]: cannot read '␛]0;pwned␇' as a number", d.headline());
    }

    @Test
    void aShortLineIsShownWholeWithItsControlCharactersVisibleAndTabsAsSpaces() {
        assertEquals("""
                a.agora:1:5: error[E0101]: m
                 1 | a c␛def
                   |     ^^^
                """, render("a\tc\u001bdef", 5, 3, "m", null));
    }

    @Test
    void aLongLineIsShownAsAWindowAroundTheCaret() {
        // a 10 MB line (a file without line breaks): 120 characters of it, the caret where it was
        String line = "a".repeat(5_000_000) + "HERE" + "b".repeat(5_000_000);
        String rendered = render(line, 5_000_001, 4, "unexpected 'HERE'", "a hint");
        String shown = "…" + "a".repeat(40) + "HERE" + "b".repeat(76) + "…";
        assertEquals("a.agora:1:5000001: error[E0101]: unexpected 'HERE'\n"
                + " 1 | " + shown + "\n"
                + "   | " + " ".repeat(41) + "^^^^\n"
                + "   = hint: a hint\n", rendered);
        assertTrue(rendered.length() < 400);
    }

    @Test
    void theWindowStaysInsideTheLineAtItsEnds() {
        String line = "c".repeat(300);
        assertEquals(" 1 | " + "c".repeat(120) + "…\n   | ^\n", body(render(line, 1, 1, "m", null)));
        assertEquals(" 1 | …" + "c".repeat(120) + "\n   | " + " ".repeat(121) + "^\n",
                body(render(line, 301, 1, "m", null)), "a caret just past the end of the line");
        assertEquals(" 1 | …" + "c".repeat(120) + "\n   | " + " ".repeat(81) + "^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n",
                body(render(line, 261, 500, "m", null)), "the caret ends with the window");
    }

    private static String body(String rendered) {
        return rendered.substring(rendered.indexOf('\n') + 1);
    }
}
