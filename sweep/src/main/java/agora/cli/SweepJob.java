package agora.cli;

import agora.compiler.SeedRun;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything an executor needs besides its task, broadcast once per sweep. The scenario reaches
 * the executors as a path they share with the driver (the same absolute path on every machine):
 * each executor compiles the variant itself and checks that what it compiled is what the driver
 * checked ({@link ScenarioFingerprint}), so a file that differs or is missing on a machine fails
 * its tasks with a message instead of giving other numbers.
 *
 * @param file                    the scenario file, absolute
 * @param params                  the {@code --set} parameters, the same for every variant
 * @param variants                by index - 1
 * @param fingerprints            of each variant's compiled scenario on the driver, by index - 1
 * @param plugins                 the plug-in jars ({@code --plugins}), loaded by each executor
 *                                from the same path after checking it is the driver's jar
 * @param perStep                 each task also sends back its steps' rows of the per-step table
 * @param failFirstAttemptOfTask  a test hook: the task with this id fails on its first attempt
 *                                (-1: none)
 */
record SweepJob(String file, Map<String, String> params, List<Variant> variants, SolveFlags solve,
                List<String> fingerprints, List<PluginJar> plugins, boolean perStep,
                int failFirstAttemptOfTask)
        implements Serializable {

    SweepJob {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        variants = List.copyOf(variants);
        fingerprints = List.copyOf(fingerprints);
        plugins = List.copyOf(plugins);
    }

    Variant variant(int index) {
        return variants.get(index - 1);
    }

    /** The parameters a variant is compiled with: the {@code --set} ones, then its own. */
    Map<String, String> compilerParams(Variant v) {
        Map<String, String> out = new LinkedHashMap<>(params);
        out.putAll(v.values());
        return out;
    }

    static SeedRun seedRun(Variant v) {
        return v.seedRun() == 0 ? SeedRun.AS_WRITTEN : new SeedRun(v.seedRun());
    }
}
