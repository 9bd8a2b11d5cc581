package agora.cli;

import agora.market.MarketDesign;
import agora.market.MarketDesigns;
import agora.plugin.ServiceRegistry;
import agora.solver.SolverBackend;
import agora.solver.SolverBackends;

/**
 * The designs and backends one command can use: those a class loader sees, which is Agora's own
 * or one that adds the jars of a plug-in folder ({@link PluginArgs}).
 */
record Registries(ServiceRegistry<MarketDesign> designs, ServiceRegistry<SolverBackend> backends) {

    /**
     * @throws agora.plugin.PluginException when a design or backend cannot be loaded
     */
    static Registries of(ClassLoader loader) {
        return new Registries(MarketDesigns.load(loader), SolverBackends.load(loader));
    }
}
