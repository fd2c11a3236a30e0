package io.latentbench.workbench.kernel.render;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.latentbench.workbench.results.BenchmarkResult;
import io.latentbench.workbench.results.Metric;
import io.latentbench.workbench.results.ResultSet;
import io.latentbench.workbench.results.RunInfo;

/** A latentbench result set as a table: one row per benchmark and parameters, with its score and error. */
final class ResultSetRenderer {

    private ResultSetRenderer() {
    }

    static void render(ResultSet results, Set<String> wanted, MimeBundle out) {
        if (wanted.contains(MimeBundle.HTML)) {
            out.put(MimeBundle.HTML, html(results));
        }
        if (wanted.contains(MimeBundle.TEXT)) {
            out.put(MimeBundle.TEXT, text(results));
        }
    }

    private static String header(RunInfo info) {
        return info.profile() + " run of " + info.gitCommit() + " on " + info.testbed() + " at " + info.timestamp();
    }

    static String html(ResultSet results) {
        StringBuilder sb = new StringBuilder();
        sb.append("<div class=\"latentbench-results\"><table class=\"dataframe\" border=\"1\">");
        sb.append("<caption>").append(Html.escape(header(results.info()))).append("</caption>");
        sb.append("<thead><tr><th>benchmark</th><th>params</th><th>mode</th><th>score</th><th>error</th>")
                .append("<th>unit</th><th>forks</th></tr></thead><tbody>");
        for (BenchmarkResult r : results.results()) {
            Metric m = r.primary();
            sb.append("<tr><td>").append(Html.escape(r.suite() + "." + r.name())).append("</td><td>")
                    .append(Html.escape(params(r))).append("</td><td>").append(Html.escape(r.mode()))
                    .append("</td><td style=\"text-align: right;\">").append(number(m.score()))
                    .append("</td><td style=\"text-align: right;\">&plusmn; ").append(number(m.error()))
                    .append("</td><td>").append(Html.escape(m.unit())).append("</td><td>").append(m.forks())
                    .append("</td></tr>");
        }
        sb.append("</tbody></table><p>").append(results.results().size()).append(" results</p></div>");
        return sb.toString();
    }

    static String text(ResultSet results) {
        StringBuilder sb = new StringBuilder(header(results.info())).append('\n');
        for (BenchmarkResult r : results.results()) {
            Metric m = r.primary();
            sb.append(String.format(Locale.ROOT, "%-50s %-6s %14s ± %-12s %s%n", r.key(), r.mode(), number(m.score()),
                    number(m.error()), m.unit()));
        }
        return sb.toString().stripTrailing();
    }

    private static String params(BenchmarkResult r) {
        return r.params().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    private static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        double a = Math.abs(v);
        if (a != 0 && (a >= 1e7 || a < 1e-3)) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
