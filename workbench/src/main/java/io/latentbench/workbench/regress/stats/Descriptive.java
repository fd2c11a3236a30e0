package io.latentbench.workbench.regress.stats;

import java.util.Arrays;

/** Mean, sample standard deviation and median of a sample: what baselines and reports show. */
public record Descriptive(int count, double mean, double stdDev, double median) {

    public static Descriptive of(double[] values) {
        int n = values.length;
        if (n == 0) {
            return new Descriptive(0, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = BootstrapRatio.mean(values);
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double std = n > 1 ? Math.sqrt(squares / (n - 1)) : 0.0;
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Descriptive(n, mean, std, median);
    }
}
