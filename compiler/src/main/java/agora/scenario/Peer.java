package agora.scenario;

import agora.diagnostics.SourceSpan;
import java.util.List;
import java.util.Set;

/**
 * A market participant with its own cost and bounds.
 *
 * @param template    the user-defined or standard kind it was declared with (e.g. {@code
 *                    household}), or the base kind keyword
 * @param pmin        lower bound of net injection per step, MW (-inf allowed for the grid)
 * @param pmax        upper bound of net injection per step, MW (+inf allowed for the grid)
 * @param energyTypes attributes of the energy it sells (e.g. {@code wind}, {@code green})
 * @param importPrice grid only: price the grid charges for energy it sells, per MWh; else null
 * @param exportPrice grid only: price the grid pays for energy it buys, per MWh; else null
 * @param storage     storage only: its energy, power limits and losses; else null
 */
public record Peer(
        SourceSpan span,
        String name,
        PeerKind kind,
        String template,
        int bus,
        Profile pmin,
        Profile pmax,
        QuadraticCost cost,
        Set<String> energyTypes,
        Profile importPrice,
        Profile exportPrice,
        List<Preference> preferences,
        Storage storage) {

    /** A peer that stores no energy. */
    public Peer(SourceSpan span, String name, PeerKind kind, String template, int bus, Profile pmin,
                Profile pmax, QuadraticCost cost, Set<String> energyTypes, Profile importPrice,
                Profile exportPrice, List<Preference> preferences) {
        this(span, name, kind, template, bus, pmin, pmax, cost, energyTypes, importPrice, exportPrice,
                preferences, null);
    }

    /** Whether this peer stores energy, so that its steps are solved together. */
    public boolean isStorage() {
        return storage != null;
    }

    public boolean isGrid() {
        return kind == PeerKind.GRID;
    }
}
