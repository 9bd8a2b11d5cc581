package agora.market;

import agora.topology.Topology;

/**
 * A market design lowers the read-only topology of a scenario to a {@link MarketTree}. Designs are
 * registered with {@link java.util.ServiceLoader} under
 * {@code META-INF/services/agora.market.MarketDesign}, so a design can be plugged in from another
 * jar on the class path; {@link MarketDesigns} finds them by name.
 */
public interface MarketDesign {

    /** The name scenarios select the design by ({@code market { design NAME }}). */
    String name();

    /** One line for {@code agora check} and error messages. */
    String description();

    /**
     * Lowers the topology.
     *
     * @throws DesignException when the scenario does not fit the design (for example no grid
     *                         peer where the design needs exactly one); carries a diagnostic
     */
    MarketTree lower(Topology topology) throws DesignException;
}
