package io.latentbench.workbench.regress;

import io.latentbench.workbench.regress.config.StatisticsConfig;
import java.util.Objects;

/**
 * The statistics a {@link Comparer} chooses from, by one rule: the primary where it can reach alpha
 * with the benchmark's fork counts, otherwise the one for few forks. The report header states the
 * primary's method; a verdict decided by the other names it in its reason.
 */
public record ChangeTests(ChangeTest primary, ChangeTest fewForks) {

    public ChangeTests {
        Objects.requireNonNull(primary, "primary");
        Objects.requireNonNull(fewForks, "fewForks");
    }

    /**
     * The gate's statistics: Mann-Whitney with the bootstrap interval, and Welch's test on the logs
     * for 2 or 3 forks a side, where the rank test's smallest p value is 0.1 or more.
     */
    public static ChangeTests standard(StatisticsConfig statistics) {
        return new ChangeTests(new RankSumWithBootstrap(statistics.bootstrapResamples(), statistics.seed()),
                new WelchOnLogs());
    }

    public ChangeTest pick(int baselineForks, int currentForks, double alpha) {
        return primary.smallestPossibleP(baselineForks, currentForks) < alpha ? primary : fewForks;
    }
}
