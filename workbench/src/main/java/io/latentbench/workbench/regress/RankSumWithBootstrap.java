package io.latentbench.workbench.regress;

import io.latentbench.workbench.regress.stats.BootstrapRatio;
import io.latentbench.workbench.regress.stats.MannWhitney;
import java.util.Locale;

/**
 * The two-sided Mann-Whitney U test on the per-fork means (exact for small samples) and a seeded
 * bootstrap interval of the ratio of means: no assumption about the shape of the fork scatter.
 *
 * @param resamples  bootstrap resamples per benchmark
 * @param seed       combined with the benchmark's id, so each benchmark has its own fixed stream
 */
record RankSumWithBootstrap(int resamples, long seed) implements ChangeTest {

    @Override
    public String name() {
        return "Mann-Whitney U with a bootstrap interval";
    }

    @Override
    public String method(double alpha, double confidence) {
        return String.format(Locale.ROOT, "Mann-Whitney U on per-fork means (alpha %s) and a %.0f%% bootstrap interval"
                + " of the ratio of means", alpha, confidence * 100);
    }

    @Override
    public double smallestPossibleP(int baselineForks, int currentForks) {
        return MannWhitney.smallestPossibleP(baselineForks, currentForks);
    }

    @Override
    public boolean accepts(double[] baseline, double[] current) {
        return true;
    }

    @Override
    public ChangeStatistics test(Samples s, double confidence) {
        MannWhitney.Result mw = MannWhitney.test(s.baseline(), s.current());
        BootstrapRatio.Interval ci = BootstrapRatio.interval(s.baseline(), s.current(), resamples, confidence,
                seed ^ s.id().toString().hashCode());
        return new ChangeStatistics(s.baseline().length, s.current().length, mw.pValue(), mw.exact(), ci.ratio(),
                ci.low(), ci.high());
    }
}
