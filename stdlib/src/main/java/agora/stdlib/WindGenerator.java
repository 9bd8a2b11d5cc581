package agora.stdlib;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Output of a wind farm, MW.
 *
 * <p>Wind speed: the length of a two-dimensional wind vector whose components are independent
 * stationary AR(1) processes with a 48 h correlation time (weather systems pass in days). The
 * speed is then exactly Rayleigh distributed (a Weibull distribution of shape 2, the usual fit for
 * wind) with mean {@code mean_speed}; the output's correlation from one hour to the next is about
 * 0.95, as for a single farm.
 *
 * <p>Power curve of a generic pitch-regulated turbine: nothing below the cut-in speed of 3 m/s,
 * {@code (v³ - 3³) / (12³ - 3³)} of rated power between cut-in and the rated speed of 12 m/s, rated
 * power up to the cut-out speed of 25 m/s and nothing above it (storm shutdown). Output is
 * {@code capacity} times that fraction, so it always lies in [0, capacity]. With the default mean
 * of 7 m/s the long-run capacity factor is 0.293 (the integral of the curve against the
 * Rayleigh density).
 */
public final class WindGenerator implements ProfileGenerator {
    static final double CUT_IN = 3.0;
    static final double RATED = 12.0;
    static final double CUT_OUT = 25.0;
    static final double COMPONENT_TAU_HOURS = 48.0;

    private static final List<Parameter> PARAMETERS = List.of(
            new Parameter("capacity", "MW", Double.NaN, "rated output of the farm"),
            new Parameter("mean_speed", "", 7.0, "long-run mean wind speed at hub height, m/s"),
            new Parameter("seed", "", 1, "seed of the weather; equal seeds give equal series"));

    @Override
    public String name() {
        return "wind";
    }

    @Override
    public String description() {
        return "wind farm output from a Rayleigh-distributed AR(1) wind speed through a turbine power curve";
    }

    @Override
    public String outputUnit() {
        return "MW";
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public double[] generate(LocalDateTime start, Duration step, int count, Map<String, Double> arguments) {
        Arguments args = new Arguments(name(), PARAMETERS, arguments);
        double capacity = args.nonNegative("capacity");
        double meanSpeed = args.positive("mean_speed");
        StepClock clock = new StepClock(start, step);
        StepClock.requireCount(count);

        // a Rayleigh variable sqrt(X² + Y²)·σ with X, Y standard normal has mean σ·sqrt(π/2)
        double sigma = meanSpeed / Math.sqrt(Math.PI / 2);
        SplittableRandom random = new SplittableRandom(args.seed());
        Ar1Process east = new Ar1Process(sigma, COMPONENT_TAU_HOURS, clock.stepHours(), random.split());
        Ar1Process north = new Ar1Process(sigma, COMPONENT_TAU_HOURS, clock.stepHours(), random.split());
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            double speed = Math.hypot(east.next(), north.next());
            out[i] = capacity * powerCurve(speed);
        }
        return out;
    }

    /** Fraction of rated power a turbine delivers at wind speed {@code v} (m/s). */
    static double powerCurve(double v) {
        if (v < CUT_IN || v > CUT_OUT) {
            return 0;
        }
        if (v >= RATED) {
            return 1;
        }
        double cutIn3 = CUT_IN * CUT_IN * CUT_IN;
        return (v * v * v - cutIn3) / (RATED * RATED * RATED - cutIn3);
    }
}
