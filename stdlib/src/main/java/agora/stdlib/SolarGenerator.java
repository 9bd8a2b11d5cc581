package agora.stdlib;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Output of a photovoltaic plant, MW.
 *
 * <p>Clear sky: the sun's elevation from the latitude, the day of the year and the clock time
 * ({@link SolarGeometry}: Cooper's declination, equation of time, hour angle), turned into
 * global horizontal irradiance G by the Haurwitz model. A plant delivers
 * {@code capacity × min(1, PR × G / 1000 W/m²)} with performance ratio PR = 0.85 (inverter,
 * temperature and wiring losses), so about 0.88 × capacity under a high summer sun. Each step's
 * value is the average of the clear-sky output at points 10 minutes or less apart within the step.
 *
 * <p>Clouds: a clear-sky index k in [0, 1] multiplies the clear-sky output. The weather is a
 * two-state Markov chain (clear / cloudy) in which a clear and a cloudy spell together last 24 h
 * on average, a cloudy spell {@code cloudiness} × 24 h, so the long-run share of cloudy time is
 * {@code cloudiness}. Within a state k is its mean (0.97 clear, 0.40 cloudy) plus AR(1) noise
 * with a 1 h correlation time (standard deviation 0.03 clear, 0.15 cloudy), clipped to [0, 1].
 * The mean of k is therefore about {@code 0.967 (1 - cloudiness) + 0.40 cloudiness}.
 *
 * <p>Output is exactly 0 while the sun is below the horizon, and never exceeds the capacity.
 */
public final class SolarGenerator implements ProfileGenerator {
    static final double PERFORMANCE_RATIO = 0.85;
    static final double REFERENCE_IRRADIANCE = 1000.0;
    static final double CLEAR_MEAN = 0.97;
    static final double CLEAR_SIGMA = 0.03;
    static final double CLOUDY_MEAN = 0.40;
    static final double CLOUDY_SIGMA = 0.15;
    static final double WEATHER_CYCLE_HOURS = 24.0;
    static final double CLOUD_NOISE_TAU_HOURS = 1.0;
    private static final double MAX_SAMPLE_SPACING_HOURS = 10.0 / 60.0;

    private static final List<Parameter> PARAMETERS = List.of(
            new Parameter("capacity", "MW", Double.NaN, "rated (peak AC) output of the plant"),
            new Parameter("latitude", "", -33.9,
                    "latitude in degrees, negative south (default Sydney, as in the paper's data)"),
            new Parameter("cloudiness", "", 0.3, "long-run share of cloudy time, 0 to 1"),
            new Parameter("seed", "", 1, "seed of the weather; equal seeds give equal series"));

    @Override
    public String name() {
        return "solar";
    }

    @Override
    public String description() {
        return "photovoltaic output from clear-sky sun geometry times a Markov cloud process";
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
        double latitude = args.inRange("latitude", -90, 90);
        double cloudiness = args.inRange("cloudiness", 0, 1);
        StepClock clock = new StepClock(start, step);
        StepClock.requireCount(count);

        CloudProcess clouds = new CloudProcess(cloudiness, clock.stepHours(), new SplittableRandom(args.seed()));
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            double clearSky = clearSkyFraction(latitude, clock, i);
            double k = clouds.next();
            out[i] = Math.min(capacity, capacity * clearSky * k);
        }
        return out;
    }

    /** Mean clear-sky output of step {@code index} as a fraction of capacity. */
    static double clearSkyFraction(double latitude, StepClock clock, int index) {
        int samples = Math.max(1, (int) Math.ceil(clock.stepHours() / MAX_SAMPLE_SPACING_HOURS - 1e-9));
        double sum = 0;
        for (int s = 0; s < samples; s++) {
            double t = clock.at(index, (s + 0.5) * clock.stepHours() / samples);
            double g = SolarGeometry.clearSkyIrradiance(latitude, clock.dayOfYear(t), StepClock.hourOfDay(t));
            sum += Math.min(1.0, PERFORMANCE_RATIO * g / REFERENCE_IRRADIANCE);
        }
        return sum / samples;
    }

    /** The clear-sky index: Markov weather state plus AR(1) noise within the state. */
    private static final class CloudProcess {
        private final double toCloudy;
        private final double toClear;
        private final SplittableRandom random;
        private final Ar1Process clearNoise;
        private final Ar1Process cloudyNoise;
        private boolean cloudy;

        CloudProcess(double cloudiness, double stepHours, SplittableRandom random) {
            // mean spells: clear (1-c)·24 h, cloudy c·24 h, hence a stationary cloudy share of c;
            // c = 0 never turns cloudy, c = 1 never clears
            this.toCloudy = cloudiness == 0 ? 0
                    : 1 - Math.exp(-stepHours / ((1 - cloudiness) * WEATHER_CYCLE_HOURS));
            this.toClear = cloudiness == 1 ? 0
                    : 1 - Math.exp(-stepHours / (cloudiness * WEATHER_CYCLE_HOURS));
            this.random = random;
            this.clearNoise = new Ar1Process(CLEAR_SIGMA, CLOUD_NOISE_TAU_HOURS, stepHours, random.split());
            this.cloudyNoise = new Ar1Process(CLOUDY_SIGMA, CLOUD_NOISE_TAU_HOURS, stepHours, random.split());
            this.cloudy = random.nextDouble() < cloudiness;
        }

        double next() {
            double clear = CLEAR_MEAN + clearNoise.next();
            double overcast = CLOUDY_MEAN + cloudyNoise.next();
            double k = cloudy ? overcast : clear;
            double leave = cloudy ? toClear : toCloudy;
            if (random.nextDouble() < leave) {
                cloudy = !cloudy;
            }
            return Math.max(0, Math.min(1, k));
        }
    }
}
