package agora.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.regex.Matcher;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;

/**
 * Opens the report of real runs in headless Chromium (Debian's chromium and chromedriver, which
 * .ci/run installs): no console error, every chart has drawn its marks, the Figure 7 selectors
 * change the chart, and a screenshot of the page lands in target/ for a person to look at.
 * Without chromium the test is skipped on a developer's machine and fails in CI.
 */
class ReportBrowserTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Every chart a report of a scenario with collectives and prices has ("lines" with limits). */
    static final List<String> CHARTS = List.of("designs", "bills", "collective-bills", "grid-import",
            "grid-export", "prices", "duration", "fig7", "tree", "graph");
    private static final Duration PAGE_LOAD = Duration.ofSeconds(60);

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
        Assumptions.assumeTrue(present, "chromium or chromedriver is not installed "
                + "(apt-get install chromium chromium-driver)");
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

    private static Path report(String name, List<String> args) throws IOException {
        Path out = dir.resolve(name);
        List<String> command = new ArrayList<>(List.of("run"));
        command.addAll(args);
        command.addAll(List.of("--out", out.toString(), "--report"));
        AgoraCli.Outcome outcome = AgoraCli.run(command);
        assertEquals(0, outcome.exitCode(), outcome::describe);
        Path page = out.resolve("report.html");
        assertTrue(Files.isRegularFile(page), outcome::describe);
        String html = Files.readString(page);
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

    @Test
    void aStreetCommunityStepByStep() throws IOException {
        Path page = report("community", List.of("examples/community.agora", "--design", "all"));
        open(page);
        // the street's feeder has a capacity: its loading is charted too
        List<String> withLines = new ArrayList<>(CHARTS);
        withLines.add("lines");
        assertEquals(withLines, charts());
        for (String chart : withLines) {
            assertTrue(marks(chart) > 0, chart + " drew no marks");
        }
        // a street's day reads in kWh and dollars, not GWh and M$
        String totals = browser.findElement(By.id("totals")).getText();
        assertTrue(totals.contains("Total SW [$]") && totals.contains("Load [kWh]"), totals);

        // Figure 7: another peer, then another design, then a shorter period: the chart follows
        String first = signature("fig7");
        String other = chooseAnotherPeer();
        String second = signature("fig7");
        assertTrue(!first.equals(second), "choosing peer " + other + " did not change Figure 7");
        assertTrue(marks("fig7") > 0);
        new Select(browser.findElement(By.id("fig7-design"))).selectByValue("community");
        String third = signature("fig7");
        assertTrue(!second.equals(third), "choosing the community design did not change Fig. 7");
        new Select(browser.findElement(By.id("fig7-from"))).selectByValue("6");
        new Select(browser.findElement(By.id("fig7-to"))).selectByValue("8");
        assertEquals(3, bars(signature("fig7")), "06:00 to 08:00 shows three steps");
        assertNoErrors();
        screenshot("report-screenshot.png", "community");
    }

    @Test
    void theIeee14BusCaseGroupedByHours() throws IOException {
        // 1,100 half-hours are more than a chart shows one by one: the report groups them by hour
        Path page = report("ieee14", List.of("examples/ieee14/ieee14.agora", "--design", "all",
                "--steps", "1100"));
        open(page);
        assertEquals(CHARTS, charts());
        for (String chart : CHARTS) {
            assertTrue(marks(chart) > 0, chart + " drew no marks");
        }
        assertTrue(browser.findElement(By.id("grid")).getText().contains("Mean of each hour"),
                browser.findElement(By.id("grid")).getText());
        String before = signature("fig7");
        String other = chooseAnotherPeer();
        assertTrue(!before.equals(signature("fig7")), "choosing " + other + " changed nothing");
        assertTrue(marks("fig7") > 0);
        assertNoErrors();
        screenshot("report-ieee14-screenshot.png", "ieee14");
    }

    /** Chooses a peer in Figure 7's selector other than the one shown; returns its name. */
    private static String chooseAnotherPeer() {
        Select peer = new Select(browser.findElement(By.id("fig7-peer")));
        String shown = peer.getFirstSelectedOption().getAttribute("value");
        WebElement other = peer.getOptions().stream()
                .filter(o -> !o.getAttribute("value").equals(shown)).findFirst().orElseThrow();
        String name = other.getAttribute("value");
        peer.selectByValue(name);
        return name;
    }

    /** The points of the first series in a chart's signature. */
    private static int bars(String signature) {
        Matcher m = Pattern.compile("^\\[\\[\"[^\"]*\",\\[([^\\]]*)\\]").matcher(signature);
        assertTrue(m.find(), signature);
        return m.group(1).split(",").length;
    }

    /**
     * The whole page as one image in target/, and each section on its own in
     * target/report-sections/, for a person to look at.
     */
    private static void screenshot(String name, String prefix) throws IOException {
        long height = ((Number) js("return document.documentElement.scrollHeight")).longValue();
        browser.manage().window().setSize(new Dimension(1300, (int) Math.min(height + 40, 16000)));
        js("Object.values(window.agoraCharts).forEach(function (c) { c.resize(); });"
                + "window.scrollTo(0, 0);");
        Path target = Path.of(System.getProperty("basedir", "examples"), "target");
        Path sections = Files.createDirectories(target.resolve("report-sections"));
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(target.resolve(name), png);
        for (WebElement section : browser.findElements(By.tagName("section"))) {
            Files.write(sections.resolve(prefix + "-" + section.getAttribute("id") + ".png"),
                    section.getScreenshotAs(OutputType.BYTES));
        }
        browser.manage().window().setSize(new Dimension(1300, 900));
        assertTrue(png.length > 10_000, "an empty screenshot");
        assertNoErrors();
    }
}
