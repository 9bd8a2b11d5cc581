package agora.scenario;

/**
 * What a storage peer holds and loses. Its injection is {@code p = d - c} (discharge minus
 * charge, MW), and its state of charge (MWh) follows, over a step of {@code Δt} hours,
 * <pre>
 *   s_t = (1 - selfDischarge)^Δt · s_{t-1} + Δt · chargeEfficiency · c_t - Δt · d_t / dischargeEfficiency
 * </pre>
 * from {@code s_{-1} = initial}, within {@code 0 .. capacity}; at the end of the horizon
 * {@code s >= finalAtLeast}, or {@code s = initial} when {@code finalAtLeast} is NaN.
 *
 * @param capacity            energy it holds when full, MWh (&gt; 0)
 * @param chargePower         largest charging power, MW (&gt;= 0)
 * @param dischargePower      largest discharging power, MW (&gt;= 0)
 * @param chargeEfficiency    share of the energy drawn that is stored, in (0, 1]
 * @param dischargeEfficiency share of the energy taken from store that is delivered, in (0, 1]
 * @param initial             state of charge before the first step, MWh
 * @param finalAtLeast        least state of charge after the last step, MWh; NaN: equal to initial
 * @param selfDischarge       share of the stored energy lost per hour, in [0, 1)
 * @param cyclePrice          cost of each MWh discharged (degradation), currency/MWh (&gt;= 0)
 */
public record Storage(double capacity, double chargePower, double dischargePower,
                      double chargeEfficiency, double dischargeEfficiency, double initial,
                      double finalAtLeast, double selfDischarge, double cyclePrice) {

    /** True when the horizon must end where it started. */
    public boolean endsAtInitial() {
        return Double.isNaN(finalAtLeast);
    }

    /** The least state of charge at the end of the horizon, MWh. */
    public double finalMinimum() {
        return endsAtInitial() ? initial : finalAtLeast;
    }

    /** The share of the stored energy kept over a step of {@code hours}. */
    public double retention(double hours) {
        return Math.pow(1.0 - selfDischarge, hours);
    }

    /** Round-trip efficiency: the share of the energy charged that comes back out. */
    public double roundTrip() {
        return chargeEfficiency * dischargeEfficiency;
    }
}
