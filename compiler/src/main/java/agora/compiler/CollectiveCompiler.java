package agora.compiler;

import agora.diagnostics.DiagnosticCode;
import agora.diagnostics.Diagnostics;
import agora.scenario.Clearing;
import agora.scenario.Collective;
import agora.scenario.Preference;
import agora.syntax.Identifier;
import agora.syntax.ScenarioParser;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
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
        checkDepth(cyclic);
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

    /**
     * Reports each cycle of collectives containing each other once, from its member declared
     * first; returns their names. Each collective's chain of parents is walked once: walking it
     * again from every collective took n³ steps on a chain of n (5,000 never ended).
     */
    private Set<String> findCycles() {
        Set<String> cyclic = new HashSet<>();
        Set<String> walked = new HashSet<>();
        Map<String, Integer> order = new HashMap<>();
        declarations.collectives.keySet().forEach(name -> order.put(name, order.size()));
        for (String start : declarations.collectives.keySet()) {
            Set<String> path = new LinkedHashSet<>();
            String current = start;
            while (current != null && !walked.contains(current) && path.add(current)) {
                current = parents.get(current);
            }
            walked.addAll(path);
            if (current == null || !path.contains(current)) {
                continue; // reached the top, or a chain walked before
            }
            // the cycle through current, reported from its member declared first
            List<String> members = new ArrayList<>();
            String m = current;
            do {
                members.add(m);
                m = parents.get(m);
            } while (!m.equals(current));
            String first = members.stream().min(Comparator.comparing(order::get)).orElseThrow();
            List<String> cycle = new ArrayList<>();
            m = first;
            do {
                cycle.add(m);
                m = parents.get(m);
            } while (!m.equals(first));
            cycle.add(first);
            cyclic.addAll(cycle);
            Collections.reverse(cycle);
            Identifier at = listedAt.getOrDefault(first, declarations.collectives.get(first).decl().name());
            diagnostics.error(DiagnosticCode.NESTING_CYCLE, at.span(), "collectives contain each other: "
                    + Names.path(cycle, " contains "), "a collective cannot be inside itself");
        }
        return cyclic;
    }

    /**
     * Reports the collectives listed as members deeper than collectives may nest when written
     * inside each other (the designs, the topology and the results descend the tree), once per
     * branch: at the member listing that goes one level too deep.
     */
    private void checkDepth(Set<String> cyclic) {
        Map<String, Integer> depths = new HashMap<>();
        for (String start : declarations.collectives.keySet()) {
            List<String> chain = new ArrayList<>();
            String current = start;
            while (current != null && !depths.containsKey(current) && !cyclic.contains(current)) {
                chain.add(current);
                current = parents.get(current);
            }
            int depth = current == null || cyclic.contains(current) ? 0 : depths.get(current);
            for (int i = chain.size() - 1; i >= 0; i--) {
                depths.put(chain.get(i), ++depth);
                if (depth == ScenarioParser.MAX_COLLECTIVE_DEPTH + 1) {
                    String name = chain.get(i);
                    Identifier at = listedAt.getOrDefault(name, declarations.collectives.get(name).decl().name());
                    diagnostics.error(DiagnosticCode.NESTING_TOO_DEEP, at.span(), "collective '" + name
                            + "' is nested " + depth + " levels deep", "collectives may nest at most "
                            + ScenarioParser.MAX_COLLECTIVE_DEPTH + " levels, listed as members or written inside each other");
                }
            }
        }
    }
}
