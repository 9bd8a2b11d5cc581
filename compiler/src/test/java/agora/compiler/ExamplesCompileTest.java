package agora.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agora.scenario.Scenario;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExamplesCompileTest {

    static Scenario compile(String example, Map<String, String> overrides) {
        CompileResult result = Compiler.compile(Paths.example(example), overrides);
        assertTrue(result.succeeded(), () -> result.renderDiagnostics());
        return result.scenario().orElseThrow();
    }

    @Test
    void smoke() {
        for (String e : new String[] {"fig2-four-peers.agora", "community.agora", "nested.agora",
            "ieee14/ieee14.agora"}) {
            Scenario s = compile(e, Map.of());
            System.out.println(e + ": " + s.peers().size() + " peers");
        }
    }
}
