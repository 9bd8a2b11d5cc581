package agora.syntax;

import agora.diagnostics.SourceSpan;
import java.util.List;

/** What a collective's body holds: peers, collectives, member lists and preferences. */
public sealed interface CollectiveItem permits PeerDecl, CollectiveDecl, CollectiveItem.Members,
        PreferenceDecl {

    SourceSpan span();

    /** {@code member d1, d2}: peers or collectives declared elsewhere that belong here. */
    record Members(SourceSpan span, List<Identifier> names) implements CollectiveItem {
    }
}
