package agora.conformance;

import agora.market.Market;
import agora.market.MarketTree;
import agora.market.Participant;
import agora.market.StepOutcome;
import agora.market.TradeLink;
import agora.market.formulation.MarketProblem;
import agora.market.formulation.SlotKind;
import agora.market.formulation.TradeSlot;
import agora.scenario.Peer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Properties every market outcome has, however it was solved: each participant's trades add up
 * to its net position, each pool's members' positions add up to the collective's, and the
 * reported objective is what the outcome costs when priced from the scenario.
 */
final class MarketInvariants {
    private MarketInvariants() {
    }

    /** Every balance violated by more than {@code tolerance} MW, described; empty when none. */
    static List<String> balanceViolations(MarketTree tree, StepOutcome outcome, double tolerance) {
        List<String> problems = new ArrayList<>();
        List<Market> markets = tree.markets();
        Map<String, Integer> marketIndex = new HashMap<>();
        for (int m = 0; m < markets.size(); m++) {
            marketIndex.put(markets.get(m).name(), m);
        }
        Map<String, Integer> peerIndex = new HashMap<>();
        for (int k = 0; k < tree.peers().size(); k++) {
            peerIndex.put(tree.peers().get(k).name(), k);
        }
        List<TradeLink> links = tree.links();
        Map<TradeLink, Integer> linkIndex = new HashMap<>();
        for (int i = 0; i < links.size(); i++) {
            linkIndex.put(links.get(i), i);
        }
        for (int m = 0; m < markets.size(); m++) {
            Market market = markets.get(m);
            double poolSum = 0.0;
            for (Participant p : market.participants()) {
                double position = switch (kind(p)) {
                    case 0 -> outcome.injection()[peerIndex.get(p.name())];
                    case 1 -> outcome.collectiveNet()[marketIndex.get(p.name())];
                    default -> -outcome.collectiveNet()[m];
                };
                poolSum += position;
                if (market.isPool()) {
                    continue;
                }
                double sold = 0.0;
                for (TradeLink link : market.links()) {
                    double trade = outcome.linkTrade()[linkIndex.get(link)];
                    if (link.a().equals(p)) {
                        sold += trade;
                    } else if (link.b().equals(p)) {
                        sold -= trade;
                    }
                }
                if (Math.abs(sold - position) > tolerance) {
                    problems.add(p.name() + " in " + market.name() + " sells " + sold
                            + " MW but its net position is " + position);
                }
            }
            double exported = market.isRoot() ? 0.0 : outcome.collectiveNet()[m];
            if (market.isPool() && Math.abs(poolSum - exported) > tolerance) {
                problems.add("pool " + market.name() + ": members' positions sum to " + poolSum
                        + " MW but the collective's net position is " + exported);
            }
        }
        return problems;
    }

    private static int kind(Participant p) {
        if (p instanceof Participant.PeerMember) {
            return 0;
        }
        return p instanceof Participant.CollectiveMember ? 1 : 2;
    }

    /**
     * The hourly objective the outcome implies, priced from the scenario (not from the problem's
     * own prices, which are under test): every non-grid peer's cost; on every link each side's
     * per-MWh cost on |trade| and the grid's energy (π+ on its sales, -π- on its purchases),
     * except on a community's link with the grid it settles with; in every pool, each member's
     * fee on |q| and, where the pool settles with the grid, π+ on the member's imports and -π-
     * on its exports (formulation (2)).
     */
    static double objectiveOf(MarketTree tree, StepOutcome outcome) {
        int step = outcome.step();
        double total = 0.0;
        List<Peer> peers = tree.peers();
        for (int k = 0; k < peers.size(); k++) {
            if (!peers.get(k).isGrid()) {
                total += peers.get(k).cost().at(outcome.injection()[k]);
            }
        }
        List<TradeLink> links = tree.links();
        for (int i = 0; i < links.size(); i++) {
            TradeLink link = links.get(i);
            double trade = outcome.linkTrade()[i];
            total += (link.costA() + link.costB()) * Math.abs(trade);
            if (!settledWithGrid(link.a(), link.b()) && !settledWithGrid(link.b(), link.a())) {
                total += gridEnergy(link.a(), trade, step) + gridEnergy(link.b(), -trade, step);
            }
        }
        MarketProblem problem = MarketProblem.of(tree);
        for (TradeSlot slot : problem.slots()) {
            Market market = tree.markets().get(slot.market());
            if (!market.isPool() || slot.kind() == SlotKind.POOL_MANAGER) {
                continue;
            }
            double v = outcome.slotValues()[slot.index()];
            if (slot.kind() == SlotKind.POOL) {
                total += market.poolFee() * Math.abs(v);
                total += gridEnergy(slot.owner(), v, step);
            } else if (market.settlesWith() != null) {
                Peer grid = market.settlesWith();
                total += v < 0 ? -grid.importPrice().at(step) * v : -grid.exportPrice().at(step) * v;
            } else {
                total += gridEnergy(slot.owner(), v, step);
            }
        }
        return total;
    }

    /** True when {@code side} is the grid that {@code partner}'s pool settles with. */
    private static boolean settledWithGrid(Participant side, Participant partner) {
        return partner instanceof Participant.CollectiveMember c && c.inner().settlesWith() != null
                && side.asPeer().map(p -> p.name().equals(c.inner().settlesWith().name())).orElse(false);
    }

    private static double gridEnergy(Participant side, double sale, int step) {
        return side.asPeer().filter(Peer::isGrid).map(grid -> sale >= 0
                ? grid.importPrice().at(step) * sale
                : grid.exportPrice().at(step) * sale).orElse(0.0);
    }
}
