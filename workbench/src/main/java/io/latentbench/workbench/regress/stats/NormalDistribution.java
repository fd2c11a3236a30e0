package io.latentbench.workbench.regress.stats;

/**
 * The standard normal distribution of the gate's statistics, from Apache Commons Statistics.
 * Kept as this small facade so that the statistics of this package name one distribution the
 * same way everywhere.
 */
final class NormalDistribution {

    private static final org.apache.commons.statistics.distribution.NormalDistribution STANDARD =
            org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1);

    private NormalDistribution() {}

    /** P(Z &gt; z), accurate in the far tail too (no 1 - cdf cancellation). */
    static double upperTail(double z) {
        return STANDARD.survivalProbability(z);
    }

    /** The z value with P(Z &le; z) = p, for 0 &lt; p &lt; 1. */
    static double quantile(double p) {
        requireLevel(p);
        return STANDARD.inverseCumulativeProbability(p);
    }

    /** A quantile level: the library would answer an infinity at 0 and 1 and NaN outside. */
    static void requireLevel(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("quantile level " + p + " must be in (0, 1)");
        }
    }
}
