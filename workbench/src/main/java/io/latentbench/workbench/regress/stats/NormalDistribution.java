package io.latentbench.workbench.regress.stats;

/** The standard normal upper tail, enough for the large-sample Mann-Whitney approximation. */
final class NormalDistribution {

    private NormalDistribution() {}

    /** P(Z > z) via the complementary error function (Numerical Recipes' erfc, |error| < 1.2e-7). */
    static double upperTail(double z) {
        return 0.5 * erfc(z / Math.sqrt(2));
    }

    private static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1.0 / (1.0 + 0.5 * z);
        double ans = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? ans : 2.0 - ans;
    }
}
