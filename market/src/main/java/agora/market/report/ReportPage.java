package agora.market.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * {@code report.html}: one self-contained page of a run's results, or of a sweep's
 * ({@link SweepReportModel}: the figures against each varied parameter), that opens offline. The
 * data ({@link ReportModel}), the page's script and style and Apache ECharts (unpacked from its WebJar
 * at build time, see market/pom.xml) are all inlined; nothing is fetched.
 */
public final class ReportPage {
    /** The report's file name in an output folder. */
    public static final String FILE = "report.html";
    /** The first line of every report, by which a later report knows it may replace it. */
    static final String FIRST_LINE = "<!DOCTYPE html><!-- Agora report: written by 'agora report' "
            + "or 'agora run --report', replaced by the next one -->";
    /** Same as echarts.version in market/pom.xml. */
    static final String ECHARTS_VERSION = "5.3.1";
    static final String ECHARTS = "/META-INF/resources/webjars/echarts/" + ECHARTS_VERSION
            + "/dist/echarts.min.js";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ReportPage() {
    }

    /**
     * The report of the output in {@code folder}.
     *
     * @throws IOException saying why the folder holds no output the report can read
     */
    public static String of(Path folder) throws IOException {
        JsonNode summary = ReportModel.summary(folder);
        if (SweepReportModel.isSweep(summary)) {
            ObjectNode data = SweepReportModel.read(folder, summary);
            JsonNode s = data.path("scenario");
            int variants = s.path("variants").asInt();
            return page("Agora sweep: " + s.path("name").asText(), s.path("file").asText() + " · "
                    + variants + (variants == 1 ? " variant" : " variants") + " · "
                    + steps(s.path("steps").asInt()) + " from "
                    + s.path("firstTime").asText().replace('T', ' ') + " to "
                    + s.path("lastTime").asText().replace('T', ' ') + " · Agora "
                    + s.path("tool").asText(), data, "sweep-report.js");
        }
        ObjectNode data = ReportModel.read(folder);
        return page("Agora: " + data.path("scenario").path("name").asText(),
                data.path("scenario").path("file").asText() + " · "
                + steps(data.path("scenario").path("steps").asInt()) + " from "
                + data.path("scenario").path("firstTime").asText().replace('T', ' ') + " to "
                + data.path("scenario").path("lastTime").asText().replace('T', ' ') + " · Agora "
                + data.path("scenario").path("tool").asText(), data, "report.js");
    }

    /** The page: its data, the style, ECharts and {@code script}, which draws the sections. */
    private static String page(String heading, String note, ObjectNode data, String script)
            throws IOException {
        String title = escape(heading);
        String subtitle = escape(note);
        // '<' never occurs in JSON outside strings, and \u003c reads back the same inside them,
        // so no text of the data can close the script element
        String json = MAPPER.writeValueAsString(data).replace("<", "\\u003c");
        StringBuilder page = new StringBuilder(json.length() + (1 << 20) + 20_000);
        page.append(FIRST_LINE).append('\n')
                .append("<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(title).append("</title>\n")
                .append("<style>\n").append(resource("report.css")).append("</style>\n")
                .append("</head><body>\n")
                .append("<script>window.agoraErrors = []; window.addEventListener('error', "
                        + "function (e) { window.agoraErrors.push(String(e.message)); });"
                        + "</script>\n")
                .append("<header><h1>").append(title).append("</h1><p>").append(subtitle)
                .append("</p></header>\n<main id=\"sections\"></main>\n")
                .append("<footer>Charts by Apache ECharts ").append(ECHARTS_VERSION)
                .append(" (Apache License 2.0), included in this page.</footer>\n")
                .append("<script type=\"application/json\" id=\"agora-data\">").append(json)
                .append("</script>\n")
                .append("<script>\n").append(scriptText(classpath(ECHARTS))).append("\n</script>\n")
                .append("<script>\n").append(scriptText(resource(script)))
                .append("</script>\n</body></html>\n");
        return page.toString();
    }

    private static String steps(int n) {
        return n + (n == 1 ? " step" : " steps");
    }

    /** True when {@code file} is a report Agora wrote (its first line says so). */
    public static boolean isReport(Path file) {
        byte[] expected = (FIRST_LINE + "\n").getBytes(StandardCharsets.UTF_8);
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return Arrays.equals(in.readNBytes(expected.length), expected);
        } catch (IOException e) {
            return false;
        }
    }

    private static String resource(String name) throws IOException {
        return classpath("/agora/market/report/" + name);
    }

    private static String classpath(String path) throws IOException {
        try (InputStream in = ReportPage.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the build left out " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A script as HTML may hold it: no text in it ends the script element. */
    private static String scriptText(String script) {
        return script.replace("</script", "<\\/script").replace("<!--", "<\\!--");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
