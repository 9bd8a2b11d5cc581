package agora.market.report;

import agora.market.results.DisplayUnits;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The data of a sweep's report, read from the folder {@code agora sweep --out} wrote: the
 * figures of {@code sweep.csv} per combination of the varied values and design, and with
 * {@code --seeds} the mean and the 5th and 95th percentiles over the seed runs from
 * {@code seeds.csv} (computed by the sweep; the report does not compute statistics of its own).
 */
final class SweepReportModel {
    /** The figures charted against each varied parameter: sweep.csv's column, label, kind. */
    static final List<String[]> FIGURES = List.of(
            new String[] {"welfare", "Total social welfare", "money"},
            new String[] {"grid_import_mwh", "Grid import", "energy"},
            new String[] {"grid_export_mwh", "Grid export", "energy"},
            new String[] {"exchange_mwh", "Exchange between collectives", "energy"},
            new String[] {"import_cost", "Import cost", "money"},
            new String[] {"export_revenue", "Export revenue", "money"});
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private SweepReportModel() {
    }

    /** True when {@code summary} is the manifest of a sweep's folder. */
    static boolean isSweep(JsonNode summary) {
        return "sweep".equals(summary.path("command").asText());
    }

    /**
     * Reads the sweep's output in {@code folder}, whose {@code summary.json} is {@code summary}.
     *
     * @throws IOException saying which file is missing or not as {@code agora sweep} writes it
     */
    static ObjectNode read(Path folder, JsonNode summary) throws IOException {
        List<String> varied = new ArrayList<>();
        summary.path("varied").fieldNames().forEachRemaining(varied::add);
        boolean seeds = summary.has("seeds");
        JsonNode first = MAPPER.readTree(existing(folder.resolve("variant-1.json")).toFile());
        ObjectNode root = MAPPER.createObjectNode();
        JsonNode scenario = first.path("scenario");
        JsonNode steps = first.path("options").path("steps");
        root.putObject("scenario").put("name", scenario.path("name").asText())
                .put("file", summary.path("scenario").asText())
                .put("currency", scenario.path("currency").asText())
                .put("steps", steps.path("count").asInt())
                .put("firstTime", steps.path("firstTime").asText())
                .put("lastTime", steps.path("lastTime").asText())
                .put("tool", summary.path("tool").path("version").asText())
                .put("variants", summary.path("variants").asInt());
        ArrayNode variedNode = root.putArray("varied");
        for (String name : varied) {
            ObjectNode v = variedNode.addObject().put("name", name);
            ArrayNode values = v.putArray("values");
            summary.path("varied").path(name).forEach(values::add);
        }
        if (seeds) {
            root.putObject("seeds").put("from", summary.path("seeds").path("from").asInt())
                    .put("to", summary.path("seeds").path("to").asInt());
        }
        ArrayNode figures = root.putArray("figures");
        for (String[] f : FIGURES) {
            figures.addObject().put("key", f[0]).put("label", f[1]).put("kind", f[2]);
        }
        Set<String> designs = new LinkedHashSet<>();
        ArrayNode points = root.putArray("points");
        List<Double> money = new ArrayList<>();
        List<Double> energy = new ArrayList<>();
        if (seeds) {
            seedPoints(folder, varied, designs, points);
        } else {
            runPoints(folder, varied, designs, points);
        }
        for (JsonNode p : points) {
            for (String[] f : FIGURES) {
                (f[2].equals("money") ? money : energy).add(p.path("mean").path(f[0]).asDouble());
            }
        }
        ArrayNode designList = root.putArray("designs");
        designs.forEach(designList::add);
        root.put("failedRows", failedRows(folder));
        DisplayUnits units = DisplayUnits.of(scenario.path("currency").asText(),
                money.stream().mapToDouble(Double::doubleValue).toArray(),
                energy.stream().mapToDouble(Double::doubleValue).toArray());
        root.putObject("units").put("money", units.money()).put("perCurrency", units.perCurrency())
                .put("energy", units.energy()).put("perMwh", units.perMwh());
        return root;
    }

    /** One point per row of sweep.csv: its figures as the mean (there is one run). */
    private static void runPoints(Path folder, List<String> varied, Set<String> designs,
                                  ArrayNode points) throws IOException {
        List<String> required = new ArrayList<>(varied);
        required.add("design");
        FIGURES.forEach(f -> required.add(f[0]));
        CsvRows.read(existing(folder.resolve("sweep.csv")), required, row -> {
            ObjectNode p = point(points, row, varied, designs);
            p.put("runs", 1);
            ObjectNode mean = p.putObject("mean");
            for (String[] f : FIGURES) {
                putNumber(mean, f[0], row.number(f[0]));
            }
        });
    }

    /** One point per combination of the varied values and design: mean, p5, p95 over the seeds. */
    private static void seedPoints(Path folder, List<String> varied, Set<String> designs,
                                   ArrayNode points) throws IOException {
        List<String> required = new ArrayList<>(varied);
        required.addAll(List.of("design", "figure", "runs", "mean", "p5", "p95"));
        Map<String, ObjectNode> byKey = new LinkedHashMap<>();
        Set<String> wanted = new LinkedHashSet<>();
        FIGURES.forEach(f -> wanted.add(f[0]));
        CsvRows.read(existing(folder.resolve("seeds.csv")), required, row -> {
            if (!wanted.contains(row.text("figure"))) {
                return;
            }
            StringBuilder key = new StringBuilder(row.text("design"));
            for (String name : varied) {
                key.append('\u0000').append(row.text(name));
            }
            ObjectNode p = byKey.get(key.toString());
            if (p == null) {
                p = point(points, row, varied, designs);
                p.put("runs", row.integer("runs"));
                p.putObject("mean");
                p.putObject("p5");
                p.putObject("p95");
                byKey.put(key.toString(), p);
            }
            String figure = row.text("figure");
            for (String stat : List.of("mean", "p5", "p95")) {
                putNumber((ObjectNode) p.get(stat), figure, row.number(stat));
            }
        });
    }

    private static ObjectNode point(ArrayNode points, CsvRows.Row row, List<String> varied,
                                    Set<String> designs) throws IOException {
        ObjectNode p = points.addObject();
        ArrayNode values = p.putArray("values");
        for (String name : varied) {
            values.add(row.text(name));
        }
        String design = row.text("design");
        designs.add(design);
        p.put("design", design);
        return p;
    }

    /** Rows of sweep.csv with steps that did not solve. */
    private static int failedRows(Path folder) throws IOException {
        int[] failed = {0};
        CsvRows.read(folder.resolve("sweep.csv"), List.of("failed_steps"), row -> {
            if (row.integer("failed_steps") > 0) {
                failed[0]++;
            }
        });
        return failed[0];
    }

    private static void putNumber(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, ReportModel.round(value));
        } else {
            node.putNull(key); // a design none of whose steps solved: JSON has no NaN
        }
    }

    private static Path existing(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file.getFileName() + " is missing");
        }
        return file;
    }
}
