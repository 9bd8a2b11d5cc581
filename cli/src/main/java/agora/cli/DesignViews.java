package agora.cli;

import agora.emit.DesignView;
import agora.market.DesignException;
import agora.market.Market;
import agora.market.MarketDesign;
import agora.market.MarketDesigns;
import agora.market.MarketTree;
import agora.market.Participant;
import agora.market.TradeLink;
import agora.topology.Topology;
import java.util.List;

/** Market trees in the plain terms of {@link DesignView}, for the emitters. */
final class DesignViews {
    private DesignViews() {
    }

    /** The design applied to the topology, or why it does not apply. */
    static DesignView of(MarketDesign design, Topology topology) {
        try {
            return of(MarketDesigns.lower(design, topology), design.description());
        } catch (DesignException e) {
            return DesignView.notApplicable(design.name(), design.description(), e.getMessage());
        }
    }

    static DesignView of(MarketTree tree, String description) {
        List<DesignView.MarketView> markets = tree.markets().stream()
                .map(DesignViews::market).toList();
        return new DesignView(tree.design(), description, null, markets);
    }

    private static DesignView.MarketView market(Market m) {
        List<String> participants = m.participants().stream().map(Participant::name).toList();
        List<DesignView.LinkView> links = m.links().stream().map(DesignViews::link).toList();
        return new DesignView.MarketView(m.name(), m.clearing().keyword(), participants, links,
                m.poolFee());
    }

    private static DesignView.LinkView link(TradeLink l) {
        return new DesignView.LinkView(l.a().name(), l.b().name(), l.costA(), l.costB());
    }
}
