package agora.compiler;

import agora.diagnostics.DiagnosticCode;
import agora.diagnostics.Diagnostics;
import agora.scenario.Clearing;
import agora.scenario.Collective;
import agora.scenario.Preference;
import agora.syntax.Identifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the collective tree: members declared inside a collective and members listed with
 * {@code member}, checking that each belongs to one collective (E0605), that no collective
 * contains itself (E0601) and that none is empty (E0602).
 */
final class CollectiveCompiler {
    private final Diagnostics diagnostics;
    private final Declarations declarations;
    private final Preferences preferences;
    private final Scope globals;
    private final Map<String, String> parents = new LinkedHashMap<>();
    private final Map<String, Identifier> listedAt = new LinkedHashMap<>();

    CollectiveCompiler(Diagnostics diagnostics, Declarations declarations, Preferences preferences,
                       Scope globals) {
        this.diagnostics = diagnostics;
        this.declarations = declarations;
        this.preferences = preferences;
        this.globals = globals;
    }

    List<Collective> compile() {
        declarations.peers.forEach((name, entry) -> parents.put(name, entry.parent()));
        declarations.collectives.forEach((name, entry) -> parents.put(name, entry.parent()));
        declarations.collectives.forEach((name, entry) -> entry.listedMembers().forEach(m -> list(name, m)));
        Set<String> cyclic = findCycles();
        List<Collective> out = new ArrayList<>();
        for (Declarations.CollectiveEntry entry : declarations.collectives.values()) {
            String name = entry.decl().name().text();
            List<String> memberPeers = new ArrayList<>();
            List<String> memberCollectives = new ArrayList<>();
            for (Identifier m : new LinkedHashSet<>(entry.members())) {
                if (!name.equals(parents.get(m.text()))) {
                    continue; // unknown, or belongs elsewhere: reported
                }
                (declarations.peers.containsKey(m.text()) ? memberPeers : memberCollectives).add(m.text());
            }
            // a collective whose members were all rejected is reported through them
            if (entry.members().isEmpty() && !cyclic.contains(name)) {
                diagnostics.error(DiagnosticCode.EMPTY_COLLECTIVE, entry.decl().name().span(),
                        entry.decl().keyword() + " '" + name + "' has no members",
                        "declare peers or collectives inside it, or list them with 'member name'");
            }
            List<Preference> prefs = preferences.compile(entry.preferences(), globals);
            Clearing clearing = entry.decl().clearing().equals("pool") ? Clearing.POOL : Clearing.BILATERAL;
            out.add(new Collective(entry.decl().span(), name, entry.decl().keyword(), clearing,
                    parents.get(name), List.copyOf(memberPeers), List.copyOf(memberCollectives), prefs));
        }
        return out;
    }

    private void list(String collective, Identifier member) {
        String name = member.text();
        if (!parents.containsKey(name)) {
            Set<String> known = new LinkedHashSet<>(declarations.peers.keySet());
            known.addAll(declarations.collectives.keySet());
            diagnostics.error(DiagnosticCode.UNDEFINED_NAME, member.span(),
                    "undefined peer or collective '" + name + "'", Names.hint(name, known));
            return;
        }
        String parent = parents.get(name);
        if (parent != null) {
            Identifier earlier = listedAt.get(name);
            String where = earlier != null ? "listed in '" + parent + "' at " + earlier.span()
                    : "declared inside '" + parent + "'";
            diagnostics.error(DiagnosticCode.MEMBER_TWICE, member.span(), "'" + name
                    + "' is already a member of '" + parent + "'", where + "; a peer or collective belongs to one collective");
            return;
        }
        parents.put(name, collective);
        listedAt.put(name, member);
    }

    /** Reports each cycle of collectives containing each other once; returns their names. */
    private Set<String> findCycles() {
        Set<String> cyclic = new HashSet<>();
        for (String start : declarations.collectives.keySet()) {
            if (cyclic.contains(start)) {
                continue;
            }
            List<String> path = new ArrayList<>();
            String current = start;
            while (current != null && !path.contains(current)) {
                path.add(current);
                current = parents.get(current);
            }
            if (current != null && current.equals(start)) {
                path.add(start);
                cyclic.addAll(path);
                List<String> inside = new ArrayList<>(path);
                java.util.Collections.reverse(inside);
                Identifier at = listedAt.getOrDefault(start, declarations.collectives.get(start).decl().name());
                diagnostics.error(DiagnosticCode.NESTING_CYCLE, at.span(), "collectives contain each other: "
                        + String.join(" contains ", inside), "a collective cannot be inside itself");
            }
        }
        return cyclic;
    }
}
