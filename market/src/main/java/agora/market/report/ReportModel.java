package agora.market.report;

import agora.market.results.DisplayUnits;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The data of the report, read from a run's output folder: {@code summary.json} (totals, the
 * designs' markets) and the CSV files, each read once, row by row, into small aggregates (a
 * year's 2.7 million trades become a few hundred numbers per series). Each chart of the page
 * reads one block of this JSON; a new chart (line loadings, states of charge) adds a block here
 * and a section in {@code report.js}.
 */
final class ReportModel {
    /** Points of a price duration curve. */
    static final int DURATION_POINTS = 200;
    /** Significant digits of the numbers in the page: the charts show no more. */
    static final int DIGITS = 4;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path folder;
    private final JsonNode summary;
    private final List<String> designs = new ArrayList<>();
    private final Set<String> peers = new LinkedHashSet<>();
    private final Buckets buckets;
    private final ObjectNode root = MAPPER.createObjectNode();
    /** Per design, each price's value in each step (for the duration curves), by its label. */
    private final Map<String, Map<String, double[]>> stepPrices = new LinkedHashMap<>();

    private ReportModel(Path folder, JsonNode summary) throws IOException {
        this.folder = folder;
        this.summary = summary;
        summary.path("designs").fieldNames().forEachRemaining(designs::add);
        for (JsonNode p : summary.path("structure").path("peers")) {
            peers.add(p.path("name").asText());
        }
        JsonNode steps = summary.path("options").path("steps");
        double stepHours = summary.path("scenario").path("time").path("stepHours").asDouble();
        LocalDateTime first;
        try {
            first = LocalDateTime.parse(steps.path("firstTime").asText());
        } catch (DateTimeParseException e) {
            throw new IOException("summary.json names no first step (a run of no steps?)");
        }
        buckets = Buckets.choose(steps.path("from").asInt(), steps.path("count").asInt(), first,
                stepHours);
    }

    /**
     * Reads the output in {@code folder}.
     *
     * @throws IOException saying which file is missing or not as {@code agora run} writes it
     */
    static ObjectNode read(Path folder) throws IOException {
        JsonNode summary = summary(folder);
        if (!summary.has("structure")) {
            throw new IOException("its summary.json was written by an older Agora, without the "
                    + "markets of each design; run the scenario again");
        }
        if (!Files.isRegularFile(folder.resolve("steps.csv"))) {
            throw new IOException("steps.csv is missing");
        }
        return new ReportModel(folder, summary).build();
    }

    /**
     * The {@code summary.json} of {@code folder}, checked to be Agora's (of a run or a sweep).
     *
     * @throws IOException when it is missing or not Agora's
     */
    static JsonNode summary(Path folder) throws IOException {
        JsonNode summary;
        try {
            summary = MAPPER.readTree(folder.resolve("summary.json").toFile());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new IOException("it holds no summary.json: not an output of 'agora run --out' "
                    + "or 'agora sweep --out'");
        }
        if (summary == null || !"agora".equals(summary.path("tool").path("name").asText())) {
            throw new IOException("its summary.json was not written by Agora");
        }
        return summary;
    }

    private ObjectNode build() throws IOException {
        JsonNode scenario = summary.path("scenario");
        ObjectNode s = root.putObject("scenario");
        s.put("name", scenario.path("name").asText());
        s.put("file", scenario.path("file").asText());
        s.put("currency", scenario.path("currency").asText());
        s.put("stepHours", scenario.path("time").path("stepHours").asDouble());
        s.put("steps", buckets.steps());
        s.put("firstTime", summary.path("options").path("steps").path("firstTime").asText());
        s.put("lastTime", summary.path("options").path("steps").path("lastTime").asText());
        s.put("tool", summary.path("tool").path("version").asText());
        ObjectNode b = root.putObject("buckets");
        b.put("name", buckets.name());
        b.put("stepsPerGroup", buckets.stepsPerGroup());
        ArrayNode times = b.putArray("times");
        buckets.times().forEach(times::add);
        designs();
        steps();
        collectives();
        trades();
        peers();
        tree();
        lines();
        return root;
    }

    private void designs() {
        ArrayNode list = root.putArray("designs");
        List<double[]> money = new ArrayList<>();
        List<double[]> energy = new ArrayList<>();
        for (String name : designs) {
            JsonNode d = summary.path("designs").path(name);
            ObjectNode node = list.addObject().put("name", name);
            ObjectNode totals = node.putObject("totals");
            String[][] keys = {{"welfare", "socialWelfare"}, {"importCost", "importCost"},
                    {"exportRevenue", "exportRevenue"}, {"load", "totalLoad"},
                    {"import", "totalImport"}, {"export", "totalExport"},
                    {"exchange", "exchangeBetweenCollectives"}, {"fees", "fees"}};
            for (String[] k : keys) {
                JsonNode value = d.path(k[1]);
                if (value.isNumber()) {
                    totals.put(k[0], value.asDouble());
                } else {
                    totals.putNull(k[0]); // no step solved: JSON has no NaN
                }
            }
            node.put("failedSteps", d.path("failedSteps").asInt());
            node.put("solver", d.path("solve").path("solver").asText());
            node.put("wallSeconds", d.path("solve").path("wallSeconds").asDouble());
            money.add(new double[] {total(totals, "welfare"), total(totals, "importCost"),
                    total(totals, "exportRevenue")});
            energy.add(new double[] {total(totals, "load"), total(totals, "import"),
                    total(totals, "export"), total(totals, "exchange")});
        }
        DisplayUnits units = DisplayUnits.of(summary.path("scenario").path("currency").asText(),
                money.stream().flatMapToDouble(Arrays::stream).toArray(),
                energy.stream().flatMapToDouble(Arrays::stream).toArray());
        root.putObject("units").put("money", units.money()).put("perCurrency", units.perCurrency())
                .put("energy", units.energy()).put("perMwh", units.perMwh());
    }

    private static double total(JsonNode totals, String key) {
        JsonNode value = totals.get(key);
        return value.isNumber() ? value.asDouble() : Double.NaN;
    }

    /** Grid import and export as mean power (MW) per group, with the least and largest step. */
    private void steps() throws IOException {
        int n = designs.size();
        Band[] imports = bands(n);
        Band[] exports = bands(n);
        double hours = buckets.stepHours();
        CsvRows.read(folder.resolve("steps.csv"), List.of("step", "design", "import_mwh",
                "export_mwh"), row -> {
            int d = designs.indexOf(row.text("design"));
            int g = buckets.of(row.integer("step"));
            if (d >= 0) {
                imports[d].add(g, row.number("import_mwh") / hours);
                exports[d].add(g, row.number("export_mwh") / hours);
            }
        });
        ObjectNode grid = root.putObject("grid");
        double largest = 0;
        for (int d = 0; d < n; d++) {
            ObjectNode design = grid.putObject(designs.get(d));
            design.set("import", band(imports[d]));
            design.set("export", band(exports[d]));
            largest = Math.max(largest, Math.max(maxOf(imports[d].max()), maxOf(exports[d].max())));
        }
        ((ObjectNode) root.get("units")).put("power", largest >= 1 || largest == 0 ? "MW" : "kW")
                .put("perMw", largest >= 1 || largest == 0 ? 1 : 1e3);
    }

    private void collectives() throws IOException {
        Path file = folder.resolve("collectives.csv");
        Map<String, Map<String, Band>> prices = new LinkedHashMap<>();
        designs.forEach(d -> {
            prices.put(d, new LinkedHashMap<>());
            stepPrices.put(d, new LinkedHashMap<>());
        });
        CsvRows.read(file, List.of("step", "design", "collective"), row -> {
            if (!row.has("price_per_mwh") || !prices.containsKey(row.text("design"))) {
                return;
            }
            double price = row.number("price_per_mwh");
            if (Double.isNaN(price)) {
                return;
            }
            String label = row.text("collective");
            String design = row.text("design");
            int step = row.integer("step");
            prices.get(design).computeIfAbsent(label, k -> new Band(buckets.count()))
                    .add(buckets.of(step), price);
            double[] perStep = stepPrices.get(design).computeIfAbsent(label, k -> nans());
            int offset = step - buckets.firstStep();
            if (offset >= 0 && offset < perStep.length) {
                perStep[offset] = price;
            }
        });
        ObjectNode node = root.putObject("prices");
        prices.forEach((design, bands) -> {
            ObjectNode d = node.putObject(design);
            bands.forEach((label, band) -> d.set(label, band(band)));
        });
    }

    /**
     * Trades: the energy-weighted bilateral price of each step, each peer's trades per partner
     * and group (Figure 7 of the paper), the energy along each pair of the trading graph.
     */
    private void trades() throws IOException {
        int n = designs.size();
        double[][] priceEnergy = new double[n][buckets.steps()];
        double[][] energy = new double[n][buckets.steps()];
        List<Map<String, Map<String, double[]>>> partners = new ArrayList<>();
        List<Map<String, Double>> pairs = new ArrayList<>();
        List<Set<String>> unpriced = new ArrayList<>();
        for (int d = 0; d < n; d++) {
            partners.add(new LinkedHashMap<>());
            pairs.add(new LinkedHashMap<>());
            unpriced.add(unpricedConnections(designs.get(d)));
        }
        CsvRows.read(folder.resolve("trades.csv"), List.of("step", "design", "market", "kind",
                "seller", "buyer", "energy_mwh", "price_per_mwh"), row -> {
            int d = designs.indexOf(row.text("design"));
            int step = row.integer("step");
            int g = buckets.of(step);
            if (d < 0 || g < 0) {
                return;
            }
            String seller = row.text("seller");
            String buyer = row.text("buyer");
            String market = row.text("market");
            double e = row.number("energy_mwh");
            boolean bilateral = row.text("kind").equals("bilateral");
            if (bilateral && !unpriced.get(d).contains(seller + "\u0000" + buyer)) {
                priceEnergy[d][step - buckets.firstStep()] += e * row.number("price_per_mwh");
                energy[d][step - buckets.firstStep()] += e;
            }
            String pair = seller.compareTo(buyer) < 0 ? seller + "\u0000" + buyer
                    : buyer + "\u0000" + seller;
            pairs.get(d).merge(pair, e, Double::sum);
            if (peers.contains(seller)) {
                partner(partners.get(d), seller, bilateral ? buyer : poolSide(buyer, market))[g] += e;
            }
            if (peers.contains(buyer)) {
                partner(partners.get(d), buyer, bilateral ? seller : poolSide(seller, market))[g] -= e;
            }
        });
        ObjectNode prices = (ObjectNode) root.get("prices");
        ObjectNode fig7 = root.putObject("fig7");
        ObjectNode graph = root.putObject("graph");
        for (int d = 0; d < n; d++) {
            String design = designs.get(d);
            Band band = new Band(buckets.count());
            double[] perStep = nans();
            for (int k = 0; k < buckets.steps(); k++) {
                if (energy[d][k] > 0) {
                    perStep[k] = priceEnergy[d][k] / energy[d][k];
                    band.add(k / buckets.stepsPerGroup(), perStep[k]);
                }
            }
            if (!band.isEmpty()) {
                ObjectNode designPrices = prices.has(design) ? (ObjectNode) prices.get(design)
                        : prices.putObject(design);
                designPrices.set("bilateral mean", band(band));
                stepPrices.get(design).put("bilateral mean", perStep);
            }
            ObjectNode peerNode = fig7.putObject(design);
            for (String peer : peers) {
                Map<String, double[]> byPartner = partners.get(d).get(peer);
                if (byPartner == null) {
                    continue;
                }
                ObjectNode p = peerNode.putObject(peer);
                byPartner.forEach((partner, values) -> {
                    if (Arrays.stream(values).anyMatch(v -> v != 0)) {
                        p.set(partner, numbers(values));
                    }
                });
            }
            graph.set(design, graph(pairs.get(d)));
        }
        ObjectNode duration = root.putObject("duration");
        stepPrices.forEach((design, byLabel) -> {
            ObjectNode node = duration.putObject(design);
            byLabel.forEach((label, values) -> node.set(label, durationCurve(values)));
        });
    }

    /**
     * The links of a design that carry no price of their own: between a pool that settles with
     * the grid at the grid's prices and that grid, both ways round.
     */
    private Set<String> unpricedConnections(String design) {
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode m : summary.path("structure").path("markets").path(design)) {
            String grid = m.path("settlesWith").asText(null);
            if (grid != null) {
                String pool = m.path("name").asText();
                out.add(pool + "\u0000" + grid);
                out.add(grid + "\u0000" + pool);
            }
        }
        return out;
    }

    /** The partner of a pool trade: the pool itself, or the outside reached through it. */
    private static String poolSide(String other, String market) {
        return other.equals(market) ? "pool " + market : "outside via " + market;
    }

    private double[] partner(Map<String, Map<String, double[]>> byPeer, String peer,
                             String partner) {
        return byPeer.computeIfAbsent(peer, k -> new LinkedHashMap<>())
                .computeIfAbsent(partner, k -> new double[buckets.count()]);
    }

    /** Nodes (peers by kind, collectives, the root market) and edges with their energy. */
    private ObjectNode graph(Map<String, Double> pairs) {
        Map<String, String> category = new LinkedHashMap<>();
        for (JsonNode p : summary.path("structure").path("peers")) {
            category.put(p.path("name").asText(), p.path("kind").asText());
        }
        for (JsonNode c : summary.path("structure").path("collectives")) {
            category.put(c.path("name").asText(), "collective");
        }
        ObjectNode node = MAPPER.createObjectNode();
        ArrayNode edges = node.putArray("edges");
        Set<String> used = new LinkedHashSet<>();
        pairs.forEach((pair, mwh) -> {
            if (mwh <= 0) {
                return;
            }
            String[] ends = pair.split("\u0000");
            used.add(ends[0]);
            used.add(ends[1]);
            edges.addObject().put("source", ends[0]).put("target", ends[1])
                    .put("mwh", round(mwh));
        });
        ArrayNode nodes = node.putArray("nodes");
        Set<String> all = new LinkedHashSet<>(peers);
        all.addAll(used);
        for (String name : all) {
            nodes.addObject().put("name", name)
                    .put("category", category.getOrDefault(name, "market"));
        }
        return node;
    }

    /**
     * The loading of each limited line (percent of its capacity) per group, when the run has
     * limited lines (lines.csv has rows); nothing otherwise. A file of an Agora before line
     * limits has no lines.csv: nothing either.
     */
    private void lines() throws IOException {
        Path file = folder.resolve("lines.csv");
        if (!Files.isRegularFile(file)) {
            return;
        }
        Map<String, Map<String, Band>> loadings = new LinkedHashMap<>();
        CsvRows.read(file, List.of("step", "design", "line", "loading_pct"), row -> {
            if (!designs.contains(row.text("design"))) {
                return;
            }
            loadings.computeIfAbsent(row.text("design"), k -> new LinkedHashMap<>())
                    .computeIfAbsent(row.text("line"), k -> new Band(buckets.count()))
                    .add(buckets.of(row.integer("step")), row.number("loading_pct"));
        });
        if (loadings.isEmpty()) {
            return;
        }
        ObjectNode node = root.putObject("lines");
        loadings.forEach((design, byLine) -> {
            ObjectNode d = node.putObject(design);
            byLine.forEach((line, band) -> d.set(line, band(band)));
        });
    }

    /** Bills: each peer's energy, own cost and payments over the run, and each collective's. */
    private void peers() throws IOException {
        int n = designs.size();
        List<Map<String, double[]>> sums = new ArrayList<>();
        for (int d = 0; d < n; d++) {
            Map<String, double[]> byPeer = new LinkedHashMap<>();
            peers.forEach(p -> byPeer.put(p, new double[3]));
            sums.add(byPeer);
        }
        CsvRows.read(folder.resolve("peers.csv"), List.of("design", "peer", "energy_mwh", "cost",
                "payment"), row -> {
            int d = designs.indexOf(row.text("design"));
            double[] sum = d < 0 ? null : sums.get(d).get(row.text("peer"));
            if (sum != null) {
                sum[0] += row.number("energy_mwh");
                sum[1] += row.number("cost");
                sum[2] += row.number("payment");
            }
        });
        ObjectNode bills = root.putObject("bills");
        ObjectNode byPeer = bills.putObject("peers");
        ObjectNode byCollective = bills.putObject("collectives");
        Map<String, List<String>> members = members();
        for (int d = 0; d < n; d++) {
            Map<String, double[]> design = sums.get(d);
            ArrayNode list = byPeer.putArray(designs.get(d));
            design.forEach((peer, s) -> list.addObject().put("name", peer)
                    .put("energy", round(s[0])).put("cost", round(s[1])).put("payment", round(s[2])));
            ArrayNode collectives = byCollective.putArray(designs.get(d));
            members.forEach((collective, inside) -> {
                double[] total = new double[3];
                for (String peer : inside) {
                    double[] s = design.get(peer);
                    for (int k = 0; s != null && k < 3; k++) {
                        total[k] += s[k];
                    }
                }
                collectives.addObject().put("name", collective).put("energy", round(total[0]))
                        .put("cost", round(total[1])).put("payment", round(total[2]));
            });
        }
    }

    /** Every collective's peers, those of the collectives inside it included. */
    private Map<String, List<String>> members() {
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        for (JsonNode c : summary.path("structure").path("collectives")) {
            byName.put(c.path("name").asText(), c);
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String name : byName.keySet()) {
            List<String> peerNames = new ArrayList<>();
            List<String> open = new ArrayList<>(List.of(name));
            Set<String> seen = new LinkedHashSet<>();
            while (!open.isEmpty()) {
                JsonNode c = byName.get(open.remove(open.size() - 1));
                if (c == null || !seen.add(c.path("name").asText())) {
                    continue;
                }
                c.path("peers").forEach(p -> peerNames.add(p.asText()));
                c.path("collectives").forEach(i -> open.add(i.asText()));
            }
            out.put(name, peerNames);
        }
        return out;
    }

    /** Each design's tree of markets: the root market, its participants, the collectives' own. */
    private void tree() {
        ObjectNode trees = root.putObject("tree");
        JsonNode markets = summary.path("structure").path("markets");
        for (String design : designs) {
            Map<String, JsonNode> byName = new LinkedHashMap<>();
            for (JsonNode m : markets.path(design)) {
                byName.put(m.path("name").asText(), m);
            }
            JsonNode first = markets.path(design).path(0);
            if (!first.isMissingNode()) {
                trees.set(design, treeNode(first, byName, 0));
            }
        }
    }

    private ObjectNode treeNode(JsonNode market, Map<String, JsonNode> byName, int depth) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("name", market.path("name").asText() + " (" + market.path("clearing").asText()
                + ")");
        ArrayNode children = node.putArray("children");
        for (JsonNode p : market.path("participants")) {
            String role = p.path("role").asText();
            JsonNode inner = byName.get(p.path("name").asText());
            if (role.equals("collective") && inner != null && depth < 64) {
                children.add(treeNode(inner, byName, depth + 1));
            } else if (!role.equals("manager")) {
                children.addObject().put("name", p.path("name").asText());
            }
        }
        return node;
    }

    private Band[] bands(int n) {
        Band[] out = new Band[n];
        for (int i = 0; i < n; i++) {
            out[i] = new Band(buckets.count());
        }
        return out;
    }

    private double[] nans() {
        double[] out = new double[buckets.steps()];
        Arrays.fill(out, Double.NaN);
        return out;
    }

    private static ObjectNode band(Band band) {
        ObjectNode node = MAPPER.createObjectNode();
        node.set("mean", numbers(band.mean()));
        node.set("min", numbers(band.min()));
        node.set("max", numbers(band.max()));
        return node;
    }

    /** The values sorted from the largest down, {@link #DURATION_POINTS} of them at most. */
    static ArrayNode durationCurve(double[] values) {
        double[] sorted = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        ArrayNode out = MAPPER.createArrayNode();
        int points = Math.min(DURATION_POINTS, sorted.length);
        for (int i = 0; i < points; i++) {
            int index = points == 1 ? 0 : (int) Math.round((double) i * (sorted.length - 1)
                    / (points - 1));
            out.add(round(sorted[sorted.length - 1 - index]));
        }
        return out;
    }

    private static double maxOf(double[] values) {
        return Arrays.stream(values).filter(Double::isFinite).map(Math::abs).max().orElse(0);
    }

    static ArrayNode numbers(double[] values) {
        ArrayNode out = MAPPER.createArrayNode();
        for (double v : values) {
            if (Double.isFinite(v)) {
                out.add(round(v));
            } else {
                out.addNull();
            }
        }
        return out;
    }

    /** {@code v} to {@link #DIGITS} significant digits. */
    static double round(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return 0;
        }
        double scale = Math.pow(10, DIGITS - 1 - Math.floor(Math.log10(Math.abs(v))));
        double rounded = Math.round(v * scale) / scale;
        return rounded == 0 ? 0 : rounded; // never -0
    }
}
