package io.latentbench.workbench.regress.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A bootstrap confidence interval of mean(current) / mean(baseline), resampling each side
 * independently. Seeded, so the same inputs always give the same interval.
 *
 * <p>With a handful of forks the plain percentile interval is too narrow: the bootstrap sees
 * a variance shrunk by (n-1)/n and uses normal rather than t tails. So it is the expanded
 * percentile interval (Hesterberg): percentiles are taken at the level whose normal quantile
 * equals sqrt(n/(n-1)) times Student's t quantile with n-1 degrees of freedom, n being the
 * smaller side. For large n this is the ordinary percentile interval.
 */
public final class BootstrapRatio {

    private BootstrapRatio() {}

    public record Interval(double ratio, double low, double high) {}

    public static Interval interval(double[] baseline, double[] current, int resamples, double confidence, long seed) {
        if (baseline.length == 0 || current.length == 0) {
            throw new IllegalArgumentException("bootstrap needs at least one sample per side, got "
                    + baseline.length + " and " + current.length);
        }
        if (resamples < 100) {
            throw new IllegalArgumentException("bootstrap resamples " + resamples + " is too few; expected at least 100");
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence " + confidence + " must be between 0 and 1");
        }
        double baseMean = mean(baseline);
        if (baseMean == 0) {
            throw new IllegalArgumentException("the baseline mean is 0; a ratio against it is undefined");
        }
        double ratio = mean(current) / baseMean;
        SplittableRandom random = new SplittableRandom(seed);
        double[] ratios = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            double resampledBase = resampledMean(baseline, random);
            double resampledCurrent = resampledMean(current, random);
            ratios[b] = resampledBase == 0 ? Double.NaN : resampledCurrent / resampledBase;
        }
        Arrays.sort(ratios); // NaN sorts last; a zero resampled baseline is vanishingly rare for timings
        double tail = expandedTail(confidence, Math.min(baseline.length, current.length));
        return new Interval(ratio, quantile(ratios, tail), quantile(ratios, 1 - tail));
    }

    /** The tail probability each side for the expanded percentile interval. */
    static double expandedTail(double confidence, int n) {
        double tail = (1 - confidence) / 2;
        if (n < 2) {
            return tail;
        }
        double t = StudentT.quantile(1 - tail, n - 1);
        double z = Math.sqrt(n / (n - 1.0)) * t;
        return NormalDistribution.upperTail(z);
    }

    private static double resampledMean(double[] sample, SplittableRandom random) {
        double sum = 0;
        for (int i = 0; i < sample.length; i++) {
            sum += sample[random.nextInt(sample.length)];
        }
        return sum / sample.length;
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** Linear interpolation between order statistics. */
    private static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int lower = (int) Math.floor(position);
        int upper = Math.min(lower + 1, sorted.length - 1);
        double fraction = position - lower;
        return sorted[lower] + fraction * (sorted[upper] - sorted[lower]);
    }
}
