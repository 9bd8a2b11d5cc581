package agora.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    @TempDir
    Path tmp;

    private CliHarness cli() throws IOException {
        return new CliHarness(tmp, TestScenarios.compiled(TestScenarios.twoCommunities("hybrid")));
    }

    @Test
    void runWritesTheReportNextToTheOutputsAndReportRewritesIt() throws IOException {
        CliHarness cli = cli();
        Path out = tmp.resolve("results");
        assertEquals(ExitCodes.OK, cli.run("run", "FILE", "--design", "all", "--out",
                out.toString(), "--report"), cli.err);
        Path report = out.resolve("report.html");
        assertTrue(cli.out.contains("wrote " + report), cli.out);
        String first = Files.readString(report);
        assertTrue(first.contains("\"designs\":[{\"name\":\"full\""), "the data is in the page");

        // a rerun without --report says the report shows the earlier results
        assertEquals(ExitCodes.OK, cli.run("run", "FILE", "--design", "community", "--out",
                out.toString()), cli.err);
        assertTrue(cli.out.contains("note: " + report + " shows the results before this run; "
                + "'agora report " + out + "' updates it"), cli.out);
        assertEquals(first, Files.readString(report));

        assertEquals(ExitCodes.OK, cli.run("report", out.toString()), cli.err);
        assertTrue(cli.out.startsWith("wrote " + report + " ("), cli.out);
        String second = Files.readString(report);
        assertTrue(second.contains("\"designs\":[{\"name\":\"community\""), "the new run's data");
    }

    @Test
    void aReportOfTheUsersOwnIsNeverReplaced() throws IOException {
        CliHarness cli = cli();
        Path out = tmp.resolve("results");
        assertEquals(ExitCodes.OK, cli.run("run", "FILE", "--out", out.toString()), cli.err);
        Files.writeString(out.resolve("report.html"), "<html>my notes</html>");

        assertEquals(ExitCodes.FAILED, cli.run("report", out.toString()));
        assertEquals("cannot write " + out.resolve("report.html") + ": it exists and is not a "
                + "report Agora wrote, so it was left as it is; choose another --out\n", cli.err);
        assertEquals("<html>my notes</html>", Files.readString(out.resolve("report.html")));
    }

    @Test
    void aFolderWithoutAnOutputOrReportWithoutOutAreRefused() throws IOException {
        CliHarness cli = cli();
        assertEquals(ExitCodes.FAILED, cli.run("report", tmp.toString()));
        assertEquals("cannot report " + tmp + ": it holds no summary.json: not an output of "
                + "'agora run --out' or 'agora sweep --out'\n", cli.err);
        assertEquals(ExitCodes.FAILED, cli.run("report", tmp.resolve("nowhere").toString()));
        assertTrue(cli.err.contains("it is not a folder"), cli.err);
        assertEquals(ExitCodes.USAGE, cli.run("run", "FILE", "--report"));
        assertEquals("agora run: --report needs --out DIR: the report is written next to the "
                + "outputs it shows\n", cli.err);
    }
}
