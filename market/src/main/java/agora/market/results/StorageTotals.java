package agora.market.results;

import agora.market.StepOutcome;
import agora.market.formulation.MarketProblem;
import agora.market.formulation.StorageUnit;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * One storage unit over the optimal steps of a run. Energies in MWh.
 *
 * @param charged      energy drawn from the market, Δt·Σc
 * @param discharged   energy delivered to the market, Δt·Σd: the energy cycled
 * @param initial      state of charge before the first step
 * @param last         state of charge after the last optimal step
 * @param lowest       lowest state of charge after a step
 * @param highest      highest state of charge after a step
 * @param cyclingCost  what its cycling cost (its cycle cost times the energy discharged), currency
 */
public record StorageTotals(String storage, double capacity, double charged, double discharged,
                            double initial, double last, double lowest, double highest,
                            double cyclingCost) implements Serializable {

    /** Equivalent full cycles: the energy discharged over the capacity. */
    public double fullCycles() {
        return discharged / capacity;
    }

    /**
     * Energy lost in charging, discharging and standing by: what was drawn less what was
     * delivered and what the state of charge gained.
     */
    public double losses() {
        return charged - discharged - (last - initial);
    }

    /** Adds up the storage of each step of a run as it comes; nothing per step is kept. */
    public static final class Collector {
        private final List<StorageUnit> units;
        private final double dt;
        private final double[] charged;
        private final double[] discharged;
        private final double[] last;
        private final double[] lowest;
        private final double[] highest;

        public Collector(MarketProblem problem) {
            this.units = problem.storages();
            this.dt = problem.tree().scenario().time().stepHours();
            int n = units.size();
            charged = new double[n];
            discharged = new double[n];
            last = new double[n];
            lowest = new double[n];
            highest = new double[n];
            for (StorageUnit u : units) {
                last[u.index()] = u.storage().initial();
                lowest[u.index()] = Double.POSITIVE_INFINITY;
                highest[u.index()] = Double.NEGATIVE_INFINITY;
            }
        }

        /** The storage units it adds up, by {@link MarketProblem#storages()}. */
        public List<StorageUnit> units() {
            return units;
        }

        public void add(StepOutcome outcome) {
            if (!outcome.isOptimal() || outcome.storage().length == 0) {
                return;
            }
            for (StorageUnit u : units) {
                int i = u.index();
                charged[i] += dt * outcome.storageCharge(i);
                discharged[i] += dt * outcome.storageDischarge(i);
                last[i] = outcome.storageState(i);
                lowest[i] = Math.min(lowest[i], last[i]);
                highest[i] = Math.max(highest[i], last[i]);
            }
        }

        public List<StorageTotals> totals() {
            List<StorageTotals> out = new ArrayList<>();
            for (StorageUnit u : units) {
                int i = u.index();
                boolean none = lowest[i] > highest[i];
                out.add(new StorageTotals(u.name(), u.storage().capacity(), charged[i], discharged[i],
                        u.storage().initial(), last[i], none ? Double.NaN : lowest[i],
                        none ? Double.NaN : highest[i], u.storage().cyclePrice() * discharged[i]));
            }
            return out;
        }
    }
}
