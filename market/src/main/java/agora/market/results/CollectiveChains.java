package agora.market.results;

import agora.scenario.Collective;
import agora.scenario.Scenario;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * For each participant name (peer or collective), the collectives of the scenario it lies in,
 * outermost first (a collective's own chain ends with itself): which pair of sibling collectives
 * a trade crosses ({@link SiblingExchange}).
 */
final class CollectiveChains {
    private static final List<String> NONE = List.of();

    private final Map<String, List<String>> chains = new HashMap<>();
    private final Map<String, Integer> order = new HashMap<>();

    private CollectiveChains(Scenario scenario) {
        Map<String, Collective> byName = new HashMap<>();
        for (Collective c : scenario.collectives()) {
            order.put(c.name(), order.size());
            byName.put(c.name(), c);
        }
        for (Collective c : scenario.collectives()) {
            List<String> chain = chain(c, byName);
            for (String peer : c.memberPeers()) {
                chains.put(peer, chain);
            }
        }
    }

    static CollectiveChains of(Scenario scenario) {
        return new CollectiveChains(scenario);
    }

    /** The collectives containing {@code c} and {@code c} itself, outermost first. */
    private List<String> chain(Collective c, Map<String, Collective> byName) {
        List<String> known = chains.get(c.name());
        if (known != null) {
            return known;
        }
        List<String> reversed = new ArrayList<>();
        for (Collective at = c; at != null; at = at.parent() == null ? null : byName.get(at.parent())) {
            reversed.add(at.name());
        }
        List<String> chain = new ArrayList<>(reversed.size());
        for (int i = reversed.size() - 1; i >= 0; i--) {
            chain.add(reversed.get(i));
        }
        List<String> fixed = List.copyOf(chain);
        chains.put(c.name(), fixed);
        return fixed;
    }

    /**
     * The pair of sibling collectives a trade between {@code a} and {@code b} crosses (its energy
     * 0), or null when it crosses none: both in the same innermost collective, or one side
     * directly in a collective the other lies in, or outside every collective.
     */
    SiblingExchange crossing(String a, String b) {
        List<String> ca = chains.getOrDefault(a, NONE);
        List<String> cb = chains.getOrDefault(b, NONE);
        int level = 0;
        while (level < ca.size() && level < cb.size() && ca.get(level).equals(cb.get(level))) {
            level++;
        }
        if (level >= ca.size() || level >= cb.size()) {
            return null;
        }
        String x = ca.get(level);
        String y = cb.get(level);
        boolean xFirst = order.get(x) < order.get(y);
        return new SiblingExchange(level == 0 ? null : ca.get(level - 1), xFirst ? x : y, xFirst ? y : x, 0.0);
    }
}
