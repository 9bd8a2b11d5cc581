package agora.examples.peakfee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example plug-in as a user runs it: {@code bin/agora run peak-fee.agora --plugins DIR},
 * with DIR this module's {@code target} folder holding the packaged plug-in jar (an integration
 * test, so it runs after {@code package}). The command line has no plug-in on its class path;
 * only {@code --plugins} can find design 'peakfee'.
 */
class PeakFeeCommandLineIT {
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path AGORA = MODULE.resolve("../../../bin/agora").normalize();

    @TempDir
    Path tmp;

    private record Run(int code, String out, String err) {
    }

    private Run agora(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(AGORA.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(MODULE.toFile())
                .redirectOutput(tmp.resolve("out.txt").toFile())
                .redirectError(tmp.resolve("err.txt").toFile()).start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "bin/agora did not finish");
        return new Run(process.exitValue(), Files.readString(tmp.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(tmp.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void runsThePluggedInDesignFromItsJar() throws Exception {
        Path out = tmp.resolve("results");
        Run run = agora("run", "peak-fee.agora", "--plugins", "target", "--out", out.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("peakfee"), run.out());
        JsonNode design = new ObjectMapper().readTree(out.resolve("summary.json").toFile())
                .get("designs").get("peakfee");
        // the hand-worked answer of PeakFeeDesignTest: welfare -95 $, import 3 MWh, budget balanced
        assertEquals(-95.0, design.get("socialWelfare").asDouble(), 1e-4);
        assertEquals(3.0, design.get("totalImport").asDouble(), 1e-4);
        assertTrue(design.get("budgetMaxImbalance").asDouble() < 1e-4, design.toString());
    }

    @Test
    void withoutThePluginTheDesignIsUnknownAndTheRegisteredOnesAreListed() throws Exception {
        Run run = agora("check", "peak-fee.agora");
        assertEquals(1, run.code(), run.out() + run.err());
        String all = run.out() + run.err();
        assertTrue(all.contains("peakfee") && all.contains("community"), all);
    }
}
