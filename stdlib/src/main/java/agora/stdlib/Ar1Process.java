package agora.stdlib;

import java.util.SplittableRandom;

/**
 * A stationary Gaussian AR(1) process (a sampled Ornstein-Uhlenbeck process) with mean 0,
 * standard deviation {@code sigma} and correlation time {@code tau}: consecutive samples
 * {@code dt} apart correlate with {@code phi = exp(-dt / tau)}. The first sample is drawn from
 * the stationary distribution, so the series has no warm-up.
 */
final class Ar1Process {
    private final double phi;
    private final double innovation;
    private final SplittableRandom random;
    private double value;
    private boolean started;

    Ar1Process(double sigma, double tauHours, double stepHours, SplittableRandom random) {
        this.phi = Math.exp(-stepHours / tauHours);
        // keeps the variance at sigma² from step to step: phi² σ² + innovation² = σ²
        this.innovation = sigma * Math.sqrt(1 - phi * phi);
        this.random = random;
        this.value = sigma * random.nextGaussian();
    }

    /** The next sample (the first call returns the stationary initial draw). */
    double next() {
        if (started) {
            value = phi * value + innovation * random.nextGaussian();
        }
        started = true;
        return value;
    }
}
