package agora.market;

import agora.market.formulation.DesignTerms;
import agora.market.formulation.MarketProblem;
import agora.topology.Topology;

/**
 * A market design: lowers the read-only topology of a scenario to a {@link MarketTree} (which
 * markets, pool or bilateral, which links, what each side pays per MWh), and may add terms of its
 * own to the problem that tree gives ({@link #terms}: variables, linear constraints, cost
 * terms). Designs are registered with {@link java.util.ServiceLoader} under
 * {@code META-INF/services/agora.market.MarketDesign}, the built-in ones exactly as a plug-in
 * from another jar (on the class path or in a plug-in folder, {@code agora --plugins DIR});
 * {@link MarketDesigns} finds them by name. {@code docs/PLUGINS.md} walks
 * through writing one.
 */
public interface MarketDesign {

    /** The name scenarios select the design by ({@code market { design NAME }}). */
    String name();

    /** One line for {@code agora check} and error messages. */
    String description();

    /**
     * Lowers the topology. The helpers of {@link agora.market.designs.DesignSupport} build the
     * markets the built-in designs use.
     * Results are labelled with {@link #name()}, not with the name the tree was built with:
     * callers lower through {@link MarketDesigns#lower}, which stamps it.
     *
     * @throws DesignException when the scenario does not fit the design (for example no grid
     *                         peer where the design needs exactly one); carries a diagnostic
     */
    MarketTree lower(Topology topology) throws DesignException;

    /**
     * The design's own terms on top of the problem of its tree, built with
     * {@link DesignTerms#builder}; none by default. A design that adds terms is solved
     * centralized only until the decomposed solver can give them to their owners
     * ({@link DesignTerms#decomposable()}).
     *
     * @param problem the problem of the tree {@link #lower} returned
     * @throws DesignException when the scenario does not fit the design's terms
     */
    default DesignTerms terms(MarketProblem problem, Topology topology) throws DesignException {
        return DesignTerms.none();
    }
}
