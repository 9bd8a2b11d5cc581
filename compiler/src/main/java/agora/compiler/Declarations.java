package agora.compiler;

import agora.diagnostics.DiagnosticCode;
import agora.diagnostics.Diagnostics;
import agora.diagnostics.SourceSpan;
import agora.syntax.CollectiveDecl;
import agora.syntax.CollectiveItem;
import agora.syntax.Identifier;
import agora.syntax.PeerDecl;
import agora.syntax.PreferenceDecl;
import agora.syntax.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything declared in a compilation's files, collected in one pass with duplicates reported
 * (E0202). Nothing is evaluated here.
 */
final class Declarations {
    /** A peer and the collective it is declared in (null at top level). */
    record PeerEntry(PeerDecl decl, String parent) {
    }

    /**
     * A collective with its parent and its members in source order.
     *
     * @param members declared inside, or listed with {@code member}, in source order
     */
    record CollectiveEntry(CollectiveDecl decl, String parent, List<Identifier> members,
                           List<Identifier> listedMembers, List<PreferenceDecl> preferences) {
    }

    final List<Statement.ScenarioName> scenarioNames = new ArrayList<>();
    final List<Statement.Currency> currencies = new ArrayList<>();
    final List<Statement.Time> times = new ArrayList<>();
    final Map<String, Statement.Param> params = new LinkedHashMap<>();
    final Map<String, Statement.ProfileDef> profiles = new LinkedHashMap<>();
    final Map<String, Statement.Kind> kinds = new LinkedHashMap<>();
    final Map<String, PeerEntry> peers = new LinkedHashMap<>();
    final Map<String, CollectiveEntry> collectives = new LinkedHashMap<>();
    final List<Statement.Tariff> tariffs = new ArrayList<>();
    final List<Statement.NetworkBlock> networks = new ArrayList<>();
    final List<Statement.MarketBlock> markets = new ArrayList<>();

    private final Diagnostics diagnostics;
    private final Map<String, SourceSpan> values = new LinkedHashMap<>();
    private final Map<String, SourceSpan> participants = new LinkedHashMap<>();

    private Declarations(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    static Declarations collect(List<LoadedModule> modules, Diagnostics diagnostics) {
        Declarations d = new Declarations(diagnostics);
        for (LoadedModule m : modules) {
            m.syntax().statements().forEach(d::add);
        }
        return d;
    }

    private void add(Statement s) {
        if (s instanceof Statement.ScenarioName n) {
            once(scenarioNames, n, "the scenario name");
        } else if (s instanceof Statement.Currency c) {
            once(currencies, c, "the currency");
        } else if (s instanceof Statement.Time t) {
            once(times, t, "the time axis");
        } else if (s instanceof Statement.Param p) {
            if (unique(values, p.name(), "name")) {
                params.put(p.name().text(), p);
            }
        } else if (s instanceof Statement.ProfileDef p) {
            if (unique(values, p.name(), "name")) {
                profiles.put(p.name().text(), p);
            }
        } else if (s instanceof Statement.Kind k) {
            addKind(k);
        } else if (s instanceof PeerDecl p) {
            addPeer(p, null);
        } else if (s instanceof CollectiveDecl c) {
            addCollective(c, null);
        } else if (s instanceof Statement.Tariff t) {
            tariffs.add(t);
        } else if (s instanceof Statement.NetworkBlock n) {
            networks.add(n);
        } else if (s instanceof Statement.MarketBlock m) {
            markets.add(m);
        }
        // imports were followed by the module loader
    }

    private void addKind(Statement.Kind k) {
        String name = k.name().text();
        if (PeerKinds.isBuiltIn(name)) {
            diagnostics.error(DiagnosticCode.DUPLICATE_NAME, k.name().span(),
                    "'" + name + "' is a built-in kind and cannot be redefined");
            return;
        }
        Statement.Kind earlier = kinds.get(name);
        if (earlier != null) {
            duplicate(k.name(), "kind", earlier.name().span());
            return;
        }
        kinds.put(name, k);
    }

    private void addPeer(PeerDecl p, String parent) {
        if (unique(participants, p.name(), "peer or collective")) {
            peers.put(p.name().text(), new PeerEntry(p, parent));
        }
    }

    private void addCollective(CollectiveDecl c, String parent) {
        boolean fresh = unique(participants, c.name(), "peer or collective");
        List<Identifier> members = new ArrayList<>();
        List<Identifier> listed = new ArrayList<>();
        List<PreferenceDecl> preferences = new ArrayList<>();
        if (fresh) {
            collectives.put(c.name().text(), new CollectiveEntry(c, parent, members, listed, preferences));
        }
        String self = fresh ? c.name().text() : null;
        for (CollectiveItem item : c.items()) {
            if (item instanceof PeerDecl p) {
                members.add(p.name());
                addPeer(p, self);
            } else if (item instanceof CollectiveDecl inner) {
                members.add(inner.name());
                addCollective(inner, self);
            } else if (item instanceof CollectiveItem.Members m) {
                members.addAll(m.names());
                listed.addAll(m.names());
            } else if (item instanceof PreferenceDecl pref) {
                preferences.add(pref);
            }
        }
    }

    private <T extends Statement> void once(List<T> seen, T statement, String what) {
        if (!seen.isEmpty()) {
            diagnostics.error(DiagnosticCode.DUPLICATE_NAME, statement.span(), what
                    + " is declared twice", "first declared at " + seen.get(0).span());
            return;
        }
        seen.add(statement);
    }

    private boolean unique(Map<String, SourceSpan> namespace, Identifier name, String what) {
        SourceSpan earlier = namespace.get(name.text());
        if (earlier != null) {
            duplicate(name, what, earlier);
            return false;
        }
        namespace.put(name.text(), name.span());
        return true;
    }

    private void duplicate(Identifier name, String what, SourceSpan earlier) {
        diagnostics.error(DiagnosticCode.DUPLICATE_NAME, name.span(),
                "duplicate " + what + " '" + name.text() + "'", "first declared at " + earlier);
    }
}
