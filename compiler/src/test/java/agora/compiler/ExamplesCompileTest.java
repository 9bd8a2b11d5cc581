package agora.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import agora.scenario.Clearing;
import agora.scenario.Collective;
import agora.scenario.Peer;
import agora.scenario.PeerKind;
import agora.scenario.Scenario;
import agora.scenario.Tariffs;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every example compiles, and its summary numbers are what the file says. */
class ExamplesCompileTest {
    private static final double EPS = 1e-9;

    static Scenario compile(String example, Map<String, String> overrides) {
        CompileResult result = Compiler.compile(Paths.example(example), overrides);
        assertTrue(result.succeeded(), result::renderDiagnostics);
        return result.scenario().orElseThrow();
    }

    private static long count(Scenario s, PeerKind kind) {
        return s.peers().stream().filter(p -> p.kind() == kind).count();
    }

    @Test
    void fig2HasTwoProducersAndTwoConsumersWithTheirCosts() {
        Scenario s = compile("fig2-four-peers.agora", Map.of());
        assertEquals(List.of("p1", "p2", "p3", "p4"), s.peers().stream().map(Peer::name).toList());
        assertEquals(2, count(s, PeerKind.PRODUCER));
        assertEquals(2, count(s, PeerKind.CONSUMER));
        assertEquals(1, s.time().count());
        Peer p3 = s.peer("p3").orElseThrow();
        assertEquals(-30, p3.pmin().at(0), EPS);
        assertEquals(0, p3.pmax().at(0), EPS);
        assertEquals(0.2, p3.cost().a(), EPS);
        assertEquals(60, p3.cost().b(), EPS);
        assertEquals(0.001, s.tariffs().tradeFee(), EPS);
        assertEquals("full", s.market().design());
        assertEquals("ipm", s.market().backend());
        assertEquals(0, s.network().buses().size());
    }

    @Test
    void communityPoolsHouseholdsWithAGridOutside() {
        Scenario s = compile("community.agora", Map.of());
        assertEquals(24, s.time().count());
        assertEquals(1, s.collectives().size());
        Collective street = s.collectives().get(0);
        assertEquals(Clearing.POOL, street.clearing());
        assertEquals(List.of("h1", "h2", "h3", "roof", "workshop"), street.memberPeers());
        assertEquals(1, s.gridPeers().size());
        Peer workshop = s.peer("workshop").orElseThrow();
        // -8 kW .. 3 kW in MW
        assertEquals(-0.008, workshop.pmin().at(5), EPS);
        assertEquals(0.003, workshop.pmax().at(5), EPS);
        Peer h3 = s.peer("h3").orElseThrow();
        // flexible_share = 0.2: load_min = 0.8 load_max, so pmax = 0.8 pmin at every step
        for (int t = 0; t < 24; t++) {
            assertEquals(0.8 * h3.pmin().at(t), h3.pmax().at(t), EPS);
        }
        Peer roof = s.peer("roof").orElseThrow();
        assertEquals(roof.pmin(), roof.pmax()); // must-take
        assertEquals(Set.of("solar", "green"), roof.energyTypes());
        Peer g = s.peer("g").orElseThrow();
        for (int t = 0; t < 24; t++) {
            assertEquals(20, g.importPrice().at(t) - g.exportPrice().at(t), 1e-9);
        }
        assertEquals("community", s.market().design());
        assertEquals(2, s.network().lines().get(0).capacity().at(0), EPS);
        assertFalse(s.network().lines().get(1).isLimited());
    }

    @Test
    void nestedCollectivesGoThreeLevelsDeep() {
        Scenario s = compile("nested.agora", Map.of());
        assertEquals(List.of("town", "district_a", "building", "district_b"),
                s.collectives().stream().map(Collective::name).toList());
        Collective building = s.collective("building").orElseThrow();
        assertEquals("district_a", building.parent());
        assertEquals(Clearing.BILATERAL, building.clearing());
        assertEquals(List.of("flat1", "flat2", "roof_pv"), building.memberPeers());
        assertEquals(1, building.preferences().size());
        assertEquals(List.of("building"), s.collective("district_a").orElseThrow().memberCollectives());
        assertEquals(List.of("district_a", "district_b"), s.collective("town").orElseThrow().memberCollectives());
        assertEquals(null, s.collective("town").orElseThrow().parent());
        assertEquals(Duration.ofMinutes(15), s.time().step());
        // grid_connection with price = 70 and margin = 15
        Peer g = s.peer("g").orElseThrow();
        assertEquals(85, g.importPrice().at(3), EPS);
        assertEquals(55, g.exportPrice().at(3), EPS);
        assertEquals(0.5, s.tariffs().collectiveFees().get(0).feePerMWh(), EPS);
        assertEquals("nested", s.market().design());
    }

    private static void assertIeee14Summary(Scenario s) {
        assertEquals(20, s.peers().size());
        assertEquals(11, count(s, PeerKind.CONSUMER));
        assertEquals(8, count(s, PeerKind.PRODUCER));
        assertEquals(1, count(s, PeerKind.GRID));
        assertEquals(3, s.collectives().stream().filter(c -> c.parent() == null).count());
        assertEquals(14, s.network().buses().size());
        assertEquals(20, s.network().lines().size());
        assertEquals(17520, s.time().count());
        assertEquals(LocalDateTime.of(2012, 7, 1, 0, 0), s.time().start());
        assertEquals(0.5, s.time().stepHours(), EPS);
        Peer g20 = s.peer("g20").orElseThrow();
        assertEquals(1, g20.bus());
        for (int t = 0; t < s.time().count(); t += 997) {
            assertEquals(20, g20.importPrice().at(t) - g20.exportPrice().at(t), 1e-9);
        }
        Peer c18 = s.peer("c18").orElseThrow();
        assertEquals(3, c18.bus());
        assertEquals(50, c18.pmax().at(100), EPS);
        assertEquals(2, c18.cost().a(), EPS);
        assertEquals(60, c18.cost().b(), EPS);
        assertEquals(List.of("d5", "d6", "d8", "d9", "s15", "s16", "c18", "g19"),
                s.collective("c3").orElseThrow().memberPeers());
        assertEquals(0.001, s.tariffs().tradeFee(), EPS);
    }

    @Test
    void ieee14WithGeneratedProfiles() {
        Scenario s = compile("ieee14/ieee14.agora", Map.of());
        assertIeee14Summary(s);
        assertEquals("hybrid", s.market().design());
        assertEquals(3, s.tariffs().collectiveFees().size());
        assertEquals(1.5, s.tariffs().collectiveFees().get(2).feePerMWh(), EPS);
        Peer d1 = s.peer("d1").orElseThrow();
        // default: load_min = 0.4 load_max, so pmax = -load_min = 0.4 pmin
        assertEquals(0.4 * d1.pmin().at(40), d1.pmax().at(40), EPS);
        assertEquals(7.3, d1.cost().a(), EPS);
        assertEquals(130, d1.cost().b(), EPS);
        Peer w12 = s.peer("w12").orElseThrow();
        assertEquals(w12.pmin(), w12.pmax());
        assertTrue(w12.pmax().max() <= 50 + EPS);
        assertEquals(Set.of("wind", "green"), w12.energyTypes());
        assertEquals("", s.params().get("data_dir"));
        // reading order: the main file, then its imports depth first
        assertEquals(4, s.files().size());
        assertTrue(s.files().get(0).endsWith("ieee14.agora"));
        assertTrue(s.files().get(1).endsWith("ieee14-case.agora"));
        assertEquals(List.of("std/peers.agora", "std/ieee14.agora"), s.files().subList(2, 4));
        assertEquals(64, s.sourceHash().length());
    }

    @Test
    void ieee14WithMeasuredData() {
        Optional<Path> data = Paths.measuredData();
        assumeTrue(data.isPresent(), "measured data not available");
        agora.profile.CsvColumnReader.clearCache();
        long start = System.nanoTime();
        Scenario s = compile("ieee14/ieee14.agora", Map.of("data_dir", data.get().toString()));
        double cold = (System.nanoTime() - start) / 1e9;
        agora.profile.CsvColumnReader.clearCache();
        start = System.nanoTime();
        compile("ieee14/ieee14.agora", Map.of("data_dir", data.get().toString()));
        double again = (System.nanoTime() - start) / 1e9;
        // a measurement for the report, not an assertion: timings vary with the machine's load
        System.out.printf("ieee14 with data_dir: first compile %.3f s, second %.3f s%n", cold, again);
        assertIeee14Summary(s);
        // first data line of load_max.csv / load_min.csv: consumer 1 = 3.57 / 0.59 MW
        Peer d1 = s.peer("d1").orElseThrow();
        assertEquals(-3.57, d1.pmin().at(0), EPS);
        assertEquals(-0.59, d1.pmax().at(0), EPS);
        // consumer 2 = 53.09 / 45.81 MW
        assertEquals(-53.09, s.peer("d2").orElseThrow().pmin().at(0), EPS);
        assertEquals(-45.81, s.peer("d2").orElseThrow().pmax().at(0), EPS);
        // ren.csv first line: 45.01, 15.90, 1.65, 0, 0 for peers 12..16
        assertEquals(45.01, s.peer("w12").orElseThrow().pmax().at(0), EPS);
        assertEquals(15.90, s.peer("w13").orElseThrow().pmin().at(0), EPS);
        assertEquals(1.65, s.peer("w14").orElseThrow().pmax().at(0), EPS);
        assertEquals(0, s.peer("s15").orElseThrow().pmax().at(0), EPS);
        // price.csv: 52.00 and 51.10 $/MWh in the first two half hours; import +10, export -10
        Peer g20 = s.peer("g20").orElseThrow();
        assertEquals(62.0, g20.importPrice().at(0), EPS);
        assertEquals(42.0, g20.exportPrice().at(0), EPS);
        assertEquals(61.1, g20.importPrice().at(1), EPS);
        assertEquals(data.get().toString(), s.params().get("data_dir"));
    }

    @Test
    void ieee14VariantsDifferOnlyInFeesAndClearing() {
        Scenario noFees = compile("ieee14/ieee14-no-fees.agora", Map.of());
        assertIeee14Summary(noFees);
        assertEquals(List.of(), noFees.tariffs().collectiveFees());
        assertEquals("hybrid", noFees.market().design());

        Scenario bilateral = compile("ieee14/ieee14-c3-bilateral.agora", Map.of());
        assertIeee14Summary(bilateral);
        assertEquals(Clearing.BILATERAL, bilateral.collective("c3").orElseThrow().clearing());
        assertEquals(Clearing.POOL, bilateral.collective("c1").orElseThrow().clearing());
        assertEquals("nested", bilateral.market().design());
        assertEquals(Tariffs.DistanceMetric.HOPS, bilateral.tariffs().distance());
    }
}
