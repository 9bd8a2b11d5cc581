package agora.cli;

import agora.emit.DesignView;
import agora.scenario.Peer;
import agora.scenario.Scenario;
import agora.topology.Topology;
import agora.topology.TreeNode;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedPseudograph;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.dot.DOTExporter;

/**
 * The collective tree and the trading graph of one design as Graphviz DOT: solid arrows from each
 * collective (and the root market) to its members, dashed lines between participants that may
 * trade, labelled with the per-MWh cost each side pays when it is not zero.
 */
final class DotEmitter {
    /** DOT's escape for a line break inside a label. */
    private static final String LINE_BREAK = "\\n";

    private DotEmitter() {
    }

    /** A node of the drawing: the root market, a collective or a peer. */
    private record Node(String id, String name, String shape, String fill) {
    }

    /** An edge (identity-equal, so parallel edges stay distinct). */
    private static final class Edge {
        final boolean trade;
        final String label;

        Edge(boolean trade, String label) {
            this.trade = trade;
            this.label = label;
        }
    }

    static String dot(Topology topology, DesignView design) {
        Scenario scenario = topology.scenario();
        Graph<Node, Edge> g = new DirectedPseudograph<>(Edge.class);
        Map<String, Node> nodes = new LinkedHashMap<>();
        for (TreeNode t : topology.collectiveTree().vertexSet()) {
            Node n = node(t, nodes.size(), scenario);
            nodes.put(key(t), n);
            g.addVertex(n);
        }
        for (DefaultEdge e : topology.collectiveTree().edgeSet()) {
            g.addEdge(nodes.get(key(topology.collectiveTree().getEdgeSource(e))),
                    nodes.get(key(topology.collectiveTree().getEdgeTarget(e))), new Edge(false, ""));
        }
        for (DesignView.MarketView m : design.markets()) {
            for (DesignView.LinkView l : m.links()) {
                g.addEdge(participant(nodes, l.a()), participant(nodes, l.b()),
                        new Edge(true, costLabel(l)));
            }
        }
        DOTExporter<Node, Edge> exporter = new DOTExporter<>(Node::id);
        exporter.setGraphAttributeProvider(() -> {
            Map<String, Attribute> a = new LinkedHashMap<>();
            // graph attributes are written as given: quote the label ourselves
            a.put("label", DefaultAttribute.createAttribute(quoted(scenario.name() + " — design "
                    + design.design())));
            a.put("labelloc", DefaultAttribute.createAttribute("t"));
            return a;
        });
        exporter.setVertexAttributeProvider(n -> {
            Map<String, Attribute> a = new LinkedHashMap<>();
            a.put("label", DefaultAttribute.createAttribute(n.name()));
            a.put("shape", DefaultAttribute.createAttribute(n.shape()));
            a.put("style", DefaultAttribute.createAttribute("filled"));
            a.put("fillcolor", DefaultAttribute.createAttribute(n.fill()));
            return a;
        });
        exporter.setEdgeAttributeProvider(e -> {
            Map<String, Attribute> a = new LinkedHashMap<>();
            if (e.trade) {
                a.put("style", DefaultAttribute.createAttribute("dashed"));
                a.put("dir", DefaultAttribute.createAttribute("none"));
                a.put("color", DefaultAttribute.createAttribute("firebrick"));
                if (!e.label.isEmpty()) {
                    a.put("label", DefaultAttribute.createAttribute(e.label));
                }
            }
            return a;
        });
        StringWriter out = new StringWriter();
        exporter.exportGraph(g, out);
        return out.toString();
    }

    /** A DOT quoted string. */
    static String quoted(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String key(TreeNode t) {
        return (t instanceof TreeNode.Root ? "root:" : "node:") + t.name();
    }

    private static Node participant(Map<String, Node> nodes, String name) {
        Node n = nodes.get("node:" + name);
        if (n == null) {
            throw new IllegalStateException("trade link names '" + name
                    + "', which is no peer or collective of the scenario");
        }
        return n;
    }

    private static Node node(TreeNode t, int index, Scenario scenario) {
        String id = "n" + index;
        if (t instanceof TreeNode.Root) {
            return new Node(id, t.name(), "doubleoctagon", "white");
        }
        if (t instanceof TreeNode.CollectiveNode) {
            String keyword = scenario.collective(t.name()).map(c -> c.keyword() + " "
                    + c.name() + LINE_BREAK + "(" + c.clearing().keyword() + ")").orElse(t.name());
            return new Node(id, keyword, "box", "lightgrey");
        }
        Peer peer = scenario.peer(t.name()).orElseThrow();
        String fill = switch (peer.kind()) {
            case PRODUCER -> "palegreen";
            case CONSUMER -> "lightblue";
            case PROSUMER -> "khaki";
            case GRID -> "orange";
            case STORAGE -> "plum";
        };
        return new Node(id, peer.name() + LINE_BREAK + peer.kind().keyword(), "ellipse", fill);
    }

    private static String costLabel(DesignView.LinkView l) {
        if (l.costA() == 0 && l.costB() == 0) {
            return "";
        }
        return l.costA() == l.costB() ? ResultsTable.number(l.costA())
                : ResultsTable.number(l.costA()) + " / " + ResultsTable.number(l.costB());
    }
}
