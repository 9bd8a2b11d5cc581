package agora.conformance;

import agora.market.Market;
import agora.market.MarketTree;
import agora.market.StepOutcome;
import agora.market.TradeLink;
import java.util.List;

/** Reads a {@link StepOutcome} by scenario names instead of indices. */
final class Outcomes {
    private final MarketTree tree;
    private final StepOutcome outcome;
    private final List<TradeLink> links;
    private final List<Market> markets;

    Outcomes(MarketTree tree, StepOutcome outcome) {
        this.tree = tree;
        this.outcome = outcome;
        this.links = tree.links();
        this.markets = tree.markets();
    }

    StepOutcome outcome() {
        return outcome;
    }

    double injection(String peer) {
        for (int k = 0; k < tree.peers().size(); k++) {
            if (tree.peers().get(k).name().equals(peer)) {
                return outcome.injection()[k];
            }
        }
        throw new AssertionError("no peer " + peer);
    }

    /** P_ab of the link labelled {@code a->b}. */
    double trade(String label) {
        return outcome.linkTrade()[link(label)];
    }

    double linkPrice(String label) {
        return outcome.linkPrice()[link(label)];
    }

    double poolPrice(String market) {
        return outcome.marketPrice()[market(market)];
    }

    double net(String market) {
        return outcome.collectiveNet()[market(market)];
    }

    private int link(String label) {
        for (int i = 0; i < links.size(); i++) {
            if (links.get(i).label().equals(label)) {
                return i;
            }
        }
        throw new AssertionError("no link " + label + " in "
                + links.stream().map(TradeLink::label).toList());
    }

    private int market(String name) {
        for (int m = 0; m < markets.size(); m++) {
            if (markets.get(m).name().equals(name)) {
                return m;
            }
        }
        throw new AssertionError("no market " + name);
    }
}
