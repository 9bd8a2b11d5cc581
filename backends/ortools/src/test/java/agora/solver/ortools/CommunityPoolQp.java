package agora.solver.ortools;

import agora.solver.Origin;
import agora.solver.QpModel;
import agora.solver.QpModelBuilder;

/**
 * The model the community design lowers {@code examples/community.agora} to, for one hour: a
 * street pool of three households, a roof-top PV plant and a workshop, whose manager trades with
 * the grid peer. Powers are kilowatts written in MW (1e-3), costs are tens of $/MWh and the
 * workshop's quadratic cost is 2000 $/MW²h: PDLP, which rescales the matrix but not bounds and
 * costs, failed on exactly this mix (MPSOLVER_ABNORMAL, or no convergence in 60 s).
 *
 * <pre>
 * variables  0 p_g free (grid peer, no cost)         7 s_gs >= 0 cost pi+ + fee (grid sells)
 *            1-3 p_h in [-dmax_h, -dmin_h],         8 u_gs >= 0 cost -(pi- - fee) (grid buys)
 *                cost 10 p^2 + 150 p (households)   9 s_sg, 10 u_sg >= 0 cost fee (street's side)
 *            4 p_roof fixed (PV)                    11-13 P_h <= 0 cost -fee (= fee |P_h|)
 *            5 p_ws in [-0.008, 0.003],             14 P_roof >= 0 cost fee
 *                cost 2000 p^2 + 90 p (workshop)    15 s_ws, 16 u_ws >= 0 cost fee
 *            6 x free (street's net position)
 * rows       0 reciprocity: s_gs - u_gs + s_sg - u_sg = 0       1 balance g: p_g - s_gs + u_gs = 0
 *            2 balance street: x - s_sg + u_sg = 0             3-5 balance h: p_h - P_h = 0
 *            6 balance roof: p_roof - P_roof = 0               7 balance ws: p_ws - s_ws + u_ws = 0
 *            8 pool: P_h1 + P_h2 + P_h3 + P_roof + s_ws - u_ws - x = 0
 * </pre>
 */
final class CommunityPoolQp {
    static final double FEE = 0.001;
    static final double[] HOUSEHOLD_MAX = {0.0011, 0.0016, 0.0014};
    static final double[] HOUSEHOLD_MIN = {0.00055, 0.0008, 0.0011};
    static final double WORKSHOP_MIN = -0.008;
    static final double WORKSHOP_MAX = 0.003;
    static final double HOUSEHOLD_A = 10;
    static final double HOUSEHOLD_B = 150;
    static final double WORKSHOP_A = 2000;
    static final double WORKSHOP_B = 90;

    static final int P_WORKSHOP = 5;
    static final int RECIPROCITY = 0;
    static final int BALANCE_GRID = 1;
    static final int BALANCE_STREET = 2;
    static final int BALANCE_FIRST_HOUSEHOLD = 3;
    static final int BALANCE_WORKSHOP = 7;
    static final int POOL = 8;

    private static final double INF = Double.POSITIVE_INFINITY;

    private CommunityPoolQp() {
    }

    /** One hour with the given PV output (MW) and grid import / export prices ($/MWh). */
    static QpModel hour(double roof, double importPrice, double exportPrice) {
        QpModelBuilder b = new QpModelBuilder();
        int pg = variable(b, "p[g]", -INF, INF, 0, 0);
        int[] ph = new int[3];
        for (int h = 0; h < 3; h++) {
            ph[h] = variable(b, "p[h" + (h + 1) + "]", -HOUSEHOLD_MAX[h], -HOUSEHOLD_MIN[h], HOUSEHOLD_B, HOUSEHOLD_A);
        }
        int proof = variable(b, "p[roof]", roof, roof, 0, 0);
        int pws = variable(b, "p[workshop]", WORKSHOP_MIN, WORKSHOP_MAX, WORKSHOP_B, WORKSHOP_A);
        int x = variable(b, "x[street]", -INF, INF, 0, 0);
        int sgs = variable(b, "s[g->street]", 0, INF, importPrice + FEE, 0);
        int ugs = variable(b, "u[g->street]", 0, INF, -(exportPrice - FEE), 0);
        int ssg = variable(b, "s[street->g]", 0, INF, FEE, 0);
        int usg = variable(b, "u[street->g]", 0, INF, FEE, 0);
        int[] trade = new int[3];
        for (int h = 0; h < 3; h++) {
            trade[h] = variable(b, "P[h" + (h + 1) + "->street]", -INF, 0, -FEE, 0);
        }
        int troof = variable(b, "P[roof->street]", 0, INF, FEE, 0);
        int sws = variable(b, "s[workshop->street]", 0, INF, FEE, 0);
        int uws = variable(b, "u[workshop->street]", 0, INF, FEE, 0);
        row(b, "reciprocity[g->street]", new int[] {sgs, ugs, ssg, usg}, new double[] {1, -1, 1, -1});
        row(b, "balance[g@market]", new int[] {pg, sgs, ugs}, new double[] {1, -1, 1});
        row(b, "balance[street@market]", new int[] {x, ssg, usg}, new double[] {1, -1, 1});
        for (int h = 0; h < 3; h++) {
            row(b, "balance[h" + (h + 1) + "@street]", new int[] {ph[h], trade[h]}, new double[] {1, -1});
        }
        row(b, "balance[roof@street]", new int[] {proof, troof}, new double[] {1, -1});
        row(b, "balance[workshop@street]", new int[] {pws, sws, uws}, new double[] {1, -1, 1});
        row(b, "pool[street]", new int[] {trade[0], trade[1], trade[2], troof, sws, uws, x},
                new double[] {1, 1, 1, 1, 1, -1, -1});
        return b.build();
    }

    private static int variable(QpModelBuilder b, String name, double lower, double upper, double linear,
                                double quadratic) {
        return b.addVariable(name, new Origin("peer", name, "test"), lower, upper, linear, quadratic);
    }

    private static void row(QpModelBuilder b, String name, int[] columns, double[] coefficients) {
        b.addEquality(name, new Origin("collective", name, "test"), columns, coefficients, 0);
    }
}
