package agora.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StructureCacheTest {
    private static QpModel.Structure structure() {
        return new QpModel.Structure(List.of(), List.of(), List.of(), List.of(), new int[] {0},
                new int[0], new double[0], new double[0], new double[0]);
    }

    @Test
    void aStructureUsedEveryStepOutlivesOneOffStructures() {
        AtomicInteger derived = new AtomicInteger();
        StructureCache<Integer> cache = new StructureCache<>(2, s -> derived.incrementAndGet());
        QpModel.Structure welfare = structure();
        Integer first = cache.get(welfare);
        for (int step = 0; step < 10; step++) {
            assertSame(first, cache.get(welfare));
            cache.get(structure()); // a one-off model, such as a step's minimum-norm allocation
        }
        assertEquals(1 + 10, derived.get()); // the welfare structure was derived once
    }

    @Test
    void onlyTheMostRecentlyUsedAreKept() {
        AtomicInteger derived = new AtomicInteger();
        StructureCache<Integer> cache = new StructureCache<>(2, s -> derived.incrementAndGet());
        QpModel.Structure a = structure();
        QpModel.Structure b = structure();
        QpModel.Structure c = structure();
        cache.get(a);
        cache.get(b);
        cache.get(c); // a is dropped
        assertEquals(3, derived.get());
        cache.get(b);
        cache.get(a);
        assertEquals(4, derived.get());
    }
}
