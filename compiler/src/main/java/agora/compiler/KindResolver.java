package agora.compiler;

import agora.diagnostics.DiagnosticCode;
import agora.diagnostics.Diagnostics;
import agora.scenario.PeerKind;
import agora.syntax.Identifier;
import agora.syntax.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves kinds (templates) to their chain of ancestors and their built-in base kind, reporting
 * unknown bases (E0201) and kinds that extend themselves (E0207) once, at the kind.
 */
final class KindResolver {
    /** A kind's ancestors, nearest first (itself first), and the built-in kind at the root. */
    record Chain(List<Statement.Kind> kinds, PeerKind base) {
    }

    private final Map<String, Statement.Kind> kinds;
    private final Diagnostics diagnostics;
    private final Map<String, Optional<Chain>> resolved = new LinkedHashMap<>();

    KindResolver(Map<String, Statement.Kind> kinds, Diagnostics diagnostics) {
        this.kinds = kinds;
        this.diagnostics = diagnostics;
        kinds.keySet().forEach(this::resolveKind);
    }

    /**
     * The chain of the kind a peer is declared with, or empty after reporting an unknown kind
     * (or nothing, when the kind itself is broken and was reported already).
     */
    Optional<Chain> chainFor(Identifier kind) {
        Optional<PeerKind> builtIn = PeerKinds.builtIn(kind.text());
        if (builtIn.isPresent()) {
            return Optional.of(new Chain(List.of(), builtIn.get()));
        }
        if (!kinds.containsKey(kind.text())) {
            diagnostics.error(DiagnosticCode.UNDEFINED_NAME, kind.span(), "unknown kind '" + kind.text() + "'",
                    hintFor(kind.text()));
            return Optional.empty();
        }
        return resolved.get(kind.text());
    }

    private String hintFor(String name) {
        Set<String> known = new LinkedHashSet<>(PeerKinds.keywords());
        known.addAll(kinds.keySet());
        String hint = Names.hint(name, known);
        return hint != null ? hint : "kinds: " + String.join(", ", known);
    }

    /**
     * Resolves a kind and every kind on its way to a built-in one, walking the chain once: walking
     * it again from each kind took n³ steps on a chain of n kinds declared from the outermost
     * (2,600 never finished). A cycle is reported once, at its kind met first.
     */
    private Optional<Chain> resolveKind(String name) {
        if (resolved.containsKey(name)) {
            return resolved.get(name);
        }
        List<Statement.Kind> path = new ArrayList<>();
        Map<String, Integer> positions = new HashMap<>();
        String current = name;
        Optional<Chain> rest;
        while (true) {
            if (resolved.containsKey(current)) {
                rest = resolved.get(current);
                break;
            }
            Integer seen = positions.get(current);
            if (seen != null) {
                List<String> cycle = new ArrayList<>();
                path.subList(seen, path.size()).forEach(k -> cycle.add(k.name().text()));
                cycle.add(current);
                diagnostics.error(DiagnosticCode.CYCLIC_DEFINITION, kinds.get(current).name().span(),
                        "kind '" + current + "' extends itself: " + Names.path(cycle));
                rest = Optional.empty();
                break;
            }
            Statement.Kind kind = kinds.get(current);
            positions.put(current, path.size());
            path.add(kind);
            Identifier base = kind.base();
            Optional<PeerKind> builtIn = PeerKinds.builtIn(base.text());
            if (builtIn.isPresent()) {
                rest = Optional.of(new Chain(List.of(), builtIn.get()));
                break;
            }
            if (!kinds.containsKey(base.text())) {
                diagnostics.error(DiagnosticCode.UNDEFINED_NAME, base.span(),
                        "unknown kind '" + base.text() + "'", hintFor(base.text()));
                rest = Optional.empty();
                break;
            }
            current = base.text();
        }
        for (int i = path.size() - 1; i >= 0; i--) {
            List<Statement.Kind> ancestors = path.subList(i, path.size());
            Optional<Chain> chain = rest.map(r -> {
                List<Statement.Kind> all = new ArrayList<>(ancestors);
                all.addAll(r.kinds());
                return new Chain(List.copyOf(all), r.base());
            });
            resolved.put(path.get(i).name().text(), chain);
        }
        return resolved.get(name);
    }
}
