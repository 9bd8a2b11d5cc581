package agora.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VaryTest {
    @Test
    void aRangeIncludesBothEndsInDecimalWithItsUnit() {
        Vary v = Vary.parse("fee=0..4 step 0.5 $/MWh");
        assertEquals("fee", v.name());
        assertEquals(List.of("0 $/MWh", "0.5 $/MWh", "1 $/MWh", "1.5 $/MWh", "2 $/MWh", "2.5 $/MWh",
                "3 $/MWh", "3.5 $/MWh", "4 $/MWh"), v.values());
        assertEquals(List.of("0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9", "1"),
                Vary.parse("x=0..1 step 0.1").values());
        assertEquals(List.of("-1", "0.5"), Vary.parse("x=-1..0.9 step 1.5").values());
    }

    @Test
    void aListKeepsItsOrder() {
        assertEquals(List.of("0", "0.5", "1", "2"), Vary.parse("fee_scale=0,0.5,1,2").values());
        assertEquals(List.of("2 $/MWh", "1 $/MWh"), Vary.parse("fee= 2 $/MWh , 1 $/MWh").values());
    }

    @Test
    void mistakesAreUsageErrors() {
        assertTrue(assertThrows(UsageError.class, () -> Vary.parse("fee")).getMessage().contains("NAME=VALUES"));
        assertTrue(assertThrows(UsageError.class, () -> Vary.parse("fee=1,,2")).getMessage().contains("empty value"));
        assertTrue(assertThrows(UsageError.class, () -> Vary.parse("fee=1,1")).getMessage().contains("twice"));
        assertTrue(assertThrows(UsageError.class, () -> Vary.parse("fee=4..0 step 1")).getMessage().contains("ends before"));
        assertTrue(assertThrows(UsageError.class, () -> Vary.parse("fee=0..4 step 0")).getMessage().contains("positive"));
        assertTrue(assertThrows(UsageError.class, () -> Vary.parse("fee=0..1e9 step 1")).getMessage().contains("more than"));
        assertTrue(assertThrows(UsageError.class, () -> Vary.parse("1fee=2")).getMessage().contains("not a parameter name"));
    }

    @Test
    void theVariantsAreTheCartesianProductTheFirstVarySlowest() {
        List<Variant> v = Variant.product(List.of(Vary.parse("a=1,2"), Vary.parse("b=x,y,z")), null);
        assertEquals(6, v.size());
        assertEquals(Map.of("a", "1", "b", "z"), v.get(2).values());
        assertEquals("a=2, b=x", v.get(3).label());
        List<Variant> seeded = Variant.product(List.of(Vary.parse("a=1,2")), SeedRange.parse("3..5"));
        assertEquals(6, seeded.size());
        assertEquals("a=1, seed=5", seeded.get(2).label());
        assertEquals(6, seeded.get(5).index());
    }

    @Test
    void seedRangesAreRunsFromOne() {
        assertEquals(20, SeedRange.parse("1..20").count());
        assertThrows(UsageError.class, () -> SeedRange.parse("0..3"));
        assertThrows(UsageError.class, () -> SeedRange.parse("5..3"));
        assertThrows(UsageError.class, () -> SeedRange.parse("20"));
    }
}
