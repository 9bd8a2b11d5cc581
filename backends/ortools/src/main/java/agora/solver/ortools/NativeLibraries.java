package agora.solver.ortools;

import com.google.ortools.Loader;

/** Loads OR-Tools' native libraries exactly once, on first use (class initialisation is thread-safe). */
final class NativeLibraries {
    private NativeLibraries() {
    }

    private static final class Holder {
        // a method call, not a constant: a constant would be inlined and never initialise Holder
        static final boolean LOADED = load();

        private static boolean load() {
            Loader.loadNativeLibraries();
            return true;
        }
    }

    static void ensureLoaded() {
        if (!Holder.LOADED) {
            throw new IllegalStateException("OR-Tools native libraries not loaded");
        }
    }
}
