package io.latentbench.workbench.regress.config;

import java.util.Optional;

/**
 * {@code [statistics]} of regression_config.toml, beside the thresholds: how sure a verdict must be.
 *
 * @param alpha               significance level of the test of change on per-fork means
 * @param confidence          level of the interval of the ratio of means
 * @param bootstrapResamples  resamples per comparison
 * @param seed                bootstrap seed; the same inputs always give the same interval
 * @param calibrateAgainst    benchmark key of the reference for calibrated mode, if any
 * @param maxForkCv           percent: when the per-fork means of either side scatter more than this
 *                            (coefficient of variation), the measurement is unstable and the verdict
 *                            Inconclusive, as pyperf warns above 10 %
 */
public record StatisticsConfig(
        double alpha, double confidence, int bootstrapResamples, long seed, Optional<String> calibrateAgainst,
        double maxForkCv) {

    public StatisticsConfig {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha " + alpha + " must be between 0 and 1");
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence " + confidence + " must be between 0 and 1");
        }
        if (!(maxForkCv > 0)) {
            throw new IllegalArgumentException("max_fork_cv " + maxForkCv + " must be a positive percentage");
        }
        if (bootstrapResamples < 100) {
            throw new IllegalArgumentException("bootstrap_resamples " + bootstrapResamples + " must be at least 100");
        }
    }

    public static StatisticsConfig defaults() {
        return new StatisticsConfig(0.05, 0.95, 10_000, 20_240_601L, Optional.empty(), 10.0);
    }

    public StatisticsConfig withCalibration(String reference) {
        return new StatisticsConfig(alpha, confidence, bootstrapResamples, seed, Optional.ofNullable(reference), maxForkCv);
    }
}
