package io.latentbench.workbench.regress;

import io.latentbench.workbench.regress.config.RegressionConfig;
import io.latentbench.workbench.regress.report.VerdictCharts;
import io.latentbench.workbench.regress.report.FailureMessage;
import io.latentbench.workbench.regress.report.ForestPlot;
import io.latentbench.workbench.regress.report.HtmlReport;
import io.latentbench.workbench.regress.report.MarkdownReport;
import io.latentbench.workbench.regress.report.TextReport;
import io.latentbench.workbench.regress.report.Trend;
import io.latentbench.workbench.regress.report.VerdictTable;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import tech.tablesaw.api.Table;

/**
 * What the regression gate found, in every form its readers want: a Tablesaw table and an XChart
 * chart for a notebook, text for a terminal, Markdown for a pull request, a self-contained HTML
 * page, and the decision ({@link #exitCode()}, {@link #check()}).
 *
 * @param config            the config the verdicts were reached with (overrides applied)
 * @param trends            baseline history of the compared benchmarks, for the HTML report
 * @param createdBaseline   the baselines file this gate created from the run, when the testbed had none
 * @param warnings          what was skipped on the way (unreadable history files)
 */
public record GateResult(RegressionConfig config, ComparisonReport report, List<Trend> trends,
        Optional<Path> createdBaseline, List<String> warnings) {

    public GateResult {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(report, "report");
        trends = List.copyOf(trends);
        Objects.requireNonNull(createdBaseline, "createdBaseline");
        warnings = List.copyOf(warnings);
    }

    public boolean baselineCreated() {
        return createdBaseline.isPresent();
    }

    public List<Comparison> regressions() {
        return report.with(Verdict.REGRESSION);
    }

    public List<Comparison> improvements() {
        return report.with(Verdict.IMPROVEMENT);
    }

    /** Comparisons the samples cannot decide (too few forks, unstable forks, no samples); never a failure. */
    public List<Comparison> inconclusive() {
        return report.with(Verdict.INCONCLUSIVE);
    }

    /** Benchmarks a fork failed to measure (relative runs): nothing to judge, and the gate fails. */
    public List<Comparison> failed() {
        return report.with(Verdict.FAILED);
    }

    /**
     * {@code lb compare}'s exit status: 1 on a failed benchmark, or on a regression (0 when fail_ci =
     * false), 2 on improvements only, else 0.
     */
    public int exitCode() {
        return failed().isEmpty() ? config.actions().exitStatus(report.exitCode()) : 1;
    }

    /** Whether the gate fails the build: a failed benchmark, or a regression with fail_ci set. */
    public boolean failsBuild() {
        return exitCode() == 1;
    }

    /** A row per comparison, flagged ones first; see {@link VerdictTable}. */
    public Table table() {
        return VerdictTable.of(report);
    }

    /** How much worse each benchmark got, in percent, against its threshold; see {@link VerdictCharts#changeAgainstThreshold}. */
    public CategoryChart chart() {
        return VerdictCharts.changeAgainstThreshold(report.comparisons());
    }

    /** One row per benchmark: its change and interval against the threshold lines; see {@link ForestPlot}. */
    public XYChart forest() {
        return ForestPlot.of(report.comparisons());
    }

    /** Median width of the changes' intervals, in percent of the estimate (NaN when none has one). */
    public double medianIntervalWidthPercent() {
        double[] widths = report.comparisons().stream().filter(c -> c.id().isPrimary())
                .flatMap(c -> c.statistics().stream())
                .filter(s -> !Double.isNaN(s.ratioLow()) && !Double.isNaN(s.ratioHigh()))
                .mapToDouble(s -> 100 * (s.ratioHigh() - s.ratioLow()) / s.ratio()).sorted().toArray();
        if (widths.length == 0) {
            return Double.NaN;
        }
        int m = widths.length / 2;
        return widths.length % 2 == 1 ? widths[m] : (widths[m - 1] + widths[m]) / 2;
    }

    public String text() {
        return TextReport.render(report);
    }

    /** The pull-request comment; says so first when the baseline was just created from this run. */
    public String markdown() {
        String report = MarkdownReport.render(this.report);
        return createdBaseline.map(file -> "> The testbed had no baseline: " + file.getFileName() + " was created from"
                + " this run (" + file + "), so the run is compared with itself below; the next run is judged against"
                + " it.\n\n" + report).orElse(report);
    }

    public String html() {
        return HtmlReport.render(report, trends);
    }

    /** Criterion's wording: each regression with its change, interval, p-value and threshold; empty without one. */
    public String failureMessage() {
        return FailureMessage.render(report);
    }

    /**
     * Throws when the gate fails the build, so that a notebook run by {@code lb run} (or any caller)
     * stops with exit status 1. Inconclusive verdicts never throw.
     *
     * @throws FailedBenchmarksException naming each benchmark that failed to run, and any regression
     * @throws PerformanceRegressionException naming each regression with its change and threshold
     */
    public void check() {
        if (!failed().isEmpty()) {
            throw new FailedBenchmarksException(failureMessage(), failed());
        }
        if (failsBuild()) {
            throw new PerformanceRegressionException(failureMessage(), regressions());
        }
    }

    @Override
    public String toString() {
        return report.summary();
    }
}
