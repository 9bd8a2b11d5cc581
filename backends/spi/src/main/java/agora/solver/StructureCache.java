package agora.solver;

import java.lang.ref.WeakReference;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.function.Function;

/**
 * A small thread-safe cache of what a backend derives from a {@link QpModel.Structure}, keyed by
 * the structure's identity (a year of steps shares one structure; hashing the record would walk
 * every name). Structures are held weakly, and only the most recently used {@code capacity} are
 * kept (least recently used first out), so the cache never keeps a finished scenario alive.
 *
 * @param <T> the derived data; it must be immutable or thread-safe, as steps are solved in parallel
 */
public final class StructureCache<T> {
    private final int capacity;
    private final Function<QpModel.Structure, T> derive;
    private final Deque<Entry<T>> entries = new ArrayDeque<>();

    public StructureCache(int capacity, Function<QpModel.Structure, T> derive) {
        this.capacity = capacity;
        this.derive = derive;
    }

    /** The derived data of {@code structure}, computed on first use. */
    public T get(QpModel.Structure structure) {
        synchronized (entries) {
            for (Iterator<Entry<T>> it = entries.iterator(); it.hasNext(); ) {
                Entry<T> entry = it.next();
                QpModel.Structure key = entry.structure.get();
                if (key == null) {
                    it.remove();
                } else if (key == structure) {
                    // to the front: a model solved every step stays cached while one-off
                    // structures (a minimum-norm allocation per step) pass through
                    it.remove();
                    entries.addFirst(entry);
                    return entry.value;
                }
            }
        }
        // derived outside the lock: two threads may both derive on a miss, which is harmless
        T value = derive.apply(structure);
        synchronized (entries) {
            entries.addFirst(new Entry<>(new WeakReference<>(structure), value));
            while (entries.size() > capacity) {
                entries.removeLast();
            }
        }
        return value;
    }

    private record Entry<T>(WeakReference<QpModel.Structure> structure, T value) {
    }
}
