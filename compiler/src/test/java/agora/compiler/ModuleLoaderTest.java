package agora.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModuleLoaderTest {

    @Test
    void listsTheStandardModulesOnTheClassPath() {
        assertEquals(List.of("ieee14", "peers", "profiles", "units"),
                List.copyOf(ModuleLoader.standardModules()));
    }
}
