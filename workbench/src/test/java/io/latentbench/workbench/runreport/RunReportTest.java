package io.latentbench.workbench.runreport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.latentbench.workbench.bench.BenchResults;
import io.latentbench.workbench.results.BenchmarkResult;
import io.latentbench.workbench.results.FailedBenchmark;
import io.latentbench.workbench.results.Metric;
import io.latentbench.workbench.results.PeerRatio;
import io.latentbench.workbench.results.ResultSet;
import io.latentbench.workbench.results.RunInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReportTest {

    /** A run of two suites: knn at 2 dims x 3 k, 3 forks of 4 iterations; attention with a speed-up. */
    static ResultSet sample() {
        Random random = new Random(7);
        List<BenchmarkResult> rows = new ArrayList<>();
        for (String dim : List.of("128", "256")) {
            for (String k : List.of("10", "100", "1000")) {
                double base = Integer.parseInt(dim) * (1 + Math.log10(Integer.parseInt(k)));
                rows.add(row("latency", "knn", Map.of("dim", dim, "k", k), "us/op", base, random));
            }
        }
        BenchmarkResult flash = row("attention_comparison", "attention", Map.of("type", "flash"), "us/op", 50, random);
        Map<String, Metric> secondary = new TreeMap<>(flash.secondary());
        secondary.put(flash.tags().speedup().orElseThrow(), Metric.of("x", 2.5));
        rows.add(new BenchmarkResult(flash.suite(), flash.name(), flash.params(), flash.mode(), flash.primary(), secondary));
        rows.add(row("attention_comparison", "attention", Map.of("type", "standard"), "us/op", 125, random));
        RunInfo info = new RunInfo(Instant.parse("2026-12-05T10:00:00Z"), "abc1234", "quick", "25.0.3", "AMD EPYC <test>", 2);
        return new ResultSet(info, rows);
    }

    static BenchmarkResult row(String suite, String name, Map<String, String> params, String unit, double base, Random random) {
        List<List<Double>> forks = new ArrayList<>();
        double sum = 0;
        for (int f = 0; f < 3; f++) {
            double forkShift = 1 + 0.05 * random.nextGaussian();
            List<Double> its = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                double v = base * forkShift * (1 + 0.01 * random.nextGaussian());
                its.add(v);
                sum += v;
            }
            forks.add(its);
        }
        double mean = sum / 12;
        Metric primary = new Metric(unit, mean, mean * 0.03, mean * 0.97, mean * 1.03, forks);
        return new BenchmarkResult(suite, name, new TreeMap<>(params), "avgt", primary,
                Map.of("gc.alloc.rate.norm", Metric.of("B/op", 16)));
    }

    @Test
    void aSectionPerSuiteWithEverySampleAForkTickAndALinePerOtherParameter() {
        String html = new RunReport(sample(), List.of()).html();

        assertThat(count(html, "<section id=\"suite-")).isEqualTo(2);
        assertThat(html).contains("<section id=\"suite-latency\">").contains("<section id=\"suite-attention_comparison\">");
        // 8 rows x 3 forks x 4 iterations: a dot each; a tick per fork
        assertThat(count(html, "<circle cx=") - lineChartPoints(html)).isEqualTo(8 * 3 * 4);
        assertThat(count(html, "mean: ")).isEqualTo(8 * 3);
        // knn varies dim and k: a chart across each; with k on x, a line per dim (2), with dim on x, a line per k (3)
        assertThat(html).contains("knn across dim").contains("knn across k").contains("attention across type");
        assertThat(html).contains(">dim=128</text>").contains(">k=1000</text>");
        // the speed-up table
        assertThat(html).contains("Speed-up against Standard attention").contains("2.5x");
        assertThat(html).contains("AMD EPYC &lt;test&gt;");
        assertThat(html).contains("3 × 4");
    }

    @Test
    void thePeerRatiosAreATableRowPerRatioWithItsCellsEscaped() {
        String html = new RunReport(sample(), List.of(
                new PeerRatio("dotProduct", "dim=256", "scalar / panama", 8.0, ""),
                new PeerRatio("vs faiss", "dataset=10000 k=10", "knn(panama) / faiss one query", 0.456, "a <generic> build"))).html();
        int start = html.indexOf("<section id=\"peer-ratios\">");
        String section = html.substring(start, html.indexOf("</section>", start));
        assertThat(section).doesNotContain("<pre>")
                .contains("<tr><th>benchmark</th><th>parameters</th><th>ratio of</th><th>ratio</th><th>note</th></tr>");
        assertThat(count(section, "<tr><td>")).isEqualTo(2);
        assertThat(section).contains("<tr><td>dotProduct</td><td>dim=256</td><td>scalar / panama</td><td class=\"num\">8.00x</td><td></td></tr>")
                .contains("<tr><td>vs faiss</td><td>dataset=10000 k=10</td><td>knn(panama) / faiss one query</td>"
                        + "<td class=\"num\">0.46x</td><td>a &lt;generic&gt; build</td></tr>");
    }

    @Test
    void theBenchmarksThatFailedAreListedBeforeTheChartsWithTheirReasonEscaped() {
        ResultSet measured = sample();
        ResultSet partial = new ResultSet(measured.info(), measured.results(), List.of(new FailedBenchmark(
                "peers.knn[dim=0]", "java.lang.IllegalArgumentException: dim <1>\n\tat the fork's tail")));

        String html = new RunReport(partial, List.of()).html();

        int start = html.indexOf("<section id=\"failed\">");
        assertThat(start).isPositive().isLessThan(html.indexOf("<section id=\"suite-"));
        String section = html.substring(start, html.indexOf("</section>", start));
        assertThat(section).contains("<h2>Failed to run (1)</h2>")
                .contains("<tr><td>peers.knn[dim=0]</td><td>java.lang.IllegalArgumentException: dim &lt;1&gt;</td></tr>")
                .doesNotContain("the fork's tail");
        assertThat(new RunReport(measured, List.of()).html()).doesNotContain("<section id=\"failed\">");
    }

    @Test
    void thePageIsSelfContained() {
        String html = new RunReport(sample(), List.of()).html();
        // the only URL is the SVG namespace: no script, stylesheet, font or image is fetched
        Matcher m = Pattern.compile("(https?:)?//[^\"' <)]+").matcher(html);
        while (m.find()) {
            assertThat(m.group()).isEqualTo("http://www.w3.org/2000/svg");
        }
        assertThat(html).doesNotContain("<script").doesNotContain("<link").doesNotContain("@import").doesNotContain("peer-ratios");
    }

    @Test
    void benchResultsWriteTheSamePage(@TempDir Path dir) throws Exception {
        ResultSet set = sample();
        Path file = new BenchResults(set, null).report(dir.resolve("sub/report.html"));
        assertThat(Files.readString(file)).isEqualTo(new RunReport(set, List.of()).html());
    }

    @Test
    void aWideRangeGoesOnALogAxis() {
        Svg.Axis axis = Svg.Axis.of(3, 4000);
        assertThat(axis.log()).isTrue();
        assertThat(axis.ticks()).containsExactly(1, 10, 100, 1000, 10000);
        assertThat(axis.fraction(100)).isEqualTo(0.5);
        Svg.Axis linear = Svg.Axis.of(10, 40);
        assertThat(linear.log()).isFalse();
        assertThat(linear.fraction(0)).isZero();
        assertThat(RunReport.forkCv(Metric.of("ns/op", 1))).isEmpty();
    }

    @Test
    void anErrorLargerThanTheScoreStaysOnTheChart() {
        // a short noisy run: JMH's error exceeds the score, scores span a factor of 1000 (a log axis)
        List<BenchmarkResult> rows = new ArrayList<>();
        for (String dim : List.of("64", "256")) {
            for (String impl : List.of("scalar", "lucene")) {
                double score = impl.equals("scalar") ? 170 : 170_000;
                List<List<Double>> forks = List.of(List.of(score, score * 3), List.of(score / 2, score));
                rows.add(new BenchmarkResult("peers", "dotProduct", new TreeMap<>(Map.of("dim", dim, "impl", impl)), "avgt",
                        new Metric("ns/op", score, score * 3, -score, score * 4, forks), Map.of()));
            }
        }
        String html = new RunReport(new ResultSet(sample().info(), rows), List.of()).html();
        assertThat(html).doesNotContain("NaN").doesNotContain("Infinity").contains("(log");
    }

    private static int lineChartPoints(String html) {
        return count(html, "r=\"3\"");
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
