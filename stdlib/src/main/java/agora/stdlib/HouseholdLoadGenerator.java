package agora.stdlib;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Consumption of a group of households, MW (positive numbers: power drawn).
 *
 * <p>Daily shape: an overnight base ({@code base_share} × {@code peak}), a morning peak and a
 * larger evening peak (Gaussian bumps; weekdays 07:30 and 18:30, weekends a later, flatter
 * morning at 09:30) over a daytime plateau. Season: the load is highest in mid-winter and lowest
 * in mid-summer, a cosine over the year of relative amplitude 15% (heating dominates); the
 * hemisphere follows the sign of {@code latitude}, so by default (Sydney) the winter peak falls
 * mid-July. Noise: the result is multiplied by {@code 1 + e}, e an AR(1) process with standard
 * deviation {@code noise} and a 2 h correlation time, and never drops below 0.
 *
 * <p>Scale: on a winter weekday, without noise, the load rises from about the base at night to
 * exactly {@code peak} at its evening maximum (about 18:25); every other day lies below that.
 */
public final class HouseholdLoadGenerator implements ProfileGenerator {
    static final double SEASONAL_AMPLITUDE = 0.15;
    static final int SOUTHERN_WINTER_PEAK_DAY = 196; // 15 July
    static final int NORTHERN_WINTER_PEAK_DAY = 15;  // 15 January
    static final double NOISE_TAU_HOURS = 2.0;
    static final double DAYS_PER_YEAR = 365.25;

    /** Bumps of the daily shape: centre hour, height (share of peak above base), width in hours. */
    private record Bump(double hour, double height, double width) {
        double at(double h) {
            double d = Math.abs(h - hour);
            d = Math.min(d, 24 - d); // the day wraps around midnight
            return height * Math.exp(-0.5 * (d / width) * (d / width));
        }
    }

    private static final List<Bump> WEEKDAY = List.of(
            new Bump(7.5, 0.55, 1.2), new Bump(13.0, 0.25, 3.5), new Bump(18.5, 1.0, 1.8));
    private static final List<Bump> WEEKEND = List.of(
            new Bump(9.5, 0.50, 1.8), new Bump(13.5, 0.35, 3.0), new Bump(18.5, 0.9, 1.8));
    /** Where the evening peak lies: the weekday shape is unimodal between these hours. */
    private static final double EVENING_FROM = 16.0;
    private static final double EVENING_TO = 21.0;
    /** The weekday shape at its evening maximum, so that {@code peak} is reached exactly there. */
    static final double WEEKDAY_MAX = eveningMaximum();

    private static final List<Parameter> PARAMETERS = List.of(
            new Parameter("peak", "MW", Double.NaN, "winter weekday evening peak (without noise)"),
            new Parameter("base_share", "", 0.3,
                    "overnight load of a winter weekday as a share of the peak, 0 to 1"),
            new Parameter("latitude", "", -33.9, "latitude in degrees; its sign picks the hemisphere's seasons"),
            new Parameter("noise", "", 0.05, "standard deviation of the relative noise, 0 for none"),
            new Parameter("seed", "", 1, "seed of the noise; equal seeds give equal series"));

    @Override
    public String name() {
        return "household_load";
    }

    @Override
    public String description() {
        return "household consumption with morning and evening peaks, weekends, seasons and noise";
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
        double peak = args.nonNegative("peak");
        double base = peak * args.inRange("base_share", 0, 1);
        double latitude = args.inRange("latitude", -90, 90);
        double noise = args.inRange("noise", 0, 1);
        StepClock clock = new StepClock(start, step);
        StepClock.requireCount(count);

        int winterPeakDay = latitude < 0 ? SOUTHERN_WINTER_PEAK_DAY : NORTHERN_WINTER_PEAK_DAY;
        Ar1Process wobble = new Ar1Process(noise, NOISE_TAU_HOURS, clock.stepHours(),
                new SplittableRandom(args.seed()));
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            double t = clock.middle(i);
            double daily = base + (peak - base) * dailyShape(clock.isWeekend(t), StepClock.hourOfDay(t));
            double seasonal = season(clock.dayOfYear(t), winterPeakDay);
            out[i] = Math.max(0, daily * seasonal * (1 + wobble.next()));
        }
        return out;
    }

    /** The day's shape at {@code hour}, about 0 at night and 1 at a weekday's evening peak. */
    static double dailyShape(boolean weekend, double hour) {
        return shape(weekend ? WEEKEND : WEEKDAY, hour) / WEEKDAY_MAX;
    }

    /** 1 on the winter peak day, 1 - 2A/(1+A) ≈ 0.74 half a year later. */
    static double season(int dayOfYear, int winterPeakDay) {
        double phase = 2 * Math.PI * (dayOfYear - winterPeakDay) / DAYS_PER_YEAR;
        return (1 + SEASONAL_AMPLITUDE * Math.cos(phase)) / (1 + SEASONAL_AMPLITUDE);
    }

    /** Ternary search for the maximum of the weekday shape in the evening. */
    private static double eveningMaximum() {
        double lo = EVENING_FROM;
        double hi = EVENING_TO;
        while (hi - lo > 1e-9) {
            double a = lo + (hi - lo) / 3;
            double b = hi - (hi - lo) / 3;
            if (shape(WEEKDAY, a) < shape(WEEKDAY, b)) {
                lo = a;
            } else {
                hi = b;
            }
        }
        return shape(WEEKDAY, (lo + hi) / 2);
    }

    private static double shape(List<Bump> bumps, double hour) {
        double sum = 0;
        for (Bump b : bumps) {
            sum += b.at(hour);
        }
        return sum;
    }
}
