package agora.compiler;

import agora.scenario.PeerKind;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The built-in kinds of peer, by the keyword a scenario writes. */
final class PeerKinds {
    private PeerKinds() {
    }

    static Optional<PeerKind> builtIn(String name) {
        return Arrays.stream(PeerKind.values()).filter(k -> k.keyword().equals(name)).findFirst();
    }

    static boolean isBuiltIn(String name) {
        return builtIn(name).isPresent();
    }

    static List<String> keywords() {
        return Arrays.stream(PeerKind.values()).map(PeerKind::keyword).toList();
    }
}
