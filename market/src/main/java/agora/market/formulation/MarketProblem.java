package agora.market.formulation;

import agora.market.DesignException;
import agora.market.Market;
import agora.market.MarketDesign;
import agora.market.MarketDesigns;
import agora.market.MarketTree;
import agora.market.Participant;
import agora.market.TradeLink;
import agora.scenario.Line;
import agora.scenario.Peer;
import agora.solver.Origin;
import agora.topology.DcPowerFlow;
import agora.topology.Topology;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The market problem of a {@link MarketTree}, written once: net positions, parties, trade slots,
 * balances and coupling rows, with what every slot costs and may take ({@link SlotPrice},
 * bounds), plus the terms the design adds ({@link DesignTerms}). The centralized lowering turns it
 * into a QP, the decomposed solver hands each party its own slots, and the accounting settles the
 * slots at their prices: none of them applies a pricing, sign or bound rule of its own.
 *
 * <h2>The problem of one step (all costs hourly)</h2>
 * <pre>
 *   minimise   sum_n C_n(p_n) + sum over slots of price(v_slot) + design terms
 *   subject to sign * position = sum of the participant's slots      (each balance)
 *              sum of a coupling's slots = 0                          (reciprocity, pool)
 *              pmin_n(t) &lt;= p_n &lt;= pmax_n(t), low &lt;= v_slot &lt;= high, design rows
 *              -cap_l(t) &lt;= sum_n PTDF_l,bus(n) p_n &lt;= cap_l(t)               (each limited line)
 * </pre>
 * The line rows ({@link LineLimit}) come from the scenario's network, not from the design: every
 * design gets the same ones.
 * A collective's net position {@code x_K} appears in its parent market (sign +1) and in its own
 * market (its manager's balance, sign -1), so a manager passes on exactly what it trades inside.
 *
 * <p>Orders are deterministic: positions are the peers in scenario order then the collectives in
 * market order; slots and couplings go market by market (pool: the members' slots in participant
 * order, then the manager's; bilateral: per link side a then side b); parties in order of first
 * appearance, each collective's manager created where the collective first takes part.
 */
public final class MarketProblem {
    private final MarketTree tree;
    private final List<Position> positions;
    private final List<Party> parties;
    private final List<TradeSlot> slots;
    private final List<Coupling> couplings;
    private final List<List<Balance>> marketBalances;
    private final List<List<Coupling>> marketCouplings;
    private final int[] peerPosition;
    private final int[] marketPosition;
    private final int[] marketManager;
    private final int[] linkCoupling;
    private final int[] marketPool;
    private final int[] marketExchange;
    private final Map<String, Integer> partyByName;
    private final DesignTerms terms;
    private final List<LineLimit> lineLimits;
    private final List<StorageUnit> storages;

    private MarketProblem(Builder b, DesignTerms terms) {
        this.tree = b.tree;
        this.positions = List.copyOf(b.positions);
        this.parties = List.copyOf(b.parties);
        this.slots = List.copyOf(b.slots);
        this.couplings = List.copyOf(b.couplings);
        this.marketBalances = b.marketBalances.stream().map(List::copyOf).toList();
        this.marketCouplings = b.marketCouplings.stream().map(List::copyOf).toList();
        this.peerPosition = b.peerPosition;
        this.marketPosition = b.marketPosition;
        this.marketManager = b.marketManager;
        this.linkCoupling = b.linkCoupling.stream().mapToInt(Integer::intValue).toArray();
        this.marketPool = b.marketPool;
        this.marketExchange = b.marketExchange;
        this.partyByName = b.partyByName;
        this.terms = terms;
        this.lineLimits = List.copyOf(b.lineLimits);
        this.storages = List.copyOf(b.storages);
    }

    private MarketProblem(MarketProblem core, DesignTerms terms) {
        this.tree = core.tree;
        this.positions = core.positions;
        this.parties = core.parties;
        this.slots = core.slots;
        this.couplings = core.couplings;
        this.marketBalances = core.marketBalances;
        this.marketCouplings = core.marketCouplings;
        this.peerPosition = core.peerPosition;
        this.marketPosition = core.marketPosition;
        this.marketManager = core.marketManager;
        this.linkCoupling = core.linkCoupling;
        this.marketPool = core.marketPool;
        this.marketExchange = core.marketExchange;
        this.partyByName = core.partyByName;
        this.terms = terms;
        this.lineLimits = core.lineLimits;
        this.storages = core.storages;
    }

    /**
     * The problem of a tree, without design terms.
     *
     * @throws IllegalArgumentException when the tree does not place every peer of the scenario in
     *                                  exactly one market, or puts a manager in the root market
     *                                  (a broken plug-in design)
     */
    public static MarketProblem of(MarketTree tree) {
        DcPowerFlow flow = tree.scenario().network().hasLimits() ? DcPowerFlow.of(tree.scenario()) : null;
        return new Builder(tree, flow).build();
    }

    /** The problem of a tree of {@code topology}'s scenario, its power flow computed once for all designs. */
    public static MarketProblem of(MarketTree tree, Topology topology) {
        return new Builder(tree, topology.powerFlow()).build();
    }

    /**
     * The whole problem of a design on a topology: its tree (labelled with the design's own name,
     * {@link MarketDesigns#lower}), then its own terms.
     *
     * @throws DesignException when the scenario does not fit the design
     * @throws IllegalArgumentException when the design's tree or terms are malformed (a broken
     *                                  plug-in)
     */
    public static MarketProblem formulate(MarketDesign design, Topology topology) throws DesignException {
        MarketProblem problem = of(MarketDesigns.lower(design, topology), topology);
        return problem.withTerms(design.terms(problem, topology));
    }

    /** This problem with a design's terms added (they must have been built over this problem). */
    public MarketProblem withTerms(DesignTerms designTerms) {
        return new MarketProblem(this, designTerms);
    }

    public MarketTree tree() {
        return tree;
    }

    public List<Position> positions() {
        return positions;
    }

    public List<Party> parties() {
        return parties;
    }

    public List<TradeSlot> slots() {
        return slots;
    }

    /** Reciprocity rows in {@link MarketTree#links()} order and pool rows, market by market. */
    public List<Coupling> couplings() {
        return couplings;
    }

    public DesignTerms terms() {
        return terms;
    }

    /** The rows of the network's limited lines, in declaration order (none without limits). */
    public List<LineLimit> lineLimits() {
        return lineLimits;
    }

    /**
     * The storage peers, in scenario order (none without storage). With any, the steps are
     * coupled: their state of charge carries energy from one step to the next.
     */
    public List<StorageUnit> storages() {
        return storages;
    }

    /** Whether steps are coupled in time (some peer stores energy), so they are solved in windows. */
    public boolean couplesSteps() {
        return !storages.isEmpty();
    }

    /** The balances of market {@code m}, in participant order (a pool's manager last). */
    public List<Balance> balances(int market) {
        return marketBalances.get(market);
    }

    /** The coupling rows of market {@code m}: its links' reciprocity rows, or its pool row. */
    public List<Coupling> couplings(int market) {
        return marketCouplings.get(market);
    }

    /** The position of peer {@code k} (scenario order). */
    public int peerPosition(int peer) {
        return peerPosition[peer];
    }

    /** The net position of the collective of market {@code m}, or -1 for the root. */
    public int collectivePosition(int market) {
        return marketPosition[market];
    }

    /** The party managing market {@code m}, or -1 for the root. */
    public int marketManager(int market) {
        return marketManager[market];
    }

    /** The reciprocity row of link {@code i} ({@link MarketTree#links()} order). */
    public Coupling linkCoupling(int link) {
        return couplings.get(linkCoupling[link]);
    }

    /** The pool row of market {@code m}, if it is a pool. */
    public Optional<Coupling> poolCoupling(int market) {
        return marketPool[market] < 0 ? Optional.empty() : Optional.of(couplings.get(marketPool[market]));
    }

    /**
     * The row whose dual is the price inside pool {@code m}, the community price: the pool row
     * ({@code sum q = 0}) of a pool at the root or one that settles with the grid, where members
     * trade with each other through the pool; the exchange row of a pool whose members trade
     * their net through the manager (formulation (3)), where they meet at that price and the
     * pool row's dual is only fixed within γ of it. Empty for a bilateral market.
     */
    public Optional<Coupling> priceCoupling(int market) {
        Optional<Coupling> exchange = exchangeCoupling(market);
        boolean netted = exchange.isPresent() && tree.markets().get(market).settlesWith() == null;
        return netted ? exchange : poolCoupling(market);
    }

    /** The exchange row of market {@code m}, if it is a pool with a manager (not at the root). */
    public Optional<Coupling> exchangeCoupling(int market) {
        return marketExchange[market] < 0 ? Optional.empty()
                : Optional.of(couplings.get(marketExchange[market]));
    }

    public int linkCount() {
        return linkCoupling.length;
    }

    /** The position of a peer or collective by name. */
    public Optional<Integer> positionOf(String name) {
        return party(name).map(Party::position);
    }

    /** The party of a peer or collective by name. */
    public Optional<Party> party(String name) {
        Integer index = partyByName.get(name);
        return index == null ? Optional.empty() : Optional.of(parties.get(index));
    }

    /** One pass over the tree. */
    private static final class Builder {
        private final MarketTree tree;
        private final List<Market> markets;
        private final List<Position> positions = new ArrayList<>();
        private final List<Party> parties = new ArrayList<>();
        private final List<TradeSlot> slots = new ArrayList<>();
        private final List<Coupling> couplings = new ArrayList<>();
        private final List<List<Balance>> marketBalances = new ArrayList<>();
        private final List<List<Coupling>> marketCouplings = new ArrayList<>();
        private final List<Integer> linkCoupling = new ArrayList<>();
        private final List<LineLimit> lineLimits = new ArrayList<>();
        private final List<StorageUnit> storages = new ArrayList<>();
        private final DcPowerFlow powerFlow;
        private final Map<String, Integer> partyByName = new LinkedHashMap<>();
        private final Map<String, Integer> positionByName = new LinkedHashMap<>();
        private final Map<Market, Integer> marketIndex = new IdentityHashMap<>();
        private final int[] peerPosition;
        private final int[] marketPosition;
        private final int[] marketManager;
        private final int[] marketPool;
        private final int[] marketExchange;

        Builder(MarketTree tree, DcPowerFlow powerFlow) {
            this.tree = tree;
            this.powerFlow = powerFlow;
            this.markets = tree.markets();
            this.peerPosition = new int[tree.peers().size()];
            this.marketPosition = new int[markets.size()];
            this.marketManager = new int[markets.size()];
            this.marketPool = new int[markets.size()];
            this.marketExchange = new int[markets.size()];
        }

        MarketProblem build() {
            checkEveryPeerPlacedOnce();
            List<Peer> peers = tree.peers();
            for (int k = 0; k < peers.size(); k++) {
                Peer peer = peers.get(k);
                String kind = peer.isGrid() ? "grid" : "peer";
                peerPosition[k] = addPosition(peer.name(), peer, -1, new Origin(kind, peer.name(), "injection"));
                if (peer.isStorage()) {
                    storages.add(new StorageUnit(storages.size(), k, peerPosition[k], peer));
                }
            }
            for (int m = 0; m < markets.size(); m++) {
                Market market = markets.get(m);
                marketIndex.put(market, m);
                marketPosition[m] = market.isRoot() ? -1 : addPosition(market.name(), null, m,
                        new Origin("collective", market.name(), "net position"));
            }
            for (int m = 0; m < markets.size(); m++) {
                Market market = markets.get(m);
                Integer manager = market.isRoot() ? null : partyByName.get(market.name());
                if (!market.isRoot() && manager == null) {
                    throw new IllegalArgumentException("collective '" + market.name()
                            + "' takes part in no market of design " + tree.design());
                }
                marketManager[m] = manager == null ? -1 : manager;
                marketBalances.add(new ArrayList<>());
                marketCouplings.add(new ArrayList<>());
                marketPool[m] = -1;
                marketExchange[m] = -1;
                if (market.isPool()) {
                    addPool(m, market, manager);
                } else {
                    addBilateral(m, market, manager);
                }
            }
            addLineLimits();
            return new MarketProblem(this, DesignTerms.none());
        }

        /** A row per limited line over the injections of the peers whose buses move its flow. */
        private void addLineLimits() {
            if (powerFlow == null) {
                return;
            }
            List<Line> lines = powerFlow.limitedLines();
            List<Peer> peers = tree.peers();
            for (int l = 0; l < lines.size(); l++) {
                List<Integer> at = new ArrayList<>();
                List<Double> factors = new ArrayList<>();
                for (int k = 0; k < peers.size(); k++) {
                    double factor = powerFlow.factor(l, peers.get(k).bus());
                    if (factor != 0.0) {
                        at.add(peerPosition[k]);
                        factors.add(factor);
                    }
                }
                Line line = lines.get(l);
                int[] positions = ints(at);
                double[] f = factors.stream().mapToDouble(Double::doubleValue).toArray();
                lineLimits.add(new LineLimit(l, line, new Origin("line", line.name(), "flow limit"),
                        positions, f, reachable(line, positions, f)));
            }
        }

        /** Whether some step's dispatch within the peers' bounds could fill the line. */
        private boolean reachable(Line line, int[] positions, double[] factors) {
            int steps = line.capacity().length();
            for (int t = 0; t < steps; t++) {
                double largest = 0.0;
                for (int k = 0; k < positions.length; k++) {
                    Position position = this.positions.get(positions[k]);
                    double reach = Math.max(Math.abs(position.lower(t)), Math.abs(position.upper(t)));
                    largest += Math.abs(factors[k]) * reach;
                }
                if (!(largest <= line.capacity().at(t))) {
                    return true; // NaN or infinite bounds too
                }
            }
            return false;
        }

        private void checkEveryPeerPlacedOnce() {
            Map<String, Integer> seen = new LinkedHashMap<>();
            for (Market market : markets) {
                for (Participant p : market.participants()) {
                    if (p instanceof Participant.PeerMember) {
                        seen.merge(p.name(), 1, Integer::sum);
                    }
                }
            }
            for (Peer peer : tree.peers()) {
                int count = seen.getOrDefault(peer.name(), 0);
                if (count != 1) {
                    throw new IllegalArgumentException("design '" + tree.design() + "' places peer '"
                            + peer.name() + "' in " + count + " markets; every peer belongs to exactly one");
                }
            }
        }

        private int addPosition(String name, Peer peer, int market, Origin origin) {
            int index = positions.size();
            positions.add(new Position(index, name, peer, market, origin));
            positionByName.put(name, index);
            return index;
        }

        /**
         * Formulation (2) of the paper: each member trades with the other members through the
         * pool ({@code q_n}, paying γ) and, through the collective's manager, with the outside
         * ({@code e_n = β_n - α_n}, free of γ); {@code sum q = 0} and {@code sum e = x}. At the
         * root there is no outside: members trade only through the pool. Where the manager trades
         * the members' net in the parent market (formulation (3): a pool that does not settle with
         * the grid), an exchange through the manager costs nothing while the same exchange through
         * the pool costs γ, so pool trades could only be 0: they are left out, and members meet
         * at the manager's price.
         */
        private void addPool(int m, Market market, Integer manager) {
            List<Participant> members = market.participants();
            String outside = manager == null ? null : parentName(m);
            boolean poolTrades = manager == null || market.settlesWith() != null;
            List<Integer> poolList = new ArrayList<>();
            List<Integer> exchangeList = new ArrayList<>();
            for (Participant member : members) {
                partyOf(member, manager);
                List<Integer> own = new ArrayList<>();
                if (!member.isIdle() && poolTrades) {
                    int q = addSlot(m, member, SlotKind.POOL, market.name(),
                            priceOf(member, market.poolFee()), "pool trade", manager);
                    poolList.add(q);
                    own.add(q);
                }
                if (!member.isIdle() && manager != null) {
                    SlotPrice outsidePrice = market.settlesWith() == null ? priceOf(member, 0.0)
                            : SlotPrice.customerOf(market.settlesWith());
                    int e = addSlot(m, member, SlotKind.OUTSIDE, outside, outsidePrice, "outside trade", manager);
                    exchangeList.add(e);
                    own.add(e);
                }
                // an idle member (fixed at 0 MW) has no slot, only its balance p = 0
                marketBalances.get(m).add(new Balance(m, member.name(), positionOf(member), 1.0, ints(own)));
            }
            if (poolTrades) {
                marketPool[m] = couplings.size();
                addCoupling(new Coupling(couplings.size(), Coupling.Kind.POOL, m, market.name(), ints(poolList),
                        new Origin("collective", market.name(), "pool balance")));
            }
            if (manager != null) {
                // the manager buys from its members what the collective sells above: w = -x
                int w = addSlot(m, new Participant.Manager(market.name()), SlotKind.POOL_MANAGER,
                        outside, SlotPrice.perMWh(0.0), "outside trade", manager);
                exchangeList.add(w);
                marketBalances.get(m).add(new Balance(m, market.name(), marketPosition[m], -1.0,
                        new int[] {w}));
                marketExchange[m] = couplings.size();
                addCoupling(new Coupling(couplings.size(), Coupling.Kind.EXCHANGE, m, market.name(), ints(exchangeList),
                        new Origin("collective", market.name(), "exchange with the outside")));
            }
        }

        private static int[] ints(List<Integer> values) {
            return values.stream().mapToInt(Integer::intValue).toArray();
        }

        /** The name of the market that holds market {@code m}'s collective. */
        private String parentName(int m) {
            Market market = markets.get(m);
            for (Market candidate : markets) {
                for (Participant p : candidate.participants()) {
                    if (p instanceof Participant.CollectiveMember c && c.inner() == market) {
                        return candidate.name();
                    }
                }
            }
            throw new IllegalArgumentException("collective '" + market.name()
                    + "' takes part in no market of design " + tree.design());
        }

        private void addBilateral(int m, Market market, Integer manager) {
            Map<String, List<Integer>> sides = new LinkedHashMap<>();
            for (Participant p : market.participants()) {
                partyOf(p, manager);
                sides.put(p.name(), new ArrayList<>());
            }
            for (TradeLink link : market.links()) {
                String ab = link.a().name() + "->" + link.b().name();
                int a = addSlot(m, link.a(), SlotKind.BILATERAL, link.b().name(),
                        priceOf(link.a(), link.costA(), link.b()), "trade", manager);
                int b = addSlot(m, link.b(), SlotKind.BILATERAL, link.a().name(),
                        priceOf(link.b(), link.costB(), link.a()), "trade", manager);
                sides.get(link.a().name()).add(a);
                sides.get(link.b().name()).add(b);
                linkCoupling.add(couplings.size());
                addCoupling(new Coupling(couplings.size(), Coupling.Kind.RECIPROCITY, m, ab, new int[] {a, b},
                        new Origin("trade", ab, "reciprocity")));
            }
            for (Participant p : market.participants()) {
                double sign = p instanceof Participant.Manager ? -1.0 : 1.0;
                int[] own = sides.get(p.name()).stream().mapToInt(Integer::intValue).toArray();
                marketBalances.get(m).add(new Balance(m, p.name(), positionOf(p), sign, own));
            }
        }

        private void addCoupling(Coupling coupling) {
            couplings.add(coupling);
            marketCouplings.get(coupling.market()).add(coupling);
        }

        /** The grid pays its prices on top of its per-MWh costs; everyone else only the latter. */
        private static SlotPrice priceOf(Participant side, double perMWh) {
            Optional<Peer> grid = side.asPeer().filter(Peer::isGrid);
            return grid.isEmpty() ? SlotPrice.perMWh(perMWh) : SlotPrice.grid(perMWh, grid.get());
        }

        /**
         * A side of a bilateral trade: the grid's prices do not apply to its link with a pool that
         * settles with it, whose members pay them on their own outside trades.
         */
        private static SlotPrice priceOf(Participant side, double perMWh, Participant partner) {
            boolean settled = partner instanceof Participant.CollectiveMember c
                    && c.inner().settlesWith() != null
                    && side.asPeer().map(p -> p.name().equals(c.inner().settlesWith().name())).orElse(false);
            return settled ? SlotPrice.perMWh(perMWh) : priceOf(side, perMWh);
        }

        private int addSlot(int m, Participant owner, SlotKind kind, String partner, SlotPrice price,
                            String originKind, Integer manager) {
            String label = owner.name() + "->" + partner;
            int party = partyOf(owner, manager);
            double low = owner.mayBuy() ? Double.NEGATIVE_INFINITY : 0.0;
            double high = owner.maySell() ? Double.POSITIVE_INFINITY : 0.0;
            int index = slots.size();
            slots.add(new TradeSlot(index, m, party, kind, owner, partner, label, low, high, price,
                    new Origin(originKind, label, "trade")));
            return index;
        }

        /** A participant's position: the peer's injection or the collective's net position. */
        private int positionOf(Participant p) {
            return positionByName.get(p.name());
        }

        /** The party of a participant; a collective's manager inside its own market is the owner. */
        private int partyOf(Participant participant, Integer manager) {
            if (participant instanceof Participant.Manager) {
                if (manager == null) {
                    throw new IllegalArgumentException("participant '" + participant.name()
                            + "' acts as a manager in the root market, which has none");
                }
                return manager;
            }
            Integer known = partyByName.get(participant.name());
            if (known != null) {
                return known;
            }
            Peer peer = participant.asPeer().orElse(null);
            int index = parties.size();
            parties.add(new Party(index, participant.name(), peer, positionByName.get(participant.name())));
            partyByName.put(participant.name(), index);
            return index;
        }
    }
}
