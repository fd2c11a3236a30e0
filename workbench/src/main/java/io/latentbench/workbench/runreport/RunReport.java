package io.latentbench.workbench.runreport;

import static io.latentbench.workbench.files.Html.escape;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.latentbench.workbench.files.AtomicFiles;
import io.latentbench.workbench.results.BenchmarkResult;
import io.latentbench.workbench.results.Metric;
import io.latentbench.workbench.results.NaturalOrder;
import io.latentbench.workbench.results.PeerRatio;
import io.latentbench.workbench.results.ResultSet;
import io.latentbench.workbench.results.RunInfo;

/**
 * The page {@code lb bench} leaves beside its results: one self-contained HTML file (inline CSS
 * and SVG, no script, nothing fetched) with a section per suite: a table of its benchmarks, each
 * method's per-fork and per-iteration samples as a strip plot, its score across each parameter
 * as lines, and the run's speed-up and peer-ratio tables.
 *
 * <p>The speed-up table is read from the rows whose tags name a speed-up the run derived.
 *
 * @param peerRatios the peers suite's ratios, none when it did not run
 */
public record RunReport(ResultSet results, List<PeerRatio> peerRatios) {

    public RunReport {
        peerRatios = List.copyOf(peerRatios);
    }

    public void write(Path file) {
        AtomicFiles.write(file, html());
    }

    public String html() {
        StringBuilder b = new StringBuilder(64 * 1024);
        RunInfo info = results.info();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>latentbench run ").append(escape(String.valueOf(info.timestamp())))
                .append("</title><style>").append(CSS).append("</style></head><body>\n");
        b.append("<h1>latentbench run</h1>\n");
        b.append("<p class=\"info\">").append(escape(String.valueOf(info.timestamp()))).append(" · profile ")
                .append(escape(String.valueOf(info.profile()))).append(" · commit ").append(escape(String.valueOf(info.gitCommit())))
                .append(" · JDK ").append(escape(String.valueOf(info.jdk()))).append(" · ").append(escape(String.valueOf(info.cpu())))
                .append(", ").append(info.cores()).append(" cores · testbed ").append(escape(info.testbed())).append("</p>\n");
        Map<String, List<BenchmarkResult>> suites = new LinkedHashMap<>();
        results.results().stream().sorted(NaturalOrder.RESULTS)
                .forEach(r -> suites.computeIfAbsent(r.suite(), s -> new ArrayList<>()).add(r));
        b.append("<nav>");
        suites.forEach((suite, rows) -> b.append("<a href=\"#suite-").append(escape(suite)).append("\">").append(escape(suite))
                .append("</a> (").append(rows.size()).append(") "));
        b.append("</nav>\n");
        if (!results.failed().isEmpty()) {
            failedList(b);
        }
        b.append("<p class=\"note\">Each dot is one measurement iteration, coloured by its fork; a tick is a fork's mean."
                + " Forks are the unit of replication: compare ticks, not dots. Ratios are only meaningful inside one run.</p>\n");
        suites.forEach((suite, rows) -> section(b, suite, rows));
        if (!peerRatios.isEmpty()) {
            peerRatioTable(b);
        }
        return b.append("</body></html>\n").toString();
    }

    /** First, so that a reader of the charts knows which benchmarks are missing from them and why. */
    private void failedList(StringBuilder b) {
        b.append("<section id=\"failed\"><h2>Failed to run (").append(results.failed().size())
                .append(")</h2>\n<p class=\"note\">The run went on past these; their forks' output is in the run's"
                        + " JMH log.</p>\n<table><tr><th>benchmark</th><th>why</th></tr>");
        results.failed().forEach(f -> b.append("<tr><td>").append(escape(f.key())).append("</td><td>")
                .append(escape(f.headline())).append("</td></tr>"));
        b.append("</table></section>\n");
    }

    private void section(StringBuilder b, String suite, List<BenchmarkResult> rows) {
        b.append("<section id=\"suite-").append(escape(suite)).append("\"><h2>").append(escape(suite)).append("</h2>\n");
        table(b, rows);
        Map<String, List<BenchmarkResult>> methods = new LinkedHashMap<>();
        rows.forEach(r -> methods.computeIfAbsent(r.name(), n -> new ArrayList<>()).add(r));
        methods.forEach((method, mrows) -> {
            b.append("<div class=\"method\"><h3>").append(escape(suite + "." + method)).append(" <span class=\"mode\">")
                    .append(escape(mrows.get(0).mode())).append(", ").append(escape(mrows.get(0).unit())).append("</span></h3>\n");
            b.append(StripPlot.svg(mrows)).append('\n');
            List<String> axes = ParamLines.axes(mrows);
            if (!axes.isEmpty()) {
                b.append("<div class=\"charts\">");
                axes.forEach(param -> b.append("<figure>").append(ParamLines.svg(mrows, param)).append("<figcaption>")
                        .append(escape(method)).append(" across ").append(escape(param)).append("</figcaption></figure>"));
                b.append("</div>\n");
            }
            b.append("</div>\n");
        });
        List<BenchmarkResult> speedups = rows.stream().filter(r -> r.tags().speedupOf(r.secondary()).isPresent()).toList();
        if (!speedups.isEmpty()) {
            b.append("<h3>Speed-up against Standard attention</h3><table><tr><th>benchmark</th><th>score</th><th>speed-up</th></tr>");
            for (BenchmarkResult r : speedups) {
                b.append("<tr><td>").append(escape(r.key())).append("</td><td class=\"num\">").append(Svg.value(r.primary().score()))
                        .append(' ').append(escape(r.unit())).append("</td><td class=\"num\">")
                        .append(Svg.value(r.tags().speedupOf(r.secondary()).orElseThrow().score())).append("x</td></tr>");
            }
            b.append("</table>\n");
        }
        b.append("</section>\n");
    }

    private void peerRatioTable(StringBuilder b) {
        b.append("<section id=\"peer-ratios\"><h2>Peer ratios</h2>\n<p class=\"note\">Time ratios measured in this run;"
                + " above 1 means the first named is slower.</p>\n<table><tr><th>benchmark</th><th>parameters</th>"
                + "<th>ratio of</th><th>ratio</th><th>note</th></tr>");
        for (PeerRatio r : peerRatios) {
            b.append("<tr><td>").append(escape(r.subject())).append("</td><td>").append(escape(r.parameters()))
                    .append("</td><td>").append(escape(r.comparison())).append("</td><td class=\"num\">").append(escape(r.ratioText()))
                    .append("</td><td>").append(escape(r.note())).append("</td></tr>");
        }
        b.append("</table></section>\n");
    }

    private static void table(StringBuilder b, List<BenchmarkResult> rows) {
        b.append("<table><tr><th>benchmark</th><th>mode</th><th>score</th><th>± error</th><th>unit</th><th>forks × iterations</th>"
                + "<th>fork CV</th><th>alloc B/op</th></tr>");
        for (BenchmarkResult r : rows) {
            Metric m = r.primary();
            int iterations = m.forkSamples().isEmpty() ? 0 : m.forkSamples().get(0).size();
            Metric alloc = r.secondary().get("gc.alloc.rate.norm");
            b.append("<tr><td>").append(escape(r.key())).append("</td><td>").append(escape(r.mode())).append("</td><td class=\"num\">")
                    .append(Svg.value(m.score())).append("</td><td class=\"num\">")
                    .append(Double.isFinite(m.error()) ? Svg.value(m.error()) : "").append("</td><td>").append(escape(r.unit()))
                    .append("</td><td class=\"num\">").append(m.forks()).append(" × ").append(iterations)
                    .append("</td><td class=\"num\">").append(forkCv(m)).append("</td><td class=\"num\">")
                    .append(alloc == null ? "" : Svg.value(alloc.score())).append("</td></tr>");
        }
        b.append("</table>\n");
    }

    /** The spread of the fork means relative to their mean, as a percentage; empty with one fork. */
    static String forkCv(Metric m) {
        double[] means = m.forkMeans();
        if (means.length < 2) {
            return "";
        }
        double mean = java.util.Arrays.stream(means).average().orElse(Double.NaN);
        double ss = 0;
        for (double v : means) {
            ss += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(ss / (means.length - 1));
        return mean == 0 ? "" : String.format(java.util.Locale.ROOT, "%.1f %%", 100 * sd / Math.abs(mean));
    }

    private static final String CSS = """
            body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px auto;max-width:1200px;color:#222;padding:0 16px}
            h1{font-size:22px}h2{font-size:18px;border-bottom:1px solid #ccc;padding-bottom:4px;margin-top:32px}
            h3{font-size:15px;margin:18px 0 6px}.mode{font-weight:normal;color:#666}
            .info,.note{color:#555}nav a{margin-right:4px}
            table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ddd;padding:3px 8px;text-align:left}
            th{background:#f4f4f4}td.num{text-align:right;font-variant-numeric:tabular-nums}
            pre{background:#f7f7f7;padding:8px;overflow-x:auto}
            .charts{display:flex;flex-wrap:wrap;gap:12px}figure{margin:0}figcaption{color:#555;font-size:12px;text-align:center}
            svg text{font:11px system-ui,sans-serif;fill:#333}svg .label{text-anchor:end}svg .tick{text-anchor:middle;fill:#555}
            svg .axis{text-anchor:middle;fill:#555}svg .legend{text-anchor:start}
            svg .grid{stroke:#e6e6e6;stroke-width:1}svg .band{fill:#f7f7f7}
            """;
}
