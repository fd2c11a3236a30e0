package io.latentbench.workbench.regress.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.latentbench.workbench.regress.Comparer;
import io.latentbench.workbench.regress.ComparisonReport;
import io.latentbench.workbench.regress.Measurement;
import io.latentbench.workbench.regress.MeasurementId;
import io.latentbench.workbench.regress.MeasurementSet;
import io.latentbench.workbench.regress.baseline.BaselineFile;
import io.latentbench.workbench.regress.baseline.BaselineRecord;
import io.latentbench.workbench.regress.config.RegressionConfig;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ReportsTest {

    private static Measurement m(String key, String unit, double... forkMeans) {
        return new Measurement(MeasurementId.primary(key), key.substring(0, key.indexOf('.')),
                key.substring(key.indexOf('.') + 1), new TreeMap<>(), unit, forkMeans[0],
                java.util.Arrays.stream(forkMeans).boxed().toList());
    }

    static ComparisonReport sample() {
        MeasurementSet base = MeasurementSet.of("baselines.json (baselines)", "tb", "c0", "2026-11-28T10:00:00Z", List.of(
                m("latency.knn", "us/op", 100, 101, 99, 100, 102),
                m("latency.createSpace", "us/op", 10, 10.2, 9.9, 10.1, 10),
                m("throughput.batchAdd", "ops/s", 5000, 5100, 4950, 5020, 5010),
                m("latency.gone", "us/op", 1, 1, 1, 1, 1)));
        MeasurementSet cur = MeasurementSet.of("results.json (results)", "tb", "c1", "2026-11-29T10:00:00Z", List.of(
                m("latency.knn", "us/op", 125, 126, 124, 127, 125),
                m("latency.createSpace", "us/op", 10, 10.1, 10.0, 9.9, 10.1),
                m("throughput.batchAdd", "ops/s", 6500, 6600, 6450, 6520, 6510),
                m("latency.brandNew|x", "us/op", 3, 3)));
        return new Comparer(RegressionConfig.defaults()).compare(base, cur);
    }

    @Test
    void textAndMarkdownNameEveryVerdictAndTheMethod() {
        ComparisonReport r = sample();
        String text = TextReport.render(r);
        assertThat(text).contains("REGRESSION: latency.knn").contains("IMPROVEMENT: throughput.batchAdd")
                .contains("NOCHANGE: latency.createSpace").contains("NEWBENCHMARK: latency.brandNew|x")
                .contains("NOT MEASURED: latency.gone").contains("Mode:     raw").contains("Mann-Whitney")
                .contains("+24.9% [");
        String md = MarkdownReport.render(r);
        assertThat(md).startsWith("## \u274c Benchmarks: 1 regression(s)")
                .contains("| \u274c Regression | `latency.knn` | 100 us/op | 125 us/op | +24.9% [")
                .contains("<details><summary>1 unchanged</summary>")
                .contains("`latency.brandNew\\|x`") // GFM: an unescaped '|' would end the cell, even in a code span
                .contains("5% (latency.knn\\_search)")
                .contains("not measured in this run: `latency.gone`");
    }

    @Test
    void theTitleSaysWhenMeasurementsCouldNotBeJudged() {
        // one fork a side cannot be tested (two can: Welch's test on their logs)
        MeasurementSet one = MeasurementSet.of("a", "tb", "c", "t", List.of(m("latency.knn", "us/op", 100)));
        MeasurementSet calm = MeasurementSet.of("a", "tb", "c", "t", List.of(m("latency.knn", "us/op", 100, 101, 99, 100, 100)));
        assertThat(MarkdownReport.render(new Comparer(RegressionConfig.defaults()).compare(one, one)))
                .startsWith("## \u26a0\ufe0f Benchmarks: no regression found, but 1 of 1 could not be judged");
        assertThat(MarkdownReport.render(new Comparer(RegressionConfig.defaults()).compare(calm, calm)))
                .startsWith("## \u2796 Benchmarks: no significant change");
    }

    @Test
    void htmlIsSelfContainedWithPngPlots() throws Exception {
        ComparisonReport r = sample();
        List<BaselineFile> history = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Map<String, BaselineRecord> records = new TreeMap<>();
            records.put("latency.knn", record("latency.knn", 100 - 3 * i));
            records.put("latency.createSpace", record("latency.createSpace", 10 + 0.2 * i));
            String at = "2026-11-2" + (i + 1) + "T10:00:00Z";
            history.add(new BaselineFile("tb", at, at, new TreeMap<>(records)));
        }
        List<Trend> trends = Trend.fromHistory(history, r.comparisons().stream().map(c -> c.id()).toList());
        assertThat(trends).extracting(t -> t.id().toString()).containsExactlyInAnyOrder("latency.knn", "latency.createSpace");

        String html = HtmlReport.render(r, trends);

        assertThat(html).doesNotContain("src=\"http").doesNotContain("<script").doesNotContain("<link");
        Matcher images = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
        List<BufferedImage> pngs = new ArrayList<>();
        while (images.find()) {
            pngs.add(ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(images.group(1)))));
        }
        assertThat(pngs).hasSize(3); // the forest plot, one bar chart, one trend chart
        assertThat(html).contains("<h2>Forest plot</h2>");
        assertThat(pngs.subList(1, 3)).allSatisfy(img -> assertThat(img.getWidth()).isEqualTo(1000));
        assertThat(html).contains("<tr class=\"Regression\">").contains("latency.knn");

        String sample = System.getenv("LATENTBENCH_REPORT_SAMPLE");
        Path out = Path.of(sample == null ? "" : sample);
        if (!out.toString().isEmpty()) { // for looking at the plots by hand: LATENTBENCH_REPORT_SAMPLE=FILE
            Files.writeString(out, html);
        }
    }

    @Test
    void barsAreRelativeToTheBaselineWithErrorBars() {
        ComparisonReport r = sample();
        var charts = VerdictCharts.baselineVsCurrent(r.comparisons());
        assertThat(charts).hasSize(1);
        var chart = charts.getFirst();
        assertThat(chart.getSeries("baseline")).isNotNull();
        assertThat(chart.getSeries("current")).isNotNull();
        List<String> labels = new ArrayList<>();
        chart.getSeries("current").getXData().forEach(x -> labels.add(x.toString()));
        int knn = labels.indexOf("latency.knn");
        assertThat(chart.getSeries("current").getYData()[knn]).isBetween(123.0, 125.0);
        assertThat(chart.getSeries("baseline").getExtraValues()).isNotNull();
    }

    private static BaselineRecord record(String name, double mean) {
        return new BaselineRecord(name, "latency", name.substring(8), new TreeMap<>(), null, "avgt", "us/op", mean, 1, mean,
                List.of(List.of(mean)), null, null, Map.of(), "2026-11-20T10:00:00Z", "c");
    }
}
