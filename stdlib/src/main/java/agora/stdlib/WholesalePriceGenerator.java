package agora.stdlib;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A wholesale electricity price, currency/MWh.
 *
 * <p>Three parts: a daily shape (night trough, morning shoulder, evening peak around 18:00 at
 * about 1.45 times the day's average; weekends 10% below weekdays), mean-reverting noise (an AR(1)
 * process with a 3 h correlation time and standard deviation {@code volatility × mean}, added to
 * the shape), and rare price spikes (on average 0.004 per hour, i.e. about 35 a year, each lasting
 * one step and multiplying the price by a factor drawn uniformly from 3 to 10). The shape is
 * scaled so that the long-run average is {@code mean}.
 *
 * <p>Floor: prices never fall below {@code floor}, 0 by default. Markets such as the Australian
 * NEM allow negative prices; set {@code floor} below 0 to let the noise produce them. Clipping at
 * the floor raises the average slightly (by well under 0.1% with the defaults).
 */
public final class WholesalePriceGenerator implements ProfileGenerator {
    static final double NOISE_TAU_HOURS = 3.0;
    static final double SPIKES_PER_HOUR = 0.004;
    static final double SPIKE_MIN_FACTOR = 3.0;
    static final double SPIKE_MAX_FACTOR = 10.0;
    static final double WEEKEND_FACTOR = 0.9;
    /** Weekdays a bit above average so that a week averages 1: (5 w + 2 · 0.9) / 7 = 1. */
    static final double WEEKDAY_FACTOR = (7 - 2 * WEEKEND_FACTOR) / 5;

    /** Price at each full hour relative to the day's average before normalisation (00:00 .. 23:00). */
    private static final double[] HOURLY = {
        0.85, 0.80, 0.78, 0.76, 0.76, 0.80, 0.92, 1.05, 1.10, 1.05, 1.00, 0.98,
        0.95, 0.93, 0.93, 0.97, 1.08, 1.30, 1.45, 1.35, 1.20, 1.05, 0.95, 0.90};
    private static final double HOURLY_MEAN = mean(HOURLY);

    private static final List<Parameter> PARAMETERS = List.of(
            new Parameter("mean", "$/MWh", Double.NaN, "long-run average price"),
            new Parameter("volatility", "", 0.25,
                    "standard deviation of the noise as a share of the mean price"),
            new Parameter("floor", "$/MWh", 0.0, "lowest possible price"),
            new Parameter("seed", "", 1, "seed of the noise and spikes; equal seeds give equal series"));

    @Override
    public String name() {
        return "wholesale_price";
    }

    @Override
    public String description() {
        return "wholesale price with an evening peak, mean-reverting noise and rare spikes";
    }

    @Override
    public String outputUnit() {
        return "$/MWh";
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public double[] generate(LocalDateTime start, Duration step, int count, Map<String, Double> arguments) {
        Arguments args = new Arguments(name(), PARAMETERS, arguments);
        double mean = args.finite("mean");
        double volatility = args.nonNegative("volatility");
        double floor = args.finite("floor");
        StepClock clock = new StepClock(start, step);
        StepClock.requireCount(count);

        double spikeChance = 1 - Math.exp(-SPIKES_PER_HOUR * clock.stepHours());
        double meanSpikeFactor = (SPIKE_MIN_FACTOR + SPIKE_MAX_FACTOR) / 2;
        // spikes lift the average by the factor 1 + p (E[M] - 1); the level takes it back out
        double level = mean / (1 + spikeChance * (meanSpikeFactor - 1));
        SplittableRandom random = new SplittableRandom(args.seed());
        Ar1Process noise = new Ar1Process(volatility * Math.abs(level), NOISE_TAU_HOURS,
                clock.stepHours(), random.split());
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            double t = clock.middle(i);
            double price = level * shape(clock.isWeekend(t), StepClock.hourOfDay(t)) + noise.next();
            if (random.nextDouble() < spikeChance) {
                price *= SPIKE_MIN_FACTOR + (SPIKE_MAX_FACTOR - SPIKE_MIN_FACTOR) * random.nextDouble();
            }
            out[i] = Math.max(floor, price);
        }
        return out;
    }

    /** The price at {@code hour} relative to the long-run average (weekly mean 1). */
    static double shape(boolean weekend, double hour) {
        int h = (int) Math.floor(hour) % 24;
        double within = hour - Math.floor(hour);
        double hourly = HOURLY[h] + within * (HOURLY[(h + 1) % 24] - HOURLY[h]);
        double day = weekend ? WEEKEND_FACTOR : WEEKDAY_FACTOR;
        return day * hourly / HOURLY_MEAN;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
