package agora.scenario;

import agora.diagnostics.SourceSpan;

/**
 * A branch of the bus network.
 *
 * @param resistance p.u.
 * @param reactance  p.u.; the DC power flow splits flows by its inverse
 * @param capacity   MW per step (a constant or a profile: dynamic line ratings); null when the
 *                   line is unlimited
 */
public record Line(SourceSpan span, String name, int from, int to, double resistance,
                   double reactance, Profile capacity) {

    /** True when the line has a capacity, so its flow is limited in every step. */
    public boolean isLimited() {
        return capacity != null;
    }
}
