package agora.examples.peakfee;

import agora.diagnostics.Diagnostic;
import agora.diagnostics.DiagnosticCode;
import agora.market.DesignException;
import agora.market.MarketDesign;
import agora.market.MarketTree;
import agora.market.designs.CommunityDesign;
import agora.market.formulation.AddedVariable;
import agora.market.formulation.DesignTerms;
import agora.market.formulation.LinearExpression;
import agora.market.formulation.MarketProblem;
import agora.scenario.Scenario;
import agora.solver.Origin;
import agora.topology.Topology;
import java.util.List;

/**
 * A community design whose managers pay a fee on the community's import above a limit: each
 * community pools its members and trades only with the grid (as in {@link CommunityDesign}),
 * and the distribution operator charges {@code peak_fee} per MWh of import above
 * {@code peak_limit}. Per community K it adds
 * <pre>
 *   e_K >= 0                        import above the limit (MW), costing peak_fee per MWh
 *   -x_K - e_K <= peak_limit        x_K: the community's net position (negative imports)
 * </pre>
 * The fee shows in the community price: while the limit binds, members pay the grid price plus
 * the fee, so they shift consumption to their own production.
 *
 * <p>Parameters are the scenario's {@code param peak_limit = 2 MW} and
 * {@code param peak_fee = 20 $/MWh}. The added terms are the managers' own; the decomposed solver
 * does not take added terms yet, so the design is solved centralized only.
 */
public final class PeakFeeDesign implements MarketDesign {
    public static final String NAME = "peakfee";
    static final String LIMIT = "peak_limit";
    static final String FEE = "peak_fee";

    private final CommunityDesign community = new CommunityDesign();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "communities pool and trade with the grid; import above peak_limit pays peak_fee";
    }

    @Override
    public MarketTree lower(Topology topology) throws DesignException {
        MarketTree tree = community.lower(topology);
        return new MarketTree(NAME, tree.scenario(), tree.root(), tree.homeCollective());
    }

    @Override
    public DesignTerms terms(MarketProblem problem, Topology topology) throws DesignException {
        Scenario scenario = topology.scenario();
        double limit = Parameters.power(scenario, LIMIT);
        double fee = Parameters.price(scenario, FEE);
        DesignTerms.Builder terms = DesignTerms.builder(problem);
        List<agora.market.Market> markets = problem.tree().markets();
        for (int m = 0; m < markets.size(); m++) {
            int net = problem.collectivePosition(m);
            if (net < 0) {
                continue; // the root market: no community
            }
            String name = markets.get(m).name();
            AddedVariable excess = terms.variable("peak[" + name + "]",
                    new Origin("collective", name, "import above peak_limit"), name,
                    0.0, Double.POSITIVE_INFINITY, fee, 0.0);
            terms.constraint("peak_limit[" + name + "]",
                    new Origin("collective", name, "peak limit"), name,
                    LinearExpression.empty().plusPosition(net, -1.0).plus(excess, -1.0),
                    Double.NEGATIVE_INFINITY, limit);
        }
        return terms.build();
    }

    /** A design error at the scenario, for a missing or mistyped parameter. */
    static DesignException error(Scenario scenario, String message, String hint) {
        return new DesignException(List.of(Diagnostic.error(DiagnosticCode.INVALID_VALUE,
                scenario.span(), message).withHint(hint)));
    }
}
