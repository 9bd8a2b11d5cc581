package agora.compiler;

import agora.diagnostics.DiagnosticCode;
import agora.diagnostics.Diagnostics;
import agora.scenario.PeerKind;
import agora.syntax.Identifier;
import agora.syntax.Statement;
import java.util.ArrayList;
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

    private Optional<Chain> resolveKind(String name) {
        if (resolved.containsKey(name)) {
            return resolved.get(name);
        }
        List<Statement.Kind> chain = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        String current = name;
        Optional<Chain> result;
        while (true) {
            if (seen.contains(current)) {
                List<String> cycle = new ArrayList<>(seen.subList(seen.indexOf(current), seen.size()));
                cycle.add(current);
                diagnostics.error(DiagnosticCode.CYCLIC_DEFINITION, kinds.get(name).name().span(),
                        "kind '" + name + "' extends itself: " + String.join(" -> ", cycle));
                result = Optional.empty();
                break;
            }
            seen.add(current);
            Statement.Kind kind = kinds.get(current);
            chain.add(kind);
            Identifier base = kind.base();
            Optional<PeerKind> builtIn = PeerKinds.builtIn(base.text());
            if (builtIn.isPresent()) {
                result = Optional.of(new Chain(List.copyOf(chain), builtIn.get()));
                break;
            }
            if (!kinds.containsKey(base.text())) {
                diagnostics.error(DiagnosticCode.UNDEFINED_NAME, base.span(),
                        "unknown kind '" + base.text() + "'", hintFor(base.text()));
                result = Optional.empty();
                break;
            }
            if (resolved.containsKey(base.text())) {
                Optional<Chain> rest = resolved.get(base.text());
                result = rest.map(r -> {
                    List<Statement.Kind> all = new ArrayList<>(chain);
                    all.addAll(r.kinds());
                    return new Chain(List.copyOf(all), r.base());
                });
                break;
            }
            current = base.text();
        }
        resolved.put(name, result);
        return result;
    }
}
