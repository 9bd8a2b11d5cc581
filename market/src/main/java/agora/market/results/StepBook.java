package agora.market.results;

import agora.market.Market;
import agora.market.MarketTree;
import agora.market.Participant;
import agora.market.StepOutcome;
import agora.market.TradeLink;
import agora.scenario.Peer;
import agora.scenario.Profile;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The running books of one optimal step while its markets are settled one by one. */
final class StepBook {
    private final MarketTree tree;
    private final StepOutcome outcome;
    private final int step;
    private final double dt;
    private final Map<String, Integer> peerIndex = new HashMap<>();
    private final Map<Market, Integer> marketIndex = new IdentityHashMap<>();
    /** payments by participant name (peers, collectives' managers), currency */
    private final Map<String, Double> payments = new HashMap<>();
    /** external settlement by grid peer name, currency */
    private final Map<String, Double> gridSettlement = new HashMap<>();
    /** [import, export] MWh of each collective in its parent market */
    private final Map<String, double[]> collectiveFlows = new LinkedHashMap<>();
    private final List<TradeStep> trades = new ArrayList<>();
    private double gridImport;
    private double gridExport;
    private double importCost;
    private double exportRevenue;
    private double exchange;
    private double fees;

    StepBook(MarketTree tree, StepOutcome outcome) {
        this.tree = tree;
        this.outcome = outcome;
        this.step = outcome.step();
        this.dt = tree.scenario().time().stepHours();
        List<Peer> peers = tree.peers();
        for (int i = 0; i < peers.size(); i++) {
            peerIndex.put(peers.get(i).name(), i);
        }
        List<Market> markets = tree.markets();
        for (int k = 0; k < markets.size(); k++) {
            marketIndex.put(markets.get(k), k);
        }
    }

    StepResult close(LocalDateTime time) {
        int link = 0;
        for (Market market : tree.markets()) {
            if (market.isPool()) {
                settlePool(market);
            } else {
                for (TradeLink l : market.links()) {
                    settleLink(market, l, link++);
                }
            }
        }
        return result(time);
    }

    private void settlePool(Market market) {
        double price = outcome.marketPrice()[marketIndex.get(market)];
        for (Participant member : market.participants()) {
            double y = netPosition(member);
            double charge = market.poolFee() * Math.abs(y) * dt;
            pay(member, price * -y * dt + charge);
            fees += charge;
            flows(member, y);
            trades.add(new TradeStep(market.name(), true, member.name(), market.name(), y, price));
        }
    }

    private void settleLink(Market market, TradeLink link, int index) {
        double sale = outcome.linkTrade()[index];
        double price = outcome.linkPrice()[index];
        double chargeA = link.costA() * Math.abs(sale) * dt;
        double chargeB = link.costB() * Math.abs(sale) * dt;
        pay(link.a(), price * -sale * dt + chargeA);
        pay(link.b(), price * sale * dt + chargeB);
        fees += chargeA + chargeB;
        flows(link.a(), sale);
        flows(link.b(), -sale);
        if (tree.crossesCollectives(link.a(), link.b())) {
            exchange += Math.abs(sale) * dt;
        }
        trades.add(new TradeStep(market.name(), false, link.a().name(), link.b().name(), sale,
                price));
    }

    /** y_n of a pool member: a peer's injection, or a collective's net position. */
    private double netPosition(Participant member) {
        if (member instanceof Participant.CollectiveMember c) {
            return outcome.collectiveNet()[marketIndex.get(c.inner())];
        }
        return outcome.injection()[peerIndex.get(member.name())];
    }

    private void pay(Participant who, double amount) {
        payments.merge(who.name(), amount, Double::sum);
    }

    /** Records a participant's sale (MW, negative = purchase) for grid and collective accounts. */
    private void flows(Participant who, double sale) {
        if (who instanceof Participant.CollectiveMember c) {
            double[] f = collectiveFlows.computeIfAbsent(c.name(), n -> new double[2]);
            f[0] += Math.max(0, -sale) * dt;
            f[1] += Math.max(0, sale) * dt;
        } else if (who instanceof Participant.PeerMember p && p.peer().isGrid()) {
            gridTrade(p.peer(), sale);
        }
    }

    /** The grid priced per trade: a sale s costs π⁺s upstream, a purchase u earns π⁻u. */
    private void gridTrade(Peer grid, double sale) {
        double s = Math.max(0, sale);
        double u = Math.max(0, -sale);
        double cost = price(grid, grid.importPrice(), "import") * s * dt;
        double revenue = price(grid, grid.exportPrice(), "export") * u * dt;
        gridImport += s * dt;
        gridExport += u * dt;
        importCost += cost;
        exportRevenue += revenue;
        gridSettlement.merge(grid.name(), cost - revenue, Double::sum);
    }

    private double price(Peer grid, Profile profile, String which) {
        if (profile == null) {
            throw new IllegalArgumentException("grid peer '" + grid.name() + "' has no " + which
                    + " price");
        }
        return profile.at(step);
    }

    private StepResult result(LocalDateTime time) {
        List<PeerStep> peers = new ArrayList<>();
        double load = 0;
        double paidByPeers = 0;
        for (Peer peer : tree.peers()) {
            double p = outcome.injection()[peerIndex.get(peer.name())];
            double cost = dt * peer.cost().at(p) + gridSettlement.getOrDefault(peer.name(), 0.0);
            double payment = payments.getOrDefault(peer.name(), 0.0);
            peers.add(new PeerStep(peer.name(), p, p * dt, cost, payment));
            if (!peer.isGrid()) {
                load += Math.max(0, -p) * dt;
                paidByPeers += payment;
            }
        }
        List<CollectiveStep> collectives = new ArrayList<>();
        for (Market market : tree.markets()) {
            if (market == tree.root()) {
                continue;
            }
            double[] f = collectiveFlows.getOrDefault(market.name(), new double[2]);
            double price = market.isPool() ? outcome.marketPrice()[marketIndex.get(market)]
                    : Double.NaN;
            collectives.add(new CollectiveStep(market.name(), price, f[0], f[1]));
        }
        double imbalance = paidByPeers - (importCost - exportRevenue + fees);
        return new StepResult(step, time, outcome.status(), outcome.message(),
                outcome.conflicts(), -dt * outcome.objective(), gridImport, gridExport,
                importCost, exportRevenue, load, exchange, fees, imbalance, peers, trades,
                collectives, outcome.stats());
    }
}
