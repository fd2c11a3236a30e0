package io.latentbench.workbench.regress;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of {@code lb compare}: every row, what was not measured any more, and how the
 * comparison was made.
 *
 * @param mode       "raw" or "calibrated against KEY"
 * @param method     the statistics and the verdict rule, in one line, as the comparer that made the
 *                   report states them
 * @param missing    measurements the baseline has and the current run does not
 * @param alpha      significance level used
 * @param confidence level of the intervals shown
 */
public record ComparisonReport(
        MeasurementSet baselineSide,
        MeasurementSet currentSide,
        String mode,
        String method,
        String configSource,
        double alpha,
        double confidence,
        List<Comparison> comparisons,
        List<MeasurementId> missing) {

    public ComparisonReport {
        Objects.requireNonNull(baselineSide, "baselineSide");
        Objects.requireNonNull(currentSide, "currentSide");
        Objects.requireNonNull(method, "method");
        comparisons = List.copyOf(comparisons);
        missing = List.copyOf(missing);
    }

    public List<Comparison> with(Verdict verdict) {
        return comparisons.stream().filter(c -> c.verdict() == verdict).toList();
    }

    public long count(Verdict verdict) {
        return comparisons.stream().filter(c -> c.verdict() == verdict).count();
    }

    public boolean hasRegression() {
        return count(Verdict.REGRESSION) > 0;
    }

    /**
     * 1 on any regression or failed benchmark, 2 on improvements only, 0 otherwise: {@code lb compare}'s
     * exit status, which CI scripts read.
     */
    public int exitCode() {
        if (hasRegression() || count(Verdict.FAILED) > 0) {
            return 1;
        }
        return count(Verdict.IMPROVEMENT) > 0 ? 2 : 0;
    }

    /** One line, e.g. "1 regression, 2 improvements, 40 unchanged, 3 new, 1 inconclusive". */
    public String summary() {
        return count(Verdict.REGRESSION) + " regression(s), " + count(Verdict.IMPROVEMENT) + " improvement(s), "
                + count(Verdict.NO_CHANGE) + " unchanged, " + count(Verdict.NEW_BENCHMARK) + " new, "
                + count(Verdict.INCONCLUSIVE) + " inconclusive, " + count(Verdict.REFERENCE) + " reference(s)"
                + (count(Verdict.FAILED) == 0 ? "" : ", " + count(Verdict.FAILED) + " failed to run")
                + (missing.isEmpty() ? "" : ", " + missing.size() + " not measured in the current run");
    }
}
