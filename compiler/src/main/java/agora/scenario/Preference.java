package agora.scenario;

import agora.diagnostics.SourceSpan;

/**
 * Product differentiation: a non-negative extra cost per MWh that a peer pays on each trade
 * whose partner does not match (for {@link Target#DISTANCE}: per unit of electrical distance to
 * the partner). Declared on a collective, it applies to all its members.
 *
 * @param value the energy type, collective name or partner name; empty for DISTANCE
 * @param costPerMWh currency per MWh (per unit distance for DISTANCE), >= 0
 */
public record Preference(SourceSpan span, Target target, String value, double costPerMWh) {

    public enum Target {
        /** prefers energy of a type, e.g. {@code green}: pays extra when the partner lacks it. */
        ENERGY,
        /** prefers partners inside a collective: pays extra when the partner is outside it. */
        COLLECTIVE,
        /** prefers one named partner: pays extra with every other partner. */
        PARTNER,
        /** prefers electrically close partners: pays extra per unit of distance. */
        DISTANCE
    }
}
