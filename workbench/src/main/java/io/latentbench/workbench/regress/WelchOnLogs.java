package io.latentbench.workbench.regress;

import io.latentbench.workbench.regress.stats.WelchLogRatio;
import java.util.Arrays;
import java.util.Locale;

/**
 * Welch's t test on the logs of the per-fork means and its interval of the ratio of geometric
 * means: with 2 or 3 forks a side it decides a change that is large against the fork scatter,
 * where a rank test cannot reach alpha at all.
 */
record WelchOnLogs() implements ChangeTest {

    @Override
    public String name() {
        return "Welch t on log fork means";
    }

    @Override
    public String method(double alpha, double confidence) {
        return String.format(Locale.ROOT, "Welch's t test on the logs of the per-fork means (alpha %s) and its %.0f%%"
                + " interval of the ratio of geometric means", alpha, confidence * 100);
    }

    @Override
    public double smallestPossibleP(int baselineForks, int currentForks) {
        // any p when the scatter is small enough against the change; nothing with one value a side
        return baselineForks >= 2 && currentForks >= 2 ? 0 : 1;
    }

    @Override
    public boolean accepts(double[] baseline, double[] current) {
        return Arrays.stream(baseline).allMatch(v -> v > 0) && Arrays.stream(current).allMatch(v -> v > 0);
    }

    @Override
    public ChangeStatistics test(Samples s, double confidence) {
        WelchLogRatio.Result w = WelchLogRatio.test(s.baseline(), s.current(), confidence);
        return new ChangeStatistics(s.baseline().length, s.current().length, w.pValue(), false, w.ratio(), w.low(),
                w.high());
    }
}
