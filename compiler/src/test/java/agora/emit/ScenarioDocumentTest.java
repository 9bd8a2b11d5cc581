package agora.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agora.diagnostics.SourceSpan;
import agora.scenario.Clearing;
import agora.scenario.Collective;
import agora.scenario.MarketSettings;
import agora.scenario.Network;
import agora.scenario.Peer;
import agora.scenario.PeerKind;
import agora.scenario.Profile;
import agora.scenario.QuadraticCost;
import agora.scenario.Scenario;
import agora.scenario.SolveMode;
import agora.scenario.Tariffs;
import agora.scenario.TimeAxis;
import agora.solver.SolverOptions;
import agora.topology.Topology;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScenarioDocumentTest {
    private static final SourceSpan AT = new SourceSpan("doc.agora", 1, 1, 1);

    /** A grid and a household whose demand varies over four hourly steps: 1, 2, 3 and 6 MW. */
    private static Topology topology() {
        Peer grid = new Peer(AT, "g", PeerKind.GRID, "grid", 1, Profile.constant(
                Double.NEGATIVE_INFINITY, 4), Profile.constant(Double.POSITIVE_INFINITY, 4),
                QuadraticCost.ZERO, Set.of(), Profile.constant(60, 4), Profile.constant(40, 4),
                List.of());
        Peer home = new Peer(AT, "h", PeerKind.CONSUMER, "household", 1,
                new Profile("-load", new double[] {-1, -2, -3, -6}), Profile.constant(0, 4),
                new QuadraticCost(0.5, 90, 0), Set.of(), null, null, List.of());
        Collective street = new Collective(AT, "street", "community", Clearing.POOL, null,
                List.of("h"), List.of(), List.of());
        Scenario s = new Scenario(AT, "doc", "€", new TimeAxis(LocalDateTime.of(2024, 1, 1, 0, 0),
                Duration.ofHours(1), 4), Map.of("seed", "3"), List.of(grid, home), List.of(street),
                Tariffs.NONE, Network.EMPTY, new MarketSettings("community", SolveMode.CENTRALIZED,
                "ipm", SolverOptions.defaults()), "abc", List.of("doc.agora"));
        return Topology.of(s);
    }

    @Test
    void profilesAreSummarisedUnlessTheirValuesAreAskedFor() {
        JsonNode home = new ScenarioDocument(topology(), List.of(), false).tree()
                .get("peers").get(1);
        assertEquals("street", home.get("collective").asText());
        JsonNode pmin = home.get("pmin");
        assertEquals(-6.0, pmin.get("min").asDouble());
        assertEquals(-3.0, pmin.get("mean").asDouble()); // (-1 - 2 - 3 - 6) / 4
        assertEquals(-1.0, pmin.get("max").asDouble());
        assertFalse(pmin.has("values"));
        assertEquals(0.0, home.get("pmax").get("value").asDouble()); // constant: one value

        JsonNode withValues = new ScenarioDocument(topology(), List.of(), true).tree()
                .get("peers").get(1).get("pmin").get("values");
        assertEquals("[-1.0,-2.0,-3.0,-6.0]", withValues.toString());
    }

    @Test
    void unboundedValuesAndUnitsAreSpelledOut() {
        JsonNode doc = new ScenarioDocument(topology(), List.of(), false).tree();
        JsonNode grid = doc.get("peers").get(0);
        assertEquals("-inf", grid.get("pmin").get("value").asText());
        assertEquals("inf", grid.get("pmax").get("value").asText());
        assertEquals(60.0, grid.get("importPrice").get("value").asDouble());
        assertEquals("€/MWh", doc.get("units").get("price").asText());
        assertEquals("3", doc.get("params").get("seed").asText());
    }

    @Test
    void designsAndTheCollectiveTreeAreIncluded() throws Exception {
        DesignView community = new DesignView("community", "pools", null, List.of(
                new DesignView.MarketView("market", "bilateral", List.of("g", "street"),
                        List.of(new DesignView.LinkView("g", "street", 0.5, 0.5)), 0),
                new DesignView.MarketView("street", "pool", List.of("h"), List.of(), 0.5)));
        DesignView nested = DesignView.notApplicable("other", "a plug-in", "needs two grids");
        String yaml = new ScenarioDocument(topology(), List.of(community, nested), false).yaml();
        JsonNode doc = new ScenarioDocument(topology(), List.of(community, nested), false).tree();

        JsonNode edges = doc.get("topology").get("collectiveTree").get("edges");
        // root -> street, root -> g, street -> h
        assertEquals(3, edges.size());
        assertEquals(1, doc.get("topology").get("collectiveTree").get("depth").asInt());
        JsonNode designs = doc.get("topology").get("designs");
        assertEquals(0.5, designs.get("community").get("markets").get(1).get("poolFee").asDouble());
        assertEquals("needs two grids", designs.get("other").get("error").asText());
        assertTrue(yaml.startsWith("scenario: doc\n"), yaml);
        assertTrue(yaml.contains("error: needs two grids"), yaml);
    }
}
