package io.latentbench.workbench.regress;

/**
 * The evidence behind a verdict, computed on per-fork means by a {@link ChangeTest} (or, for a
 * relative run, on paired ratios).
 *
 * @param baselineForks  independent samples on the baseline side
 * @param currentForks   independent samples on the current side
 * @param pValue         two-sided p-value of the test of no change, NaN when not computed
 * @param exactP         whether the p-value is exact (the rank test on small samples) rather than an approximation
 * @param ratio          the estimate of current / baseline (a ratio of means, or of geometric means)
 * @param ratioLow       lower end of the test's interval of the ratio, NaN when not computed
 * @param ratioHigh      upper end
 */
public record ChangeStatistics(
        int baselineForks, int currentForks, double pValue, boolean exactP, double ratio, double ratioLow, double ratioHigh) {

    /** Only the point estimate: no test was possible. */
    public static ChangeStatistics estimateOnly(int baselineForks, int currentForks, double ratio) {
        return new ChangeStatistics(baselineForks, currentForks, Double.NaN, false, ratio, Double.NaN, Double.NaN);
    }

    public boolean tested() {
        return !Double.isNaN(pValue);
    }

    /** Signed change of the value in percent: +25 means the number grew by a quarter. */
    public double changePercent() {
        return (ratio - 1) * 100;
    }

    public double changeLowPercent() {
        return (ratioLow - 1) * 100;
    }

    public double changeHighPercent() {
        return (ratioHigh - 1) * 100;
    }
}
