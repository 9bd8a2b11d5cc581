package agora.syntax;

import agora.diagnostics.SourceSpan;
import java.util.List;

/**
 * {@code kind name at bus N { properties }}.
 *
 * @param kind    {@code producer}, {@code consumer}, {@code prosumer}, {@code grid} or a kind
 * @param bus     the bus number, or null when the peer names none
 * @param busSpan where the bus number stands, or null
 */
public record PeerDecl(SourceSpan span, Identifier kind, Identifier name, Integer bus,
                       SourceSpan busSpan, List<Property> properties)
        implements Statement, CollectiveItem {
}
