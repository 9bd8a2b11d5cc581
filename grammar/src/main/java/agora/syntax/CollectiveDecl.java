package agora.syntax;

import agora.diagnostics.SourceSpan;
import java.util.List;

/**
 * {@code community NAME clears pool { ... }} or {@code collective NAME clears bilateral { ... }}.
 *
 * @param keyword  {@code community} or {@code collective}, as written
 * @param clearing {@code pool} or {@code bilateral}, as written
 */
public record CollectiveDecl(SourceSpan span, String keyword, Identifier name, String clearing,
                             List<CollectiveItem> items) implements Statement, CollectiveItem {
}
