package agora.compiler;

import agora.diagnostics.DiagnosticCode;
import agora.diagnostics.Diagnostics;
import agora.scenario.Bus;
import agora.scenario.Line;
import agora.scenario.Network;
import agora.scenario.Peer;
import agora.topology.DcPowerFlow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.Pseudograph;

/**
 * What the DC power flow of a network with line limits needs, checked before anything is solved:
 * positive reactances, every peer at a bus, every bus connected to the slack bus through lines,
 * and a network small enough for a dense factorization. A network without limits only serves
 * distances and needs none of this.
 */
final class PowerFlowCheck {
    /**
     * Reactances (p.u.) the DC power flow takes: real branches lie around 1e-4 to 1. The
     * susceptance matrix's condition grows with the spread of 1/x times the square of the
     * buses (2,000 at most), so seven decades keep it near 1e13, well inside double precision;
     * x = 0.1^32, found by the mutation campaign, failed the factorization outright.
     */
    static final double MIN_REACTANCE = 1e-5;
    static final double MAX_REACTANCE = 1e2;

    private final Diagnostics diagnostics;

    PowerFlowCheck(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    void check(Network network, List<Peer> peers) {
        if (!network.hasLimits()) {
            return;
        }
        if (network.buses().size() > DcPowerFlow.MAX_BUSES) {
            Line first = network.lines().stream().filter(Line::isLimited).findFirst().orElseThrow();
            diagnostics.error(DiagnosticCode.INVALID_VALUE, first.span(), "line limits need a DC power flow, "
                    + "which Agora computes for networks of at most " + DcPowerFlow.MAX_BUSES
                    + " buses; this one has " + network.buses().size(),
                    "declare only the buses the lines and peers use, or reduce the network");
            return;
        }
        for (Line line : network.lines()) {
            if (!(line.reactance() > 0)) {
                diagnostics.error(DiagnosticCode.INVALID_VALUE, line.span(), "line '" + line.name()
                        + "' has reactance x = " + Formats.number(line.reactance())
                        + ", but the DC power flow of a network with line limits needs x > 0",
                        "a line splits flow by 1/x; model a closed switch as a small x such as 1e-4");
            } else if (line.reactance() < MIN_REACTANCE || line.reactance() > MAX_REACTANCE) {
                diagnostics.error(DiagnosticCode.INVALID_VALUE, line.span(), "line '" + line.name()
                        + "' has reactance x = " + Formats.number(line.reactance()) + " p.u., outside "
                        + Formats.number(MIN_REACTANCE) + " .. " + Formats.number(MAX_REACTANCE)
                        + ", which the DC power flow of a network with line limits takes",
                        "reactances are per unit on the system base; real branches lie around 1e-4 to 1");
            }
        }
        for (Peer peer : peers) {
            if (peer.bus() == 0) {
                diagnostics.error(DiagnosticCode.MISSING_PROPERTY, peer.span(), "peer '" + peer.name()
                        + "' has no bus, but the network has line limits, which need every peer's bus",
                        "write 'at bus N' after its name");
            }
        }
        checkConnected(network, peers);
    }

    /** Every bus in the slack bus's component: a peer elsewhere could not be served at all. */
    private void checkConnected(Network network, List<Peer> peers) {
        Graph<Integer, DefaultEdge> graph = new Pseudograph<>(DefaultEdge.class);
        network.buses().forEach(b -> graph.addVertex(b.id()));
        for (Line line : network.lines()) {
            graph.addEdge(line.from(), line.to());
        }
        int slack = DcPowerFlow.slackOf(network, peers);
        if (!graph.containsVertex(slack)) {
            return;
        }
        Set<Integer> reached = new ConnectivityInspector<>(graph).connectedSetOf(slack);
        if (reached.size() == graph.vertexSet().size()) {
            return;
        }
        Map<Integer, Peer> peerAt = new LinkedHashMap<>();
        peers.forEach(p -> peerAt.putIfAbsent(p.bus(), p));
        String hint = "the DC power flow needs every bus connected to slack bus " + slack
                + " through lines; add the missing line or leave the bus out";
        for (Bus bus : network.buses()) {
            if (reached.contains(bus.id())) {
                continue;
            }
            Peer peer = peerAt.get(bus.id());
            if (peer != null) {
                diagnostics.error(DiagnosticCode.NETWORK_NOT_CONNECTED, peer.span(), "peer '" + peer.name()
                        + "' is at bus " + bus.id() + ", which has no path to slack bus " + slack, hint);
            } else {
                diagnostics.error(DiagnosticCode.NETWORK_NOT_CONNECTED, bus.span(), "bus " + bus.id()
                        + " has no path to slack bus " + slack, hint);
            }
        }
    }
}
