package agora.syntax;

import agora.diagnostics.SourceSpan;
import java.util.List;

/** One line of a {@code network} block. */
public sealed interface NetworkItem permits NetworkItem.Buses, NetworkItem.Slack, NetworkItem.LineDecl {

    SourceSpan span();

    /** {@code bus 3} ({@code first == last}) or {@code bus 1 .. 14}. */
    record Buses(SourceSpan span, int first, int last) implements NetworkItem {
    }

    /**
     * {@code slack bus 1}: the reference bus of the DC power flow (by default the grid
     * connection's bus).
     */
    record Slack(SourceSpan span, int bus, SourceSpan busSpan) implements NetworkItem {
    }

    /**
     * {@code line l1 from 1 to 2 { r = 0.01938, x = 0.05917, capacity = 120 MW }}.
     *
     * @param properties {@code r}, {@code x} and {@code capacity}, as written
     */
    record LineDecl(SourceSpan span, Identifier name, int from, SourceSpan fromSpan, int to,
                    SourceSpan toSpan, List<Property.Assignment> properties)
            implements NetworkItem {
    }
}
