package agora.scenario;

import agora.diagnostics.SourceSpan;

/**
 * A branch of the bus network.
 *
 * @param resistance p.u.
 * @param reactance  p.u.
 * @param capacity   MW
 */
public record Line(SourceSpan span, String name, int from, int to, double resistance,
                   double reactance, double capacity) {
}
