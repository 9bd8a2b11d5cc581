package agora.scenario;

import agora.diagnostics.SourceSpan;
import java.util.List;

/**
 * A community or energy collective. Its members are peers and other collectives, by name.
 *
 * @param keyword      {@code community} or {@code collective}, as written
 * @param parent       the enclosing collective's name, or null at top level
 * @param memberPeers  names of the peers declared directly inside, in source order
 * @param memberCollectives names of the collectives directly inside, in source order
 */
public record Collective(
        SourceSpan span,
        String name,
        String keyword,
        Clearing clearing,
        String parent,
        List<String> memberPeers,
        List<String> memberCollectives,
        List<Preference> preferences) {
}
