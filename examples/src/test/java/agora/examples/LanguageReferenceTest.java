package agora.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agora.compiler.CompileResult;
import agora.compiler.Compiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/LANGUAGE.md stays true to the language: every keyword of the grammar's lexer is on the
 * page, and every example there that declares a scenario compiles without an error.
 */
class LanguageReferenceTest {
    private static final Path PAGE = Repo.root().resolve("docs/LANGUAGE.md");
    private static final Path GRAMMAR = Repo.root().resolve("grammar/src/main/antlr4/agora/syntax/Agora.g4");

    @Test
    void everyKeywordOfTheGrammarIsOnThePage() throws IOException {
        String page = Files.readString(PAGE);
        Matcher keyword = Pattern.compile("(?m)^[A-Z_]+: '([a-z]+)';").matcher(Files.readString(GRAMMAR));
        List<String> missing = new ArrayList<>();
        int keywords = 0;
        while (keyword.find()) {
            keywords++;
            if (!Pattern.compile("\\b" + keyword.group(1) + "\\b").matcher(page).find()) {
                missing.add(keyword.group(1));
            }
        }
        assertTrue(keywords > 40, "the grammar's keywords were not found: " + keywords);
        assertEquals(List.of(), missing, "keywords of Agora.g4 that docs/LANGUAGE.md does not mention");
    }

    @Test
    void everyExampleScenarioOnThePageCompiles() throws IOException {
        Matcher block = Pattern.compile("(?s)```agora\\n(.*?)```").matcher(Files.readString(PAGE));
        int compiled = 0;
        while (block.find()) {
            String text = block.group(1);
            if (!text.contains("scenario \"")) {
                continue;
            }
            compiled++;
            CompileResult r = Compiler.compileText("LANGUAGE.md example " + compiled, text, Map.of(),
                    PAGE.getParent());
            assertTrue(r.succeeded(), () -> "example " + block.group(1) + "\n" + r.renderDiagnostics());
        }
        assertTrue(compiled >= 6, "examples compiled: " + compiled);
    }
}
