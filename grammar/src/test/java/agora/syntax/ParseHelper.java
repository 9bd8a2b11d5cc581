package agora.syntax;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import agora.diagnostics.Diagnostic;
import agora.diagnostics.Diagnostics;
import java.util.List;
import java.util.stream.Collectors;

/** Parses test snippets and fails with the diagnostics when they do not parse. */
final class ParseHelper {
    static final String FILE = "test.agora";

    private ParseHelper() {
    }

    static ScenarioFile parse(String text) {
        Diagnostics diagnostics = new Diagnostics();
        return ScenarioParser.parse(FILE, text, diagnostics).orElseGet(() -> {
            fail("did not parse:\n" + headlines(diagnostics));
            return null;
        });
    }

    static Statement single(String text) {
        List<Statement> statements = parse(text).statements();
        assertTrue(statements.size() == 1, () -> "expected one statement, got " + statements);
        return statements.get(0);
    }

    /** The headlines of the diagnostics a text that must not parse produces. */
    static List<String> errors(String text) {
        Diagnostics diagnostics = new Diagnostics();
        assertTrue(ScenarioParser.parse(FILE, text, diagnostics).isEmpty(), "parsed unexpectedly");
        return diagnostics.all().stream().map(Diagnostic::headline).toList();
    }

    static String headlines(Diagnostics diagnostics) {
        return diagnostics.all().stream().map(Diagnostic::headline).collect(Collectors.joining("\n"));
    }

    static Expr expr(String text) {
        Statement.ProfileDef p = (Statement.ProfileDef) single("profile x = " + text);
        return p.value();
    }
}
