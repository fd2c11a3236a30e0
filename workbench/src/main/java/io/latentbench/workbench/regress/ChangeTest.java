package io.latentbench.workbench.regress;

import io.latentbench.workbench.results.Direction;

/**
 * A statistic of change between two independent samples of one benchmark (its per-fork means on
 * either side): the ratio current / baseline, its interval and the p value of "no change". The
 * {@link Comparer} chooses one per benchmark ({@link ChangeTests}) and applies its one verdict rule
 * to what it returns, so a new statistic is a new implementation and nothing else.
 */
public interface ChangeTest {

    /**
     * The samples of one benchmark, at least 2 a side and accepted by the test, the baseline's mean
     * not 0.
     *
     * @param id         the benchmark: anything random is seeded from it, so a benchmark always gets
     *                   the same interval from the same samples
     * @param direction  which way is better, for a test that looks one way only
     */
    record Samples(MeasurementId id, double[] baseline, double[] current, Direction direction) {}

    /** A few words naming the test in a verdict's reason, e.g. "Welch t on log fork means". */
    String name();

    /**
     * What is tested and how the interval is made, at these levels, as the report header states it
     * (the verdict rule is the comparer's and follows it).
     */
    String method(double alpha, double confidence);

    /**
     * The smallest p value any outcome could give with these sample sizes: where it is not below
     * alpha the test cannot find anything, and another takes its place.
     */
    double smallestPossibleP(int baselineForks, int currentForks);

    /** Whether these samples, 2 or more a side, are in the test's domain (a test on logs needs positive values). */
    boolean accepts(double[] baseline, double[] current);

    /** The evidence, its p value NaN when the test could not be made. */
    ChangeStatistics test(Samples samples, double confidence);
}
