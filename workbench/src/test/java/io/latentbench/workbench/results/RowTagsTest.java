package io.latentbench.workbench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

/** Rows carry their tags through results.json, and the charts and tables read the tags, not suite names. */
class RowTagsTest {

    @TempDir
    Path dir;

    private static final RowTags CACHE_KNN = RowTags.ours("latency.knn_search").withChart(RowTags.Chart.LATENCY_VS_K);

    private static BenchmarkResult row(String suite, String name, Map<String, String> params, double score,
            Map<String, Metric> secondary, RowTags tags) {
        return new BenchmarkResult(suite, name, new TreeMap<>(params), "avgt",
                new Metric("us/op", score, Double.NaN, Double.NaN, Double.NaN, List.of(List.of(score))), secondary, tags);
    }

    private static ResultSet set(List<BenchmarkResult> rows) {
        return new ResultSet(new RunInfo(Instant.parse("2026-12-05T10:00:00Z"), "c", "quick", "25", "cpu", 2), rows);
    }

    @Test
    void tagsRoundTripThroughResultsJson() {
        RowTags reference = RowTags.ours("default").withRole(RowTags.Role.REFERENCE)
                .withSpeedup("speedup_vs_scalar").withCharts(List.of(RowTags.Chart.ATTENTION_SPEEDUPS,
                        RowTags.Chart.LATENCY_VS_K));
        ResultSet written = set(List.of(row("cache", "lookup", Map.of("dim", "8"), 3, Map.of(), reference),
                row("cache", "knn", Map.of("dim", "8", "k", "10"), 4, Map.of(), CACHE_KNN)));
        Path file = dir.resolve("results.json");
        ResultFiles.writeResultsJson(written, file);
        ResultSet back = ResultFiles.read(file);
        assertThat(back.results()).extracting(BenchmarkResult::tags).containsExactly(reference, CACHE_KNN);
    }

    @Test
    void aResultsJsonWrittenBeforeTagsReadsWithTheGuessedOnes() throws Exception {
        // a peers reference tagged as ours on write: without its tags object it reads as the guess says
        ResultSet written = set(List.of(row("peers", "plainRead", Map.of("dataset", "10000"), 3, Map.of(),
                RowTags.ours("default"))));
        Path file = dir.resolve("results.json");
        ResultFiles.writeResultsJson(written, file);
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = (ObjectNode) json.readTree(file.toFile());
        ((ObjectNode) root.get("results").get(0)).remove(RowTagsJson.FIELD);
        Path old = Files.writeString(dir.resolve("old.json"), json.writeValueAsString(root));
        BenchmarkResult back = ResultFiles.read(old).results().getFirst();
        assertThat(back.tags().role()).isEqualTo(RowTags.Role.MACHINE);
        assertThat(back.tags()).isEqualTo(ForeignRows.guess("peers", "plainRead", Map.of("dataset", "10000")));
    }

    @Test
    void aTagThatIsNotUnderstoodIsAnErrorNamingTheRowTheFieldAndTheChoices() throws Exception {
        Path file = dir.resolve("results.json");
        ResultFiles.writeResultsJson(set(List.of(row("cache", "lookup", Map.of(), 3, Map.of(), CACHE_KNN))), file);
        Path bad = Files.writeString(dir.resolve("bad.json"),
                Files.readString(file).replaceAll("\"role\"\\s*:\\s*\"ours\"", "\"role\": \"theirs\""));
        assertThatThrownBy(() -> ResultFiles.read(bad))
                .isInstanceOf(ResultFileException.class)
                .hasMessageContaining("bad.json")
                .hasMessageContaining("cache.lookup")
                .hasMessageContaining("tags")
                .hasMessageContaining("'theirs'")
                .hasMessageContaining("ours, reference, machine");
    }

    @Test
    void theLatencyChartTakesTheRowsTaggedForItWhateverTheirSuite() {
        List<BenchmarkResult> rows = new ArrayList<>();
        for (String k : List.of("10", "100")) {
            rows.add(row("cache", "knn", Map.of("dim", "64", "k", k), Integer.parseInt(k), Map.of(), CACHE_KNN));
            // a latency knn row whose suite declares it off the chart
            rows.add(row("latency", "knn", Map.of("dim", "128", "k", k), 1, Map.of(), RowTags.ours("latency.knn_search")));
        }
        XYChart chart = ResultCharts.latencyVsK(set(rows));
        assertThat(chart.getSeriesCollection()).extracting(org.knowm.xchart.internal.series.Series::getName)
                .containsExactly("d=64");
    }

    @Test
    void theSpeedupChartReadsTheMetricTheTagsName() {
        RowTags tags = RowTags.ours("latency.attention").withSpeedup("speedup_vs_scalar")
                .withChart(RowTags.Chart.ATTENTION_SPEEDUPS);
        List<BenchmarkResult> rows = List.of(
                row("kernels", "dot", Map.of("type", "scalar"), 10, Map.of("speedup_vs_scalar", Metric.of("x", 1.0)), tags),
                row("kernels", "dot", Map.of("type", "simd"), 2, Map.of("speedup_vs_scalar", Metric.of("x", 5.0)), tags));
        var chart = ResultCharts.attentionSpeedups(set(rows));
        assertThat(chart.getSeries("speedup").getYData()).containsExactly(1.0, 5.0);
        assertThat(ResultTables.text(set(rows))).contains("5x vs standard");
    }
}
