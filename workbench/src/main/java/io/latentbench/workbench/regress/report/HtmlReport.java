package io.latentbench.workbench.regress.report;

import static io.latentbench.workbench.files.Html.escape;

import io.latentbench.workbench.regress.Comparison;
import io.latentbench.workbench.regress.ComparisonReport;
import io.latentbench.workbench.regress.MeasurementId;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * A self-contained HTML page: the table, baseline-vs-current bars and history trends, the
 * plots embedded as base64 PNG so the file can be attached to a CI run and opened anywhere.
 */
public final class HtmlReport {

    private HtmlReport() {}

    public static String render(ComparisonReport report, List<Trend> trends) {
        StringBuilder out = new StringBuilder();
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>")
                .append(escape(MarkdownReport.title(report))).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222}")
                .append("table{border-collapse:collapse;font-size:0.9em}td,th{border:1px solid #ccc;padding:4px 8px}")
                .append("td.num{text-align:right;font-variant-numeric:tabular-nums}")
                .append("tr.Regression{background:#fde2e1}tr.Improvement{background:#e3f6e5}")
                .append("tr.Inconclusive{background:#fff6d5}tr.Reference{color:#777}img{max-width:100%;display:block;margin:1em 0}")
                .append("\n</style></head><body>\n");
        out.append("<h1>").append(escape(MarkdownReport.title(report))).append("</h1>\n<ul>\n");
        for (String line : Header.lines(report)) {
            out.append("<li>").append(escape(line)).append("</li>\n");
        }
        out.append("</ul>\n<p><strong>").append(escape(report.summary())).append("</strong></p>\n");
        out.append("<table>\n<tr><th>Verdict</th><th>Benchmark</th><th>Baseline</th><th>Current</th>")
                .append("<th>Change [CI]</th><th>p</th><th>Forks</th><th>Threshold</th><th>Why</th></tr>\n");
        report.comparisons().stream()
                .sorted(Comparator.comparing((Comparison c) -> Format.order(c.verdict())).thenComparing(Comparison::id))
                .forEach(c -> out.append("<tr class=\"").append(c.verdict().label()).append("\"><td>")
                        .append(Format.icon(c.verdict())).append(' ').append(c.verdict().label())
                        .append("</td><td><code>").append(escape(c.id().toString())).append("</code></td>")
                        .append("<td class=\"num\">").append(escape(Format.baseline(c))).append("</td>")
                        .append("<td class=\"num\">").append(escape(Format.current(c))).append("</td>")
                        .append("<td class=\"num\">").append(escape(Format.change(c))).append("</td>")
                        .append("<td class=\"num\">").append(Format.p(c)).append("</td>")
                        .append("<td class=\"num\">").append(Format.forks(c)).append("</td>")
                        .append("<td>").append(escape(Format.threshold(c))).append("</td>")
                        .append("<td>").append(escape(c.reason())).append("</td></tr>\n"));
        out.append("</table>\n");
        if (!report.missing().isEmpty()) {
            out.append("<p>In the baseline but not measured in this run: ")
                    .append(escape(String.join(", ", report.missing().stream().map(MeasurementId::toString).toList())))
                    .append("</p>\n");
        }
        out.append("<h2>Forest plot</h2>\n<p>Per benchmark: the change (positive = worse) and its interval;"
                + " red ticks: the threshold, green: the improvement bar.</p>\n");
        image(out, ForestPlot.of(report.comparisons()));
        out.append("<h2>Current vs baseline</h2>\n<p>Bars: mean of per-fork means relative to the baseline mean;")
                .append(" error bars: one standard deviation of the per-fork means.</p>\n");
        for (Chart<?, ?> chart : VerdictCharts.baselineVsCurrent(report.comparisons())) {
            image(out, chart);
        }
        out.append("<h2>History</h2>\n");
        if (trends.isEmpty()) {
            out.append("<p>No baseline history with two or more entries for these benchmarks.</p>\n");
        }
        for (Chart<?, ?> chart : VerdictCharts.trends(trends)) {
            image(out, chart);
        }
        out.append("</body></html>\n");
        return out.toString();
    }

    private static void image(StringBuilder out, Chart<?, ?> chart) {
        out.append("<img alt=\"").append(escape(chart.getTitle())).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(VerdictCharts.png(chart))).append("\">\n");
    }

}
