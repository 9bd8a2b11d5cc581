package agora.emit;

import agora.scenario.Collective;
import agora.scenario.CollectiveFee;
import agora.scenario.Line;
import agora.scenario.Peer;
import agora.scenario.Preference;
import agora.scenario.Profile;
import agora.scenario.Scenario;
import agora.scenario.TimeAxis;
import agora.topology.Topology;
import agora.topology.TreeNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DefaultWeightedEdge;

/**
 * The compiled scenario as a document (for {@code agora compile --emit json|yaml}): peers with
 * kinds, buses, bounds and costs, collectives, tariffs, network, market settings, and the
 * topology (collective tree, bus network, trading links per design). Profiles are summarised by
 * min, mean and max unless their values are asked for. Numbers are in canonical units (see the
 * document's {@code units}); an unbounded value is written as the string {@code inf} or
 * {@code -inf}. Field order is fixed, so documents compare line by line.
 */
public final class ScenarioDocument {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Scenario scenario;
    private final Topology topology;
    private final List<DesignView> designs;
    private final boolean profileValues;

    /**
     * @param designs       the trading structure under each design (may be empty)
     * @param profileValues write every value of every profile instead of a summary
     */
    public ScenarioDocument(Topology topology, List<DesignView> designs, boolean profileValues) {
        this.scenario = topology.scenario();
        this.topology = topology;
        this.designs = List.copyOf(designs);
        this.profileValues = profileValues;
    }

    /** The document as JSON text, indented. */
    public String json() throws com.fasterxml.jackson.core.JsonProcessingException {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(tree()) + "\n";
    }

    /** The document as YAML text. */
    public String yaml() throws com.fasterxml.jackson.core.JsonProcessingException {
        YAMLFactory yaml = YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .build();
        return new ObjectMapper(yaml).writeValueAsString(tree());
    }

    /** The document as a JSON tree. */
    public ObjectNode tree() {
        ObjectNode root = NODES.objectNode();
        root.put("scenario", scenario.name());
        root.put("sourceHash", scenario.sourceHash());
        ArrayNode files = root.putArray("files");
        scenario.files().forEach(files::add);
        root.set("units", units());
        ObjectNode params = root.putObject("params");
        scenario.params().forEach(params::put);
        root.set("time", time(scenario.time()));
        ArrayNode peers = root.putArray("peers");
        scenario.peers().forEach(p -> peers.add(peer(p)));
        ArrayNode collectives = root.putArray("collectives");
        scenario.collectives().forEach(c -> collectives.add(collective(c)));
        root.set("tariffs", tariffs());
        root.set("network", network());
        root.set("market", market());
        root.set("topology", topology());
        return root;
    }

    private ObjectNode units() {
        String c = scenario.currency();
        ObjectNode u = NODES.objectNode();
        u.put("power", "MW");
        u.put("energy", "MWh (energy = MW × Δt)");
        u.put("price", c + "/MWh");
        u.put("quadraticCost", c + "/MW²h");
        u.put("linearCost", c + "/MWh");
        u.put("constantCost", c + "/h");
        u.put("time", "h");
        return u;
    }

    private static ObjectNode time(TimeAxis t) {
        ObjectNode n = NODES.objectNode();
        n.put("start", t.start().toString());
        n.put("step", t.step().toString());
        n.put("stepHours", t.stepHours());
        n.put("count", t.count());
        n.put("last", t.count() > 0 ? t.at(t.count() - 1).toString() : null);
        return n;
    }

    private ObjectNode peer(Peer p) {
        ObjectNode n = NODES.objectNode();
        n.put("name", p.name());
        n.put("kind", p.kind().keyword());
        n.put("template", p.template());
        n.put("bus", p.bus());
        topology.parentCollective(p.name()).ifPresentOrElse(c -> n.put("collective", c),
                () -> n.putNull("collective"));
        n.set("pmin", profile(p.pmin()));
        n.set("pmax", profile(p.pmax()));
        n.putObject("cost").put("a", p.cost().a()).put("b", p.cost().b()).put("c", p.cost().c());
        ArrayNode types = n.putArray("energyTypes");
        new TreeSet<>(p.energyTypes()).forEach(types::add);
        if (p.isGrid()) {
            n.set("importPrice", profile(p.importPrice()));
            n.set("exportPrice", profile(p.exportPrice()));
        }
        n.set("preferences", preferences(p.preferences()));
        return n;
    }

    /** A profile summarised (or, when asked, every value). */
    ObjectNode profile(Profile profile) {
        ObjectNode n = NODES.objectNode();
        if (profile == null) {
            return n;
        }
        n.put("description", profile.description());
        if (profile.isConstant()) {
            number(n, "value", profile.length() == 0 ? Double.NaN : profile.at(0));
        } else {
            number(n, "min", profile.min());
            number(n, "mean", Arrays.stream(profile.values()).average().orElse(Double.NaN));
            number(n, "max", profile.max());
        }
        if (profileValues) {
            ArrayNode values = n.putArray("values");
            for (double v : profile.values()) {
                values.add(finite(v));
            }
        }
        return n;
    }

    private static ArrayNode preferences(List<Preference> preferences) {
        ArrayNode out = NODES.arrayNode();
        for (Preference p : preferences) {
            out.addObject().put("target", p.target().name().toLowerCase(java.util.Locale.ROOT))
                    .put("value", p.value()).put("costPerMWh", p.costPerMWh());
        }
        return out;
    }

    private static ObjectNode collective(Collective c) {
        ObjectNode n = NODES.objectNode();
        n.put("name", c.name());
        n.put("keyword", c.keyword());
        n.put("clearing", c.clearing().keyword());
        n.put("parent", c.parent());
        ArrayNode peers = n.putArray("peers");
        c.memberPeers().forEach(peers::add);
        ArrayNode inner = n.putArray("collectives");
        c.memberCollectives().forEach(inner::add);
        n.set("preferences", preferences(c.preferences()));
        return n;
    }

    private ObjectNode tariffs() {
        ObjectNode n = NODES.objectNode();
        n.put("tradeFee", scenario.tariffs().tradeFee());
        ArrayNode fees = n.putArray("collectiveFees");
        for (CollectiveFee f : scenario.tariffs().collectiveFees()) {
            fees.addObject().put("first", f.first()).put("second", f.second())
                    .put("feePerMWh", f.feePerMWh());
        }
        n.put("networkCharge", scenario.tariffs().networkCharge());
        n.put("distance", scenario.tariffs().distance().name().toLowerCase(java.util.Locale.ROOT));
        return n;
    }

    private ObjectNode network() {
        ObjectNode n = NODES.objectNode();
        ArrayNode buses = n.putArray("buses");
        scenario.network().buses().forEach(b -> buses.add(b.id()));
        ArrayNode lines = n.putArray("lines");
        for (Line l : scenario.network().lines()) {
            ObjectNode line = lines.addObject().put("name", l.name()).put("from", l.from())
                    .put("to", l.to()).put("resistance", l.resistance())
                    .put("reactance", l.reactance());
            if (!l.isLimited()) {
                number(line, "capacity", Double.POSITIVE_INFINITY);
            } else if (l.capacity().isConstant() && l.capacity().length() > 0) {
                number(line, "capacity", l.capacity().at(0));
            } else {
                line.set("capacity", profile(l.capacity()));
            }
        }
        if (scenario.network().slack() != 0) {
            n.put("slack", scenario.network().slack());
        }
        return n;
    }

    private ObjectNode market() {
        ObjectNode n = NODES.objectNode();
        n.put("design", scenario.market().design());
        n.put("solve", scenario.market().solve().keyword());
        n.put("backend", scenario.market().backend());
        var o = scenario.market().options();
        n.putObject("options").put("tolerance", o.tolerance())
                .put("timeLimitSeconds", o.timeLimit().toMillis() / 1000.0)
                .put("threads", o.threads()).put("admmRho", o.admmRho())
                .put("admmMaxIterations", o.admmMaxIterations());
        return n;
    }

    private ObjectNode topology() {
        ObjectNode n = NODES.objectNode();
        ObjectNode tree = n.putObject("collectiveTree");
        tree.put("root", topology.root().name());
        tree.put("depth", topology.collectiveDepth());
        ArrayNode edges = tree.putArray("edges");
        for (DefaultEdge e : topology.collectiveTree().edgeSet()) {
            TreeNode parent = topology.collectiveTree().getEdgeSource(e);
            TreeNode child = topology.collectiveTree().getEdgeTarget(e);
            edges.addObject().put("parent", parent.name()).put("child", child.name())
                    .put("childKind", child instanceof TreeNode.PeerNode ? "peer" : "collective");
        }
        ObjectNode buses = n.putObject("busNetwork");
        buses.put("distance", scenario.tariffs().distance().name().toLowerCase(java.util.Locale.ROOT));
        ArrayNode busEdges = buses.putArray("edges");
        for (DefaultWeightedEdge e : topology.busNetwork().edgeSet()) {
            busEdges.addObject().put("from", topology.busNetwork().getEdgeSource(e))
                    .put("to", topology.busNetwork().getEdgeTarget(e))
                    .put("weight", topology.busNetwork().getEdgeWeight(e));
        }
        ObjectNode designNodes = n.putObject("designs");
        for (DesignView d : designs) {
            designNodes.set(d.design(), design(d));
        }
        return n;
    }

    private static ObjectNode design(DesignView d) {
        ObjectNode n = NODES.objectNode();
        n.put("description", d.description());
        if (d.error() != null) {
            n.put("error", d.error());
            return n;
        }
        ArrayNode markets = n.putArray("markets");
        for (DesignView.MarketView m : d.markets()) {
            ObjectNode market = markets.addObject();
            market.put("name", m.name());
            market.put("clearing", m.clearing());
            ArrayNode participants = market.putArray("participants");
            m.participants().forEach(participants::add);
            if (m.clearing().equals("pool")) {
                market.put("poolFee", m.poolFee());
            }
            ArrayNode links = market.putArray("links");
            for (DesignView.LinkView l : m.links()) {
                ObjectNode link = links.addObject().put("a", l.a()).put("b", l.b());
                number(link, "costA", l.costA());
                number(link, "costB", l.costB());
            }
        }
        return n;
    }

    private static void number(ObjectNode n, String key, double value) {
        n.set(key, finite(value));
    }

    /** A number, or the strings inf / -inf (JSON has no infinity), or null for NaN. */
    private static com.fasterxml.jackson.databind.JsonNode finite(double v) {
        if (Double.isNaN(v)) {
            return NODES.nullNode();
        }
        if (Double.isInfinite(v)) {
            return NODES.textNode(v > 0 ? "inf" : "-inf");
        }
        return NODES.numberNode(v);
    }
}
