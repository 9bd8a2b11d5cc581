package agora.syntax;

import agora.diagnostics.SourceSpan;

/**
 * {@code prefers energy green by 2 $/MWh}, {@code prefers collective c1 by ...}, {@code prefers
 * partner w12 by ...} or {@code prefers distance by ...}, in a peer, kind or collective.
 *
 * @param subject the energy type, collective or partner; null for {@code distance}
 */
public record PreferenceDecl(SourceSpan span, Target target, Identifier subject, Expr cost)
        implements Property, CollectiveItem {

    public enum Target {
        ENERGY, COLLECTIVE, PARTNER, DISTANCE
    }
}
