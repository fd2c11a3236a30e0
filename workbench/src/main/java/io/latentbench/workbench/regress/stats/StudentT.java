package io.latentbench.workbench.regress.stats;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Student's t (and normal) quantiles from Apache Commons Statistics, for the small-sample
 * widening of bootstrap intervals.
 */
final class StudentT {

    private StudentT() {}

    /** The t value with P(T &le; t) = p, for 0 &lt; p &lt; 1. */
    static double quantile(double p, int degreesOfFreedom) {
        NormalDistribution.requireLevel(p);
        return distribution(degreesOfFreedom).inverseCumulativeProbability(p);
    }

    /** The z value with P(Z &le; z) = p, for 0 &lt; p &lt; 1. */
    static double normalQuantile(double p) {
        return NormalDistribution.quantile(p);
    }

    /** P(T &le; t). */
    static double cdf(double t, int degreesOfFreedom) {
        return distribution(degreesOfFreedom).cumulativeProbability(t);
    }

    private static TDistribution distribution(int degreesOfFreedom) {
        if (degreesOfFreedom < 1) {
            throw new IllegalArgumentException("Student's t needs at least 1 degree of freedom, got " + degreesOfFreedom);
        }
        return TDistribution.of(degreesOfFreedom);
    }
}
