package io.latentbench.workbench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.internal.series.Series;

class ResultChartsTest {

    @TempDir
    Path dir;

    private static BenchmarkResult row(String suite, String name, Map<String, String> params, String unit, double score,
            Map<String, Metric> secondary) {
        return new BenchmarkResult(suite, name, new TreeMap<>(params), "avgt",
                new Metric(unit, score, Double.NaN, Double.NaN, Double.NaN, List.of(List.of(score))), secondary);
    }

    private static List<String> seriesNames(Chart<?, ?> chart) {
        return chart.getSeriesCollection().stream().map(Series::getName).toList();
    }

    private static ResultSet set(List<BenchmarkResult> rows) {
        return new ResultSet(new RunInfo(Instant.EPOCH, "c", "full", "25", "cpu", 2), rows);
    }

    @Test
    void latencyAgainstKHasALinePerDimensionAndLogAxesOverDecades() throws Exception {
        List<BenchmarkResult> rows = new ArrayList<>();
        for (int dim : new int[] {128, 256, 512}) {
            for (int k : new int[] {10, 50, 100, 500, 1000}) {
                rows.add(row("latency", "knn", Map.of("dim", "" + dim, "k", "" + k), "us/op",
                        dim * k / 10.0, Map.of()));
            }
        }
        XYChart chart = ResultCharts.latencyVsK(set(rows));

        assertThat(seriesNames(chart)).containsExactlyInAnyOrder("d=128", "d=256", "d=512");
        assertThat(chart.getSeries("d=256").getXData()).containsExactly(10.0, 50.0, 100.0, 500.0, 1000.0);
        assertThat(chart.getSeries("d=256").getYData()).containsExactly(256.0, 1280.0, 2560.0, 12800.0, 25600.0);
        assertThat(chart.getStyler().isXAxisLogarithmic()).isTrue();
        // 128 .. 51200 us spans more than two decades
        assertThat(chart.getStyler().isYAxisLogarithmic()).isTrue();

        Path png = ResultCharts.savePng(chart, dir.resolve("latency.png"));
        assertThat(Files.size(png)).isGreaterThan(1000);
        assertThat(Files.readAllBytes(png)).startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
    }

    @Test
    void aNarrowRangeKeepsLinearAxes() {
        XYChart chart = ResultCharts.latencyVsK(set(List.of(
                row("latency", "knn", Map.of("dim", "256", "k", "10"), "us/op", 150, Map.of()),
                row("latency", "knn", Map.of("dim", "256", "k", "100"), "us/op", 170, Map.of()))));
        assertThat(chart.getStyler().isXAxisLogarithmic()).isFalse();
        assertThat(chart.getStyler().isYAxisLogarithmic()).isFalse();
    }

    @Test
    void attentionSpeedupsAreCategoriesOfTypes() throws Exception {
        List<BenchmarkResult> rows = new ArrayList<>();
        for (String keys : new String[] {"100", "1000"}) {
            rows.add(row("attention_comparison", "attention", Map.of("dim", "256", "keys", keys, "type", "standard"),
                    "us/op", 10, Map.of("speedup_vs_standard", Metric.of("x", 1.0))));
            rows.add(row("attention_comparison", "attention", Map.of("dim", "256", "keys", keys, "type", "flash"),
                    "us/op", 5, Map.of("speedup_vs_standard", Metric.of("x", keys.equals("100") ? 0.8 : 1.6))));
        }
        CategoryChart chart = ResultCharts.attentionSpeedups(set(rows));
        assertThat(seriesNames(chart)).containsExactlyInAnyOrder("dim=256, keys=100", "dim=256, keys=1000");
        assertThat(chart.getSeries("dim=256, keys=1000").getYData()).containsExactly(1.0, 1.6);
        ResultCharts.savePng(chart, dir.resolve("speedups.png"));
    }

    @Test
    void memoryAgainstDatasetSizeShowsRetainedAndPeak() {
        List<BenchmarkResult> rows = new ArrayList<>();
        for (int n : new int[] {1000, 10000, 100000}) {
            rows.add(row("memory", "buildScaling", Map.of("dataset", "" + n, "dim", "256"), "ms/op", n / 1000.0,
                    Map.of("retained.mb", Metric.of("MB", n * 1040 / 1048576.0),
                            "peak.mb", Metric.of("MB", 2 * n * 1040 / 1048576.0))));
        }
        XYChart chart = ResultCharts.memoryVsDatasetSize(set(rows));
        assertThat(seriesNames(chart)).containsExactlyInAnyOrder("retained, d=256", "peak during build, d=256");
        assertThat(chart.getStyler().isXAxisLogarithmic()).isTrue();
    }

    @Test
    void aChartWithoutItsDataSaysWhichSuiteToRun() {
        assertThatThrownBy(() -> ResultCharts.memoryVsDatasetSize(set(List.of())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("run the memory suite");
    }
}
