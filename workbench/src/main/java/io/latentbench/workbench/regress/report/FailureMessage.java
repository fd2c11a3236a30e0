package io.latentbench.workbench.regress.report;

import io.latentbench.workbench.regress.ChangeStatistics;
import io.latentbench.workbench.regress.Comparison;
import io.latentbench.workbench.regress.ComparisonReport;
import io.latentbench.workbench.regress.Verdict;
import io.latentbench.workbench.results.Direction;
import java.util.List;
import java.util.Locale;

/**
 * The message a failing gate stops with, in the manner of Criterion: per regression the change
 * of the mean with its interval, the p-value against alpha, and the threshold it crossed (signed
 * in the direction that is worse: + for times, - for rates).
 */
public final class FailureMessage {

    private FailureMessage() {}

    /** Empty when the report has no regression and no failed benchmark. */
    public static String render(ComparisonReport report) {
        List<Comparison> failed = report.with(Verdict.FAILED);
        StringBuilder out = new StringBuilder();
        if (!failed.isEmpty()) {
            out.append(String.format(Locale.ROOT, "%d of %d benchmarks failed to run, so the gate cannot vouch for"
                    + " them:%n", failed.size(), report.comparisons().size()));
            failed.forEach(c -> out.append("  ").append(c.id()).append(": ").append(c.reason()).append('\n'));
        }
        List<Comparison> regressions = report.with(Verdict.REGRESSION);
        if (regressions.isEmpty()) {
            return out.toString().stripTrailing();
        }
        out.append(String.format(Locale.ROOT,
                "Performance has regressed: %d of %d comparisons past their threshold (%s against %s)%n",
                regressions.size(), report.comparisons().size(), report.currentSide().source(),
                report.baselineSide().source()));
        for (Comparison c : regressions) {
            ChangeStatistics s = c.statistics().orElseThrow();
            String sign = c.direction() == Direction.HIGHER_IS_BETTER ? "-" : "+";
            out.append("  ").append(c.id()).append('\n').append(String.format(Locale.ROOT,
                    "    change: [%+.1f%% %+.1f%% %+.1f%%] (p = %.3g < %s), threshold %s%.0f%% (%s); %s -> %s%n",
                    s.changeLowPercent(), s.changePercent(), s.changeHighPercent(), s.pValue(), report.alpha(),
                    sign, c.thresholdPercent(), c.entry().path(), Format.baseline(c), Format.current(c)));
        }
        long inconclusive = report.count(Verdict.INCONCLUSIVE);
        if (inconclusive > 0) {
            out.append(String.format(Locale.ROOT, "(%d more could not be judged: Inconclusive never fails the gate)%n",
                    inconclusive));
        }
        return out.toString().stripTrailing();
    }
}
