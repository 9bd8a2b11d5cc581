package agora.scenario;

import agora.diagnostics.SourceSpan;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A compiled, checked scenario.
 *
 * @param params     every parameter's final value (after {@code --set}), in declaration order
 * @param sourceHash SHA-256 of the main file and every imported file's text, for reproducibility
 * @param files      the files the scenario was compiled from, main file first
 * @param nameSpans  where the market block names the design ({@link #DESIGN}) and the backend
 *                   ({@link #BACKEND}), for diagnostics about those names; absent for defaults
 */
public record Scenario(
        SourceSpan span,
        String name,
        String currency,
        TimeAxis time,
        Map<String, String> params,
        List<Peer> peers,
        List<Collective> collectives,
        Tariffs tariffs,
        Network network,
        MarketSettings market,
        String sourceHash,
        List<String> files,
        Map<String, SourceSpan> nameSpans) {

    /** The key of the design's name in {@link #nameSpans()}. */
    public static final String DESIGN = "design";
    /** The key of the backend's name in {@link #nameSpans()}. */
    public static final String BACKEND = "backend";

    public Scenario {
        nameSpans = Map.copyOf(nameSpans);
    }

    /** A scenario whose names have no known place (built in code, not compiled from a file). */
    public Scenario(SourceSpan span, String name, String currency, TimeAxis time, Map<String, String> params,
                    List<Peer> peers, List<Collective> collectives, Tariffs tariffs, Network network,
                    MarketSettings market, String sourceHash, List<String> files) {
        this(span, name, currency, time, params, peers, collectives, tariffs, network, market, sourceHash, files,
                Map.of());
    }

    /** Where the market block names {@code setting} ({@link #DESIGN} or {@link #BACKEND}). */
    public Optional<SourceSpan> nameSpan(String setting) {
        return Optional.ofNullable(nameSpans.get(setting));
    }

    public Optional<Peer> peer(String peerName) {
        return peers.stream().filter(p -> p.name().equals(peerName)).findFirst();
    }

    public Optional<Collective> collective(String collectiveName) {
        return collectives.stream().filter(c -> c.name().equals(collectiveName)).findFirst();
    }

    /**
     * This scenario with every storage peer idle: a prosumer fixed at 0 MW, in the same place of
     * every collective, so that welfare with minus welfare without storage is the value storage
     * adds. Without storage, its steps are no longer coupled.
     */
    public Scenario withIdleStorage() {
        List<Peer> idle = peers.stream().map(p -> !p.isStorage() ? p
                : new Peer(p.span(), p.name(), PeerKind.PROSUMER, p.template(), p.bus(),
                        Profile.constant(0.0, time.count()), Profile.constant(0.0, time.count()),
                        QuadraticCost.ZERO, p.energyTypes(), null, null, p.preferences())).toList();
        return new Scenario(span, name, currency, time, params, idle, collectives, tariffs, network, market,
                sourceHash, files, nameSpans);
    }

    /** Whether some peer stores energy, coupling the steps in time. */
    public boolean hasStorage() {
        return peers.stream().anyMatch(Peer::isStorage);
    }

    /** The grid peers (a design may require exactly one). */
    public List<Peer> gridPeers() {
        return peers.stream().filter(Peer::isGrid).toList();
    }
}
