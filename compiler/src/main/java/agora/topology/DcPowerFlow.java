package agora.topology;

import agora.scenario.Bus;
import agora.scenario.Line;
import agora.scenario.Network;
import agora.scenario.Peer;
import agora.scenario.Scenario;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ojalgo.matrix.decomposition.Cholesky;
import org.ojalgo.matrix.store.MatrixStore;
import org.ojalgo.matrix.store.R064Store;

/**
 * The DC power flow of a network with line limits: the power transfer distribution factors
 * (PTDF) of its limited lines. A line's flow (MW, positive from its {@code from} bus to its
 * {@code to} bus) is {@code sum over buses k of factor(l, k) * injection at k}, the injection at
 * the slack bus taking up the rest. Markets balance (the injections sum to 0), so the flows do
 * not depend on which bus is the slack; the slack only fixes the reference of the factors.
 *
 * <p>With susceptances {@code b = 1/x}, the reduced bus susceptance matrix {@code B} (the slack's
 * row and column removed) is symmetric positive definite for a connected network with positive
 * reactances, so one Cholesky factorization gives every line's factors:
 * {@code factors_l = B^-1 b_l (e_from - e_to)}.
 */
public final class DcPowerFlow {
    /**
     * The most buses a network with line limits may have: the factorization is dense, a network
     * of n buses takes 8 n² bytes (32 MB at 2,000 buses).
     */
    public static final int MAX_BUSES = 2_000;
    /** Factors below this (MW per MW) are rounding of the factorization, not flow: set to 0. */
    static final double NEGLIGIBLE_FACTOR = 1e-12;

    private final int slack;
    private final List<Line> limited;
    private final Map<Integer, Integer> busIndex;
    private final double[][] factors;

    private DcPowerFlow(int slack, List<Line> limited, Map<Integer, Integer> busIndex,
                        double[][] factors) {
        this.slack = slack;
        this.limited = limited;
        this.busIndex = busIndex;
        this.factors = factors;
    }

    /**
     * The power flow of a checked scenario whose limited network is connected, with positive
     * reactances and at most {@link #MAX_BUSES} buses (the compiler reports the rest).
     */
    public static DcPowerFlow of(Scenario scenario) {
        Network network = scenario.network();
        int slack = slackOf(network, scenario.peers());
        List<Line> limited = network.lines().stream().filter(Line::isLimited).toList();
        Map<Integer, Integer> index = new LinkedHashMap<>();
        for (Bus bus : network.buses()) {
            if (bus.id() != slack) {
                index.put(bus.id(), index.size());
            }
        }
        int n = index.size();
        if (limited.isEmpty() || n == 0) {
            return new DcPowerFlow(slack, limited, index, new double[limited.size()][n]);
        }
        R064Store susceptance = R064Store.FACTORY.make(n, n);
        for (Line line : network.lines()) {
            double b = 1.0 / line.reactance();
            int i = index.getOrDefault(line.from(), -1);
            int j = index.getOrDefault(line.to(), -1);
            if (i >= 0) {
                susceptance.add(i, i, b);
            }
            if (j >= 0) {
                susceptance.add(j, j, b);
            }
            if (i >= 0 && j >= 0) {
                susceptance.add(i, j, -b);
                susceptance.add(j, i, -b);
            }
        }
        R064Store incidence = R064Store.FACTORY.make(n, limited.size());
        for (int l = 0; l < limited.size(); l++) {
            Line line = limited.get(l);
            double b = 1.0 / line.reactance();
            int i = index.getOrDefault(line.from(), -1);
            int j = index.getOrDefault(line.to(), -1);
            if (i >= 0) {
                incidence.set(i, l, b);
            }
            if (j >= 0) {
                incidence.set(j, l, -b);
            }
        }
        Cholesky<Double> cholesky = Cholesky.R064.make(susceptance);
        if (!cholesky.decompose(susceptance) || !cholesky.isSPD()) {
            throw new IllegalStateException("the susceptance matrix of a checked network is not "
                    + "positive definite (a network not connected or a reactance not positive)");
        }
        MatrixStore<Double> solved = cholesky.getSolution(incidence);
        double[][] factors = new double[limited.size()][n];
        for (int l = 0; l < limited.size(); l++) {
            for (int k = 0; k < n; k++) {
                double f = solved.doubleValue(k, l);
                factors[l][k] = Math.abs(f) < NEGLIGIBLE_FACTOR ? 0.0 : f;
            }
        }
        return new DcPowerFlow(slack, limited, index, factors);
    }

    /**
     * The reference bus: the one the user named, else the grid connection's, else the first bus
     * declared.
     */
    public static int slackOf(Network network, List<Peer> peers) {
        if (network.slack() != 0) {
            return network.slack();
        }
        for (Peer peer : peers) {
            if (peer.isGrid() && peer.bus() != 0) {
                return peer.bus();
            }
        }
        return network.buses().isEmpty() ? 0 : network.buses().get(0).id();
    }

    public int slack() {
        return slack;
    }

    /** The lines with a capacity, in declaration order; {@link #factor} indexes them so. */
    public List<Line> limitedLines() {
        return limited;
    }

    /**
     * MW on limited line {@code line} (index in {@link #limitedLines()}) per MW injected at
     * {@code bus} and taken out at the slack; 0 at the slack.
     */
    public double factor(int line, int bus) {
        Integer k = busIndex.get(bus);
        return k == null ? 0.0 : factors[line][k];
    }
}
