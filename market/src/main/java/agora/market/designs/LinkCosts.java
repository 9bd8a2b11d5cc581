package agora.market.designs;

import agora.market.Participant;
import agora.scenario.Collective;
import agora.scenario.CollectiveFee;
import agora.scenario.Peer;
import agora.scenario.Preference;
import agora.scenario.Tariffs;
import agora.topology.Topology;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The per-MWh cost each side of a bilateral trade pays on its own trade variable (COMMON
 * conventions): γ on every trade side; the fee between two collectives when both sides ARE those
 * collectives (their managers); the network charge times the electrical distance between two
 * peers' buses; and the side's preferences, its own and those declared on every collective that
 * encloses it, judged against the partner.
 *
 * <p>A collective's manager counts as the collective for preferences (it trades on its members'
 * behalf), has no bus, and sells energy of a type only when every peer below it that may sell has
 * that type.
 */
public final class LinkCosts {
    private final Topology topology;
    private final Tariffs tariffs;
    private final double tradeFee;

    /** Every trade side pays γ (the scenario's fee on every trade). */
    public LinkCosts(Topology topology) {
        this(topology, true);
    }

    private LinkCosts(Topology topology, boolean tradeFee) {
        this.topology = topology;
        this.tariffs = topology.scenario().tariffs();
        this.tradeFee = tradeFee ? tariffs.tradeFee() : 0.0;
    }

    /**
     * Costs without γ: for the community design's trades with the grid, which formulation (2)
     * settles at the grid's prices with no transaction cost (γ is paid on pool trades only).
     */
    public static LinkCosts withoutTradeFee(Topology topology) {
        return new LinkCosts(topology, false);
    }

    /**
     * What {@code side} pays per MWh on its trade with {@code partner}; +inf when a distance-based
     * charge applies but no line path joins the two peers' buses (they cannot trade).
     */
    public double cost(Participant side, Participant partner) {
        double cost = tradeFee + collectiveFee(side, partner);
        OptionalDouble distance = distance(side, partner);
        if (tariffs.networkCharge() > 0 && distance.isPresent()) {
            cost += tariffs.networkCharge() * distance.getAsDouble();
        }
        for (Preference preference : preferencesOf(side, partner)) {
            cost += preferenceCost(preference, side, partner, distance);
        }
        return cost;
    }

    private double collectiveFee(Participant side, Participant partner) {
        if (!isCollective(side) || !isCollective(partner)) {
            return 0.0;
        }
        return tariffs.collectiveFees().stream()
                .filter(f -> f.connects(side.name(), partner.name()))
                .mapToDouble(CollectiveFee::feePerMWh).findFirst().orElse(0.0);
    }

    private static boolean isCollective(Participant p) {
        return !(p instanceof Participant.PeerMember);
    }

    /** Distance between two peers' buses; empty unless both are peers located in the network. */
    private OptionalDouble distance(Participant a, Participant b) {
        if (a instanceof Participant.PeerMember pa && b instanceof Participant.PeerMember pb) {
            return topology.peerDistance(pa.name(), pb.name());
        }
        return OptionalDouble.empty();
    }

    /**
     * The preferences that price {@code side}'s trade with {@code partner}: its own, then those of
     * each collective that encloses it, from the innermost out, but a collective's only when the
     * partner is outside it. A collective's preference says whom its members should favour
     * outside it; it never taxes trades among its own members (a green community's households
     * pay nothing extra to buy from its own PV, nor does the PV to sell to them).
     */
    public List<Preference> preferencesOf(Participant side, Participant partner) {
        List<Preference> out = new ArrayList<>();
        if (side instanceof Participant.PeerMember p) {
            out.addAll(p.peer().preferences());
        } else {
            topology.scenario().collective(side.name()).ifPresent(c -> out.addAll(c.preferences()));
        }
        for (String enclosing : topology.enclosingCollectives(side.name())) {
            if (!topology.isWithin(partner.name(), enclosing)) {
                topology.scenario().collective(enclosing).map(Collective::preferences)
                        .ifPresent(out::addAll);
            }
        }
        return out;
    }

    /**
     * An energy preference is about what the side buys: it applies only where the side may buy
     * from the partner (a producer selling pays nothing for its buyer's energy). A side that both
     * buys and sells on one trade (a prosumer) pays it on the whole trade: a side's per-MWh cost is
     * one number.
     */
    private double preferenceCost(Preference preference, Participant side, Participant partner,
                                  OptionalDouble distance) {
        return switch (preference.target()) {
            case ENERGY -> !(side.mayBuy() && partner.maySell())
                    || energyTypes(partner).contains(preference.value()) ? 0.0 : preference.costPerMWh();
            case COLLECTIVE -> topology.isWithin(partner.name(), preference.value())
                    ? 0.0 : preference.costPerMWh();
            case PARTNER -> partner.name().equals(preference.value()) ? 0.0 : preference.costPerMWh();
            case DISTANCE -> distance.isPresent() && preference.costPerMWh() > 0
                    ? preference.costPerMWh() * distance.getAsDouble() : 0.0;
        };
    }

    /** The energy types a participant sells: a collective's are those all its sellers share. */
    public Set<String> energyTypes(Participant participant) {
        if (participant instanceof Participant.PeerMember p) {
            return p.peer().energyTypes();
        }
        Set<String> shared = null;
        for (Peer peer : topology.peersBelow(participant.name())) {
            if (!peer.kind().maySell() || peer.isGrid()) {
                continue;
            }
            if (shared == null) {
                shared = new HashSet<>(peer.energyTypes());
            } else {
                shared.retainAll(peer.energyTypes());
            }
        }
        return shared == null ? Set.of() : shared;
    }
}
