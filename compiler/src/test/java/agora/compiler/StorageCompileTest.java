package agora.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import agora.scenario.Peer;
import agora.scenario.PeerKind;
import agora.scenario.Scenario;
import agora.scenario.Storage;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Storage peers and windows as compiled: canonical units, defaults of the kinds, bounds. */
class StorageCompileTest {
    private static final String HEADER = "scenario \"t\"\nimport std.peers\n"
            + "time from 2024-01-01 00:00 step 30 min count 4\n"
            + "grid g { import price = 60 $/MWh; export price = 40 $/MWh }\n";
    private static final double EPS = 1e-12;

    @TempDir
    Path dir;

    private Scenario compile(String body) {
        CompileResult r = Compiler.compileText("t.agora", HEADER + body, Map.of(), dir);
        assertTrue(r.succeeded(), r::renderDiagnostics);
        return r.scenario().orElseThrow();
    }

    @Test
    void everyPropertyInCanonicalUnits() {
        Peer bat = compile("storage bat { capacity = 10 kWh; charge_power = 5 kW; discharge_power = 4 kW\n"
                + "charge_efficiency = 95 %; discharge_efficiency = 0.9; initial = 2 kWh; final_at_least = 1 kWh\n"
                + "self_discharge = 0.5 %/h; cycle_cost = 0.02 $/kWh }").peer("bat").orElseThrow();
        assertEquals(PeerKind.STORAGE, bat.kind());
        Storage s = bat.storage();
        assertStorage(new Storage(0.01, 0.005, 0.004, 0.95, 0.9, 0.002, 0.001, 0.005, 20), s);
        assertFalse(s.endsAtInitial());
        // its injection: -charge_power .. discharge_power in every step, and it costs nothing itself
        assertEquals(-0.005, bat.pmin().at(3), EPS);
        assertEquals(0.004, bat.pmax().at(3), EPS);
        assertEquals(0.0, bat.cost().a() + bat.cost().b() + bat.cost().c(), EPS);
    }

    @Test
    void defaultsAndTheStandardKinds() {
        Scenario scenario = compile("storage plain { capacity = 1 MWh; charge_power = 1 MW }\n"
                + "home_battery home { }\ncommunity_battery street { capacity = 50 kWh }");
        Storage plain = scenario.peer("plain").orElseThrow().storage();
        assertStorage(new Storage(1, 1, 1, 1, 1, 0, Double.NaN, 0, 0), plain);
        assertTrue(plain.endsAtInitial());
        assertStorage(new Storage(0.01, 0.005, 0.005, 0.95, 0.95, 0.005, Double.NaN, 1e-4, 20),
                scenario.peer("home").orElseThrow().storage());
        // the kind's initial state is half its capacity: the peer's own capacity
        assertEquals(0.025, scenario.peer("street").orElseThrow().storage().initial(), EPS);
        assertTrue(scenario.hasStorage());
        assertEquals(PeerKind.PROSUMER, scenario.withIdleStorage().peer("home").orElseThrow().kind());
        assertFalse(scenario.withIdleStorage().hasStorage());
    }

    /** Field by field to rounding: 95 % is 95 × 0.01, one bit above 0.95. */
    private static void assertStorage(Storage expected, Storage actual) {
        double[] e = {expected.capacity(), expected.chargePower(), expected.dischargePower(),
            expected.chargeEfficiency(), expected.dischargeEfficiency(), expected.initial(),
            expected.finalAtLeast(), expected.selfDischarge(), expected.cyclePrice()};
        double[] a = {actual.capacity(), actual.chargePower(), actual.dischargePower(),
            actual.chargeEfficiency(), actual.dischargeEfficiency(), actual.initial(),
            actual.finalAtLeast(), actual.selfDischarge(), actual.cyclePrice()};
        for (int i = 0; i < e.length; i++) {
            double delta = Double.isNaN(e[i]) ? EPS : EPS * Math.max(1, Math.abs(e[i]));
            assertEquals(e[i], a[i], delta, actual.toString());
        }
    }

    @Test
    void windowAndCommitInHours() {
        Scenario s = compile("home_battery b { }\nmarket { window 2 h\ncommit 90 min }");
        assertEquals(2.0, s.market().options().windowHours(), EPS);
        assertEquals(1.5, s.market().options().commitHours(), EPS);
        Scenario whole = compile("home_battery b { }");
        assertEquals(0.0, whole.market().options().windowHours(), EPS);
    }
}
