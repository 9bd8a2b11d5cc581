package agora.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScenarioArgsTest {

    @Test
    void existingRelativePathsBecomeAbsoluteOtherValuesStayAsTyped() {
        ScenarioArgs args = new ScenarioArgs();
        args.params.put("data_dir", "src"); // the cli module's src folder: tests run in cli/
        args.params.put("label", "no/such/folder");
        args.params.put("empty", "");
        args.params.put("absolute", "/tmp");

        var resolved = args.compilerParams();

        assertEquals(Path.of("src").toAbsolutePath().normalize().toString(), resolved.get("data_dir"));
        assertEquals("no/such/folder", resolved.get("label"));
        assertEquals("", resolved.get("empty"));
        assertEquals("/tmp", resolved.get("absolute"));
    }
}
