package agora.cli;

import agora.market.report.ReportPage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code agora report OUT_DIR}: the HTML report of a run's (or a sweep's) output folder. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write report.html into the output folder of 'agora run --out': one "
                + "self-contained page with the designs side by side, bills, time series of "
                + "grid import, export and prices, price duration curves, one peer's trades per "
                + "partner (Fig. 7), the collectives and the trading graph. It opens offline. "
                + "Of the folder of 'agora sweep --out': the figures of every design against "
                + "each varied parameter, with the seed runs' 5th to 95th percentiles.",
                "Exit status: 0 written, 1 errors, 2 usage, 3 internal."})
final class ReportCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(paramLabel = "OUT_DIR", description = "the folder 'agora run --out' or "
            + "'agora sweep --out' wrote")
    Path folder;

    ReportCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Path file = write(folder);
        ctx.out().println("wrote " + file + " (" + Describe.bytes(sizeOf(file)) + ")");
        ctx.out().flush();
        return ExitCodes.OK;
    }

    /**
     * Writes the report of the output in {@code folder}; replaces only an earlier report.
     *
     * @throws UserError when the folder holds no output of a run, or the page cannot be written
     */
    static Path write(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new UserError("cannot report " + folder + ": it is not a folder (give the "
                    + "folder of 'agora run --out' or 'agora sweep --out')");
        }
        String page;
        try {
            page = ReportPage.of(folder);
        } catch (IOException e) {
            throw new UserError("cannot report " + folder + ": " + e.getMessage(), e);
        }
        Path file = folder.resolve(ReportPage.FILE);
        AtomicFile.write(file, page, ReportPage::isReport, "a report Agora wrote");
        return file;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
