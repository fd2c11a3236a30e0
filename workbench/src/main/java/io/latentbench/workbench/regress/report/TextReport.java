package io.latentbench.workbench.regress.report;

import io.latentbench.workbench.regress.Comparison;
import io.latentbench.workbench.regress.ComparisonReport;
import io.latentbench.workbench.regress.MeasurementId;
import io.latentbench.workbench.regress.Verdict;
import java.util.Comparator;
import java.util.Locale;

/**
 * The console report of {@code lb compare}: a block per benchmark (verdict, baseline, current, change with
 * p and forks, threshold and reason), regressions first, then what was not measured and the summary.
 */
public final class TextReport {

    private TextReport() {}

    public static String render(ComparisonReport report) {
        StringBuilder out = new StringBuilder();
        out.append("=== Benchmark Comparison Report ===\n\n");
        Header.lines(report).forEach(l -> out.append(l).append('\n'));
        out.append('\n');
        report.comparisons().stream()
                .sorted(Comparator.comparing((Comparison c) -> Format.order(c.verdict())).thenComparing(Comparison::id))
                .forEach(c -> {
                    out.append(Format.icon(c.verdict())).append(' ')
                            .append(c.verdict().label().toUpperCase(Locale.ROOT)).append(": ").append(c.id()).append('\n');
                    if (c.verdict() == Verdict.FAILED) {
                        out.append("   ").append(c.reason()).append('\n').append('\n');
                        return;
                    }
                    if (c.verdict() != Verdict.NEW_BENCHMARK) {
                        out.append("   Baseline: ").append(Format.baseline(c)).append('\n');
                    }
                    out.append("   Current:  ").append(Format.current(c)).append('\n');
                    if (c.verdict() != Verdict.NEW_BENCHMARK) {
                        out.append("   Change:   ").append(Format.change(c)).append("  p = ").append(Format.p(c))
                                .append("  forks ").append(Format.forks(c)).append('\n');
                        out.append("   Threshold ").append(Format.threshold(c)).append(": ").append(c.reason()).append('\n');
                    }
                    out.append('\n');
                });
        for (MeasurementId id : report.missing()) {
            out.append("\u2754 NOT MEASURED: ").append(id).append(" (in the baseline, not in the current run)\n");
        }
        out.append("Summary: ").append(report.summary()).append('\n');
        return out.toString();
    }
}
