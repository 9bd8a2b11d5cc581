package agora.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;

/**
 * The report of real sweeps ({@code agora sweep --out}, then {@code agora report}) in headless
 * Chromium, as examples' ReportBrowserTest opens a run's: no console error, every chart drew its
 * marks, the numbers in the page are those of seeds.csv, and a screenshot lands in target/.
 * Without chromium the test is skipped on a developer's machine and fails in CI.
 */
class SweepReportBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration PAGE_LOAD = Duration.ofSeconds(60);
    private static final String FILE = SweepHarness.IEEE14.toString();

    private static ChromeDriver browser;

    @TempDir
    static Path dir;

    @BeforeAll
    static void startBrowser() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present && System.getenv("CI") != null) {
            fail("chromium and chromedriver are needed (apt-get install chromium chromium-driver; "
                    + ".ci/run installs them)");
        }
        Assumptions.assumeTrue(present, "chromium or chromedriver is not installed");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--window-size=1300,900");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(PAGE_LOAD).scriptTimeout(PAGE_LOAD);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void feesTimesSeedsShowEachFigureAgainstTheFeeWithTheSeedRunsBand() throws IOException {
        Path out = dir.resolve("fees");
        SweepHarness.Result sweep = SweepHarness.sweep(FILE, "--vary", "fee_scale=0,1,2", "--seeds", "1..4",
                "--design", "full,community,hybrid", "--steps", "24", "--master", "local[2]",
                "--out", out.toString());
        assertEquals(0, sweep.exit(), sweep.err());
        Path page = report(out);
        open(page);
        List<String> charts = List.of("welfare-fee_scale", "grid-fee_scale", "exchange-fee_scale",
                "money-fee_scale");
        assertEquals(charts, charts());
        for (String chart : charts) {
            assertTrue(marks(chart) > 0, chart + " drew no marks");
        }
        // the page's numbers are seeds.csv's: hybrid's welfare at fee_scale=2 over the 4 seed runs
        Map<String, String> stats = SweepHarness.csv(out.resolve("seeds.csv")).stream()
                .filter(r -> r.get("fee_scale").equals("2") && r.get("design").equals("hybrid")
                        && r.get("figure").equals("welfare")).findFirst().orElseThrow();
        JsonNode data = data();
        JsonNode point = null;
        for (JsonNode p : data.path("points")) {
            if (p.path("design").asText().equals("hybrid") && p.path("values").path(0).asText().equals("2")) {
                point = p;
            }
        }
        assertTrue(point != null, data.toString());
        assertEquals(4, point.path("runs").asInt());
        for (String stat : List.of("mean", "p5", "p95")) {
            double expected = Double.parseDouble(stats.get(stat));
            assertEquals(expected, point.path(stat).path("welfare").asDouble(), 1e-3 * Math.abs(expected), stat);
        }
        assertTrue(point.path("p5").path("welfare").asDouble() < point.path("p95").path("welfare").asDouble(),
                point.toString());
        // the band is drawn: the welfare chart has the mean and the band's two series per design
        assertEquals(9, seriesCount("welfare-fee_scale"));
        String table = browser.findElement(By.id("sweep-table")).getText();
        assertTrue(table.contains("fee_scale") && table.contains("hybrid"), table);
        assertNoErrors();
        screenshot("sweep-report-screenshot.png", "sweep-fees");
    }

    @Test
    void seedRunsAloneShowTheDesignsSideBySide() throws IOException {
        Path seedsOnly = dir.resolve("seeds");
        SweepHarness.Result sweep = SweepHarness.sweep(FILE, "--seeds", "1..3", "--design", "all",
                "--steps", "12", "--master", "local[2]", "--out", seedsOnly.toString());
        assertEquals(0, sweep.exit(), sweep.err());
        open(report(seedsOnly));
        List<String> charts = List.of("welfare-designs", "grid-designs", "exchange-designs", "money-designs");
        assertEquals(charts, charts());
        for (String chart : charts) {
            assertTrue(marks(chart) > 0, chart + " drew no marks");
        }
        assertNoErrors();
        screenshot("sweep-report-seeds-screenshot.png", "sweep-seeds");

    }

    @Test
    void withTwoVariedParametersEachSectionHoldsTheOtherAtTheValueChosen() throws IOException {
        Path file = dir.resolve("two.agora");
        Files.writeString(file, """
                scenario "two peers"
                param need = 1 MW
                param offer = 20 $/MWh
                time from 2019-01-01 00:00 step 1 h count 2
                producer p1 { bounds = need .. 10 MW; cost = offer * p }
                consumer d1 { bounds = -3 MW .. 0 MW; cost = 0.1 $/MW²h * p² + 60 $/MWh * p }
                market { design full solve centralized with ipm }
                """);
        Path out = dir.resolve("two");
        SweepHarness.Result sweep = SweepHarness.sweep(file.toString(), "--vary", "need=1 MW,2 MW",
                "--vary", "offer=10 $/MWh,20 $/MWh", "--master", "local[1]", "--out", out.toString());
        assertEquals(0, sweep.exit(), sweep.err());
        open(report(out));
        assertEquals(List.of("welfare-need", "grid-need", "exchange-need", "money-need", "welfare-offer",
                "grid-offer", "exchange-offer", "money-offer"), charts());
        String cheap = signature("welfare-need");
        // 3 MW sold at 10 $/MWh to a consumer who values them at 60 - 0.1 * 3: welfare 2 (180 - 0.9 - 30)
        assertTrue(cheap.contains("298.2"), cheap);
        new Select(browser.findElement(By.id("param-0-hold-offer"))).selectByValue("20 $/MWh");
        String dear = signature("welfare-need");
        assertNotEquals(cheap, dear);
        assertTrue(dear.contains("238.2"), dear); // 2 (180 - 0.9 - 60)
        assertTrue(marks("welfare-need") > 0);
        assertNoErrors();
    }

    private static Path report(Path out) throws IOException {
        SweepHarness.Result r = SweepHarness.agora("report", out.toString());
        assertEquals(0, r.exit(), r.err());
        Path page = out.resolve("report.html");
        assertTrue(Files.isRegularFile(page), r.out());
        String html = Files.readString(page);
        assertTrue(html.contains("Agora sweep: "), "not the sweep's report");
        // self-contained: nothing is fetched from anywhere
        assertFalse(Pattern.compile("<script[^>]+src=|<link[^>]+href=|https?://(?!www\\.apache|"
                + "specs\\.)").matcher(html.replaceAll("(?s)<script>.*?</script>", "")).find(),
                "the page refers to something outside it");
        return page;
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private static void open(Path page) {
        browser.get(page.toUri().toString());
        long deadline = System.nanoTime() + PAGE_LOAD.toNanos();
        while (!Boolean.TRUE.equals(js("return window.agoraReady === true"))) {
            assertTrue(System.nanoTime() < deadline, "the report did not finish drawing");
            assertNoErrors();
        }
    }

    private static JsonNode data() throws IOException {
        return new ObjectMapper().readTree((String) js(
                "return document.getElementById('agora-data').textContent"));
    }

    private static void assertNoErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.WARNING.intValue()) {
                errors.add(e.getLevel() + " " + e.getMessage());
            }
        }
        Object pageErrors = js("return window.agoraErrors || []");
        if (pageErrors instanceof List<?> list) {
            list.forEach(m -> errors.add("error " + m));
        }
        assertEquals(List.of(), errors, "console errors in the report");
    }

    @SuppressWarnings("unchecked")
    private static List<String> charts() {
        return (List<String>) js("return Object.keys(window.agoraCharts)");
    }

    private static long marks(String chart) {
        return ((Number) js("return window.agoraMarks(arguments[0])", chart)).longValue();
    }

    private static String signature(String chart) {
        return (String) js("return window.agoraSignature(arguments[0])", chart);
    }

    private static long seriesCount(String chart) {
        return ((Number) js("return window.agoraCharts[arguments[0]].getOption().series.length", chart))
                .longValue();
    }

    /** The whole page as one image in target/, and each section in target/report-sections/. */
    private static void screenshot(String name, String prefix) throws IOException {
        long height = ((Number) js("return document.documentElement.scrollHeight")).longValue();
        browser.manage().window().setSize(new Dimension(1300, (int) Math.min(height + 40, 16000)));
        js("Object.values(window.agoraCharts).forEach(function (c) { c.resize(); });"
                + "window.scrollTo(0, 0);");
        Path target = Path.of(System.getProperty("basedir", "sweep"), "target");
        Path sections = Files.createDirectories(target.resolve("report-sections"));
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(target.resolve(name), png);
        for (var section : browser.findElements(By.tagName("section"))) {
            Files.write(sections.resolve(prefix + "-" + section.getAttribute("id") + ".png"),
                    section.getScreenshotAs(OutputType.BYTES));
        }
        browser.manage().window().setSize(new Dimension(1300, 900));
        assertTrue(png.length > 10_000, "an empty screenshot");
        assertNoErrors();
    }
}
