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
        List<String> files) {

    public Optional<Peer> peer(String peerName) {
        return peers.stream().filter(p -> p.name().equals(peerName)).findFirst();
    }

    public Optional<Collective> collective(String collectiveName) {
        return collectives.stream().filter(c -> c.name().equals(collectiveName)).findFirst();
    }

    /** The grid peers (a design may require exactly one). */
    public List<Peer> gridPeers() {
        return peers.stream().filter(Peer::isGrid).toList();
    }
}
