package agora.compiler;

import agora.diagnostics.DiagnosticCode;
import agora.diagnostics.Diagnostics;
import agora.scenario.Preference;
import agora.syntax.PreferenceDecl;
import agora.units.Dimension;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Compiles {@code prefers ...} lines of peers and collectives, checking subjects and signs. */
final class Preferences {
    private final Diagnostics diagnostics;
    private final Evaluator evaluator;
    private final Set<String> peers;
    private final Set<String> collectives;

    Preferences(Diagnostics diagnostics, Evaluator evaluator, Set<String> peers, Set<String> collectives) {
        this.diagnostics = diagnostics;
        this.evaluator = evaluator;
        this.peers = peers;
        this.collectives = collectives;
    }

    /** The preferences of a collective. */
    List<Preference> compile(List<PreferenceDecl> decls, Scope scope) {
        return compile(decls, scope, null);
    }

    /**
     * The preferences of a peer, or of a collective when {@code peer} is null.
     *
     * <p>A peer that prefers itself as a partner is an error, not a no-op: it never trades with
     * itself, so the preference would add its price to every trade it makes. A collective's
     * preference for one of its members is not checked: it is written once for all members and
     * means something for every member but that one.
     */
    List<Preference> compile(List<PreferenceDecl> decls, Scope scope, String peer) {
        List<Preference> out = new ArrayList<>();
        for (PreferenceDecl d : decls) {
            if (!subjectExists(d)) {
                continue;
            }
            if (peer != null && d.target() == PreferenceDecl.Target.PARTNER && d.subject().text().equals(peer)) {
                diagnostics.error(DiagnosticCode.SELF_PREFERENCE, d.subject().span(), "peer '" + peer
                        + "' prefers itself as a partner", "it never trades with itself, so every one of its"
                        + " trades would pay the preference; name another peer");
                continue;
            }
            try {
                double cost = Magnitudes.snap(evaluator.constant(d.cost(), scope, Dimension.PRICE, "a preference"));
                if (cost < 0) {
                    diagnostics.error(DiagnosticCode.NEGATIVE_PREFERENCE, d.cost().span(),
                            "a preference cannot be negative, found "
                                    + Formats.quantity(cost, Dimension.PRICE, evaluator.currency()),
                            "it is the extra price paid per MWh traded with a partner that does not match");
                    continue;
                }
                out.add(new Preference(d.span(), target(d.target()),
                        d.subject() == null ? "" : d.subject().text(), cost));
            } catch (EvaluationFailed e) {
                // reported
            }
        }
        return List.copyOf(out);
    }

    private boolean subjectExists(PreferenceDecl d) {
        if (d.target() == PreferenceDecl.Target.COLLECTIVE && !collectives.contains(d.subject().text())) {
            String what = peers.contains(d.subject().text()) ? "'" + d.subject().text()
                    + "' is a peer, not a collective" : "undefined collective '" + d.subject().text() + "'";
            diagnostics.error(DiagnosticCode.UNDEFINED_NAME, d.subject().span(), what,
                    Names.hint(d.subject().text(), collectives));
            return false;
        }
        if (d.target() == PreferenceDecl.Target.PARTNER && !peers.contains(d.subject().text())) {
            String what = collectives.contains(d.subject().text()) ? "'" + d.subject().text()
                    + "' is a collective, not a peer" : "undefined peer '" + d.subject().text() + "'";
            diagnostics.error(DiagnosticCode.UNDEFINED_NAME, d.subject().span(), what,
                    Names.hint(d.subject().text(), peers));
            return false;
        }
        return true;
    }

    private static Preference.Target target(PreferenceDecl.Target t) {
        return switch (t) {
            case ENERGY -> Preference.Target.ENERGY;
            case COLLECTIVE -> Preference.Target.COLLECTIVE;
            case PARTNER -> Preference.Target.PARTNER;
            case DISTANCE -> Preference.Target.DISTANCE;
        };
    }
}
