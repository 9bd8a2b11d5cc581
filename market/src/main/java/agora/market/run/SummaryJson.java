package agora.market.run;

import agora.market.Market;
import agora.market.MarketTree;
import agora.market.Participant;
import agora.market.StepOutcome.TradeAllocation;
import agora.market.TradeLink;
import agora.market.results.DesignTotals;
import agora.market.results.SiblingExchange;
import agora.market.results.SolveSummary;
import agora.market.results.StorageTotals;
import agora.scenario.Collective;
import agora.scenario.Peer;
import agora.scenario.Scenario;
import agora.solver.SolveStatus;
import agora.solver.SolverOptions;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds {@code summary.json}: per-design totals and solve statistics, and how to repeat the run. */
public final class SummaryJson {
    /** Failed steps listed one by one in the summary, at most (all are in steps.csv). */
    static final int MAX_LISTED_FAILURES = 100;
    public static final String ENERGY_CONVENTION = "energy = MW × Δt";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT);

    private SummaryJson() {
    }

    static void write(OutputStream out, Scenario scenario, RunSettings settings,
                      List<DesignReport> reports, List<MarketTree> designs,
                      Map<String, Manifest.Entry> files, OutputFormat format)
            throws IOException {
        ObjectNode root = of(scenario, settings, reports, files);
        ((ObjectNode) root.get("options")).put("format", format.keyword());
        ObjectNode written = (ObjectNode) root.remove("files");
        root.set("structure", structure(scenario, designs));
        root.set("files", written);
        out.write((MAPPER.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Who is in the run, for readers of the output (the report): the peers, the collectives as
     * written, and each design's markets (how each clears, who takes part, which links may
     * trade).
     */
    static ObjectNode structure(Scenario scenario, List<MarketTree> designs) {
        ObjectNode node = MAPPER.createObjectNode();
        ArrayNode peers = node.putArray("peers");
        for (Peer p : scenario.peers()) {
            ObjectNode peer = peers.addObject().put("name", p.name())
                    .put("kind", p.kind().name().toLowerCase(Locale.ROOT))
                    .put("template", p.template());
            if (p.bus() > 0) {
                peer.put("bus", p.bus());
            }
        }
        ArrayNode collectives = node.putArray("collectives");
        for (Collective c : scenario.collectives()) {
            ObjectNode collective = collectives.addObject().put("name", c.name())
                    .put("keyword", c.keyword());
            if (c.parent() == null) {
                collective.putNull("parent");
            } else {
                collective.put("parent", c.parent());
            }
            ArrayNode members = collective.putArray("peers");
            c.memberPeers().forEach(members::add);
            ArrayNode inner = collective.putArray("collectives");
            c.memberCollectives().forEach(inner::add);
        }
        ObjectNode markets = node.putObject("markets");
        for (MarketTree tree : designs) {
            ArrayNode list = markets.putArray(tree.design());
            for (Market m : tree.markets()) {
                ObjectNode market = list.addObject().put("name", m.name())
                        .put("clearing", m.clearing().name().toLowerCase(Locale.ROOT));
                if (m.settlesWith() != null) {
                    // its link with that grid is a connection without a price of its own
                    market.put("settlesWith", m.settlesWith().name());
                }
                ArrayNode participants = market.putArray("participants");
                for (Participant p : m.participants()) {
                    participants.addObject().put("name", p.name()).put("role", role(p));
                }
                ArrayNode links = market.putArray("links");
                for (TradeLink link : m.links()) {
                    links.addArray().add(link.a().name()).add(link.b().name());
                }
            }
        }
        return node;
    }

    private static String role(Participant p) {
        if (p instanceof Participant.CollectiveMember) {
            return "collective";
        }
        return p instanceof Participant.Manager ? "manager" : "peer";
    }

    /**
     * The summary as a JSON tree (fields in a fixed order).
     *
     * @param files the other files of the output, as written (the manifest of {@link Manifest})
     */
    public static ObjectNode of(Scenario scenario, RunSettings settings,
                                List<DesignReport> reports, Map<String, Manifest.Entry> files) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode tool = root.putObject("tool").put("name", "agora")
                .put("version", settings.toolVersion())
                .put("java", System.getProperty("java.vendor") + " "
                        + System.getProperty("java.version"))
                .put("os", System.getProperty("os.name") + " " + System.getProperty("os.version")
                        + " " + System.getProperty("os.arch"));
        ObjectNode libraries = tool.putObject("libraries");
        LibraryVersions.onClassPath().forEach(libraries::put);
        root.set("scenario", scenario(scenario, settings));
        root.set("options", options(scenario, settings));
        root.set("conventions", conventions(scenario));
        ObjectNode designs = root.putObject("designs");
        for (DesignReport r : reports) {
            designs.set(r.design(), design(scenario, r));
        }
        ObjectNode written = root.putObject("files");
        files.forEach((name, entry) -> written.putObject(name).put("bytes", entry.bytes())
                .put("sha256", entry.sha256()));
        return root;
    }

    private static ObjectNode scenario(Scenario scenario, RunSettings settings) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("name", scenario.name());
        node.put("file", settings.scenarioFile());
        node.put("sourceHash", scenario.sourceHash());
        ArrayNode files = node.putArray("files");
        scenario.files().forEach(files::add);
        ArrayNode inputs = node.putArray("inputs");
        for (InputFile f : settings.inputs()) {
            inputs.addObject().put("path", f.path()).put("kind", f.kind()).put("bytes", f.bytes())
                    .put("sha256", f.sha256());
        }
        node.put("currency", scenario.currency());
        ObjectNode time = node.putObject("time");
        time.put("start", scenario.time().start().toString());
        time.put("step", scenario.time().step().toString());
        time.put("stepHours", scenario.time().stepHours());
        time.put("count", scenario.time().count());
        ObjectNode params = node.putObject("params");
        settings.params().forEach(params::put);
        return node;
    }

    private static ObjectNode options(Scenario scenario, RunSettings settings) {
        ObjectNode node = MAPPER.createObjectNode();
        ArrayNode designs = node.putArray("designs");
        settings.designs().forEach(designs::add);
        node.put("solve", settings.solve().keyword());
        node.put("backend", settings.backend());
        SolverOptions o = settings.options();
        node.put("tolerance", o.tolerance());
        node.put("timeLimitSeconds", o.timeLimit().toMillis() / 1000.0);
        node.put("threads", o.threads());
        node.put("effectiveThreads", o.effectiveThreads());
        node.put("admmRho", o.admmRho());
        node.put("admmMaxIterations", o.admmMaxIterations());
        if (scenario.peers().stream().anyMatch(p -> p.isStorage())) {
            node.put("windowHours", o.windowHours());
            node.put("commitHours", o.commitHours());
        }
        node.put("allTrades", settings.allTrades());
        StepRange range = settings.range();
        ObjectNode steps = node.putObject("steps");
        steps.put("from", range.from());
        steps.put("to", range.to());
        steps.put("count", range.size());
        if (range.size() > 0) {
            steps.put("firstTime", scenario.time().at(range.from()).toString());
            steps.put("lastTime", scenario.time().at(range.to() - 1).toString());
        }
        ArrayNode args = node.putArray("arguments");
        settings.arguments().forEach(args::add);
        // the folder the arguments' and inputs' relative paths start from (agora replay)
        node.put("workingDirectory", Path.of("").toAbsolutePath().toString());
        return node;
    }

    private static ObjectNode conventions(Scenario scenario) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("energy", ENERGY_CONVENTION + " (MWh); a step lasts Δt = "
                + scenario.time().stepHours() + " h");
        node.put("money", scenario.currency() + " for the period; a step costs Δt × hourly cost");
        node.put("welfare", "−Δt × optimal hourly objective (all peers' costs incl. the grid, "
                + "trade fees and preference costs), summed over steps");
        node.put("prices", scenario.currency() + "/MWh, duals of the balance rows");
        node.put("tables", "datapackage.json describes every column of the CSV files (type, "
                + "unit, meaning)");
        node.put("payments", "positive = paid; trades at their prices plus the per-MWh charges "
                + "each side pays on its own trade");
        return node;
    }

    private static ObjectNode design(Scenario scenario, DesignReport r) {
        DesignTotals t = r.totals();
        ObjectNode node = MAPPER.createObjectNode();
        number(node, "socialWelfare", t.welfare());
        number(node, "importCost", t.importCost());
        number(node, "exportRevenue", t.exportRevenue());
        number(node, "totalLoad", t.load());
        number(node, "totalImport", t.gridImport());
        number(node, "totalExport", t.gridExport());
        number(node, "exchangeBetweenCollectives", t.exchange());
        ArrayNode siblings = node.putArray("exchangeBetweenSiblingCollectives");
        for (SiblingExchange e : t.siblingExchanges()) {
            ObjectNode pair = siblings.addObject();
            pair.put("within", e.within());
            pair.put("between", e.first());
            pair.put("and", e.second());
            number(pair, "energy", e.energy());
        }
        number(node, "fees", t.fees());
        number(node, "budgetMaxImbalance", t.maxImbalance());
        if (!t.lines().isEmpty()) {
            number(node, "congestionRent", t.congestionRent());
            ArrayNode lines = node.putArray("lines");
            double dt = scenario.time().stepHours();
            for (DesignTotals.LineTotals l : t.lines()) {
                ObjectNode line = lines.addObject().put("line", l.line());
                number(line, "hoursCongested", l.congestedSteps() * dt);
                number(line, "maxCongestionPrice", l.maxPrice());
                number(line, "maxLoading", l.maxLoading());
            }
        }
        if (!r.storage().isEmpty()) {
            ArrayNode storage = node.putArray("storage");
            for (StorageTotals st : r.storage()) {
                ObjectNode unit = storage.addObject().put("storage", st.storage());
                number(unit, "capacity", st.capacity());
                number(unit, "charged", st.charged());
                number(unit, "discharged", st.discharged());
                number(unit, "equivalentFullCycles", st.fullCycles());
                number(unit, "losses", st.losses());
                number(unit, "initialStateOfCharge", st.initial());
                number(unit, "finalStateOfCharge", st.last());
                number(unit, "lowestStateOfCharge", st.lowest());
                number(unit, "highestStateOfCharge", st.highest());
                number(unit, "cyclingCost", st.cyclingCost());
            }
        }
        node.putObject("units").put("money", scenario.currency()).put("energy", "MWh");
        node.set("solve", solve(r.solve()));
        node.put("failedSteps", t.failedSteps());
        ArrayNode failures = node.putArray("failures");
        for (FailedStep o : r.failed().subList(0, Math.min(MAX_LISTED_FAILURES, r.failed().size()))) {
            ObjectNode f = failures.addObject();
            f.put("step", o.step());
            f.put("time", scenario.time().at(o.step()).toString());
            f.put("status", o.status().name());
            f.put("message", o.message());
            ArrayNode conflicts = f.putArray("conflicts");
            o.conflicts().forEach(conflicts::add);
        }
        return node;
    }

    /** A number, or null where there is none (JSON has no NaN). */
    private static void number(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        } else {
            node.putNull(key);
        }
    }

    private static ObjectNode solve(SolveSummary s) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("solver", s.solver());
        node.put("steps", s.steps());
        number(node, "wallSeconds", s.wallSeconds());
        number(node, "stepSeconds", s.stepSeconds());
        number(node, "stepsPerSecond", s.stepsPerSecond());
        ObjectNode counts = node.putObject("statusCounts");
        for (Map.Entry<SolveStatus, Integer> e : s.statusCounts().entrySet()) {
            counts.put(e.getKey().name(), e.getValue());
        }
        node.putObject("iterations").put("median", s.iterationsMedian())
                .put("p95", s.iterationsP95()).put("max", s.iterationsMax());
        node.put("messages", s.messages());
        node.put("bytes", s.bytes());
        number(node, "maxPrimalResidual", s.maxPrimalResidual());
        number(node, "maxDualResidual", s.maxDualResidual());
        ObjectNode trades = node.putObject("tradeAllocation");
        trades.put("minimumNorm", s.allocations().get(TradeAllocation.MINIMUM_NORM) > 0);
        ObjectNode steps = trades.putObject("steps");
        s.allocations().forEach((how, n) -> steps.put(how.name(), n));
        number(trades, "maxTradeShift", s.maxTradeShift());
        trades.put("note", "MINIMUM_NORM: among the welfare-optimal trades the least-norm ones "
                + "(unique on every backend); UNIQUE: the dispatch fixes every trade; AS_SOLVED: "
                + "as the solver returned them");
        return node;
    }
}
