package io.latentbench.workbench.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class ResultSetsTest {

    private static BenchmarkResult knn(int dim, int k, double score) {
        return new BenchmarkResult("latency", "knn", new TreeMap<>(Map.of("dim", "" + dim, "k", "" + k)), "avgt",
                new Metric("us/op", score, 1, score - 1, score + 1, List.of(List.of(score))), Map.of());
    }

    private static ResultSet run(String commit, String time, BenchmarkResult... rows) {
        return new ResultSet(new RunInfo(Instant.parse(time), commit, "full", "25", "cpu", 2), List.of(rows));
    }

    @Test
    void mergeJoinsShardsSortedByKeyWithTheLatestTimestamp() {
        Map<String, ResultSet> parts = new LinkedHashMap<>();
        parts.put("shard2", run("c1", "2026-01-01T11:00:00Z", knn(256, 10, 2), knn(128, 100, 3)));
        parts.put("shard1", run("c1", "2026-01-01T10:00:00Z", knn(128, 10, 1)));

        ResultSet merged = ResultSets.merge(parts);

        assertThat(merged.results()).extracting(BenchmarkResult::key).containsExactly(
                "latency.knn[dim=128,k=10]", "latency.knn[dim=128,k=100]", "latency.knn[dim=256,k=10]");
        assertThat(merged.info().timestamp()).isEqualTo(Instant.parse("2026-01-01T11:00:00Z"));
        assertThat(merged.info().profile()).isEqualTo("full");
    }

    @Test
    void mergeKeepsTheBenchmarksEachShardFailedToMeasure() {
        ResultSet measured = run("c1", "2026-01-01T10:00:00Z", knn(128, 10, 1));
        FailedBenchmark lost = new FailedBenchmark("latency.knn[dim=256,k=10]", "java.lang.OutOfMemoryError");
        Map<String, ResultSet> parts = new LinkedHashMap<>();
        parts.put("shard1", measured);
        parts.put("shard2", new ResultSet(measured.info(), List.of(knn(128, 100, 3)), List.of(lost)));

        assertThat(ResultSets.merge(parts).failed()).containsExactly(lost);
    }

    @Test
    void mergeRefusesABenchmarkThatIsInTwoParts() {
        Map<String, ResultSet> parts = new LinkedHashMap<>();
        parts.put("a.json", run("c1", "2026-01-01T10:00:00Z", knn(128, 10, 1)));
        parts.put("b.json", run("c1", "2026-01-01T10:00:00Z", knn(128, 10, 1.1)));
        assertThatThrownBy(() -> ResultSets.merge(parts))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("latency.knn[dim=128,k=10] is in both a.json and b.json");
    }

    @Test
    void mergeRefusesDifferentCommits() {
        Map<String, ResultSet> parts = new LinkedHashMap<>();
        parts.put("a.json", run("c1", "2026-01-01T10:00:00Z", knn(128, 10, 1)));
        parts.put("b.json", run("c2", "2026-01-01T10:00:00Z", knn(256, 10, 1)));
        assertThatThrownBy(() -> ResultSets.merge(parts))
                .hasMessageContaining("different git commit")
                .hasMessageContaining("a.json has c1")
                .hasMessageContaining("b.json has c2");
    }

    @Test
    void tableHasNumericParamColumnsAndMissingSecondaries() {
        BenchmarkResult flash = new BenchmarkResult("attention_comparison", "attention",
                new TreeMap<>(Map.of("dim", "256", "type", "flash")), "avgt",
                new Metric("us/op", 10, 1, 9, 11, List.of(List.of(10.0))),
                Map.of("speedup_vs_standard", Metric.of("x", 2.0), "gc.alloc.rate.norm", Metric.of("B/op", 64)));
        Table t = ResultTables.toTable(run("c", "2026-01-01T10:00:00Z", knn(128, 10, 5), flash));

        assertThat(t.rowCount()).isEqualTo(2);
        assertThat(t.intColumn("dim").asList()).containsExactly(128, 256);
        assertThat(t.intColumn("k").isMissing(1)).isTrue();
        assertThat(t.stringColumn("type").asList()).containsExactly("", "flash");
        assertThat(t.doubleColumn("speedup_vs_standard").isMissing(0)).isTrue();
        assertThat(t.doubleColumn("speedup_vs_standard").getDouble(1)).isEqualTo(2.0);
        assertThat(t.doubleColumn("alloc_bytes_per_op").getDouble(1)).isEqualTo(64.0);
        assertThat(t.columnNames()).doesNotContain("gc.alloc.rate.norm");

        String text = ResultTables.text(run("c", "2026-01-01T10:00:00Z", knn(128, 10, 5), flash));
        assertThat(text).contains("latency.knn[dim=128,k=10]").contains("2x vs standard");
    }

    @Test
    void aReadableTablePrintsFourSignificantDigitsAndKeepsTheValues() {
        BenchmarkResult slow = new BenchmarkResult("latency", "knn", new TreeMap<>(Map.of("dim", "256", "k", "10")), "avgt",
                new Metric("us/op", 208.28666552823898, 0.000012345678, 200, 216, List.of(List.of(208.3))), Map.of());
        Table t = ResultTables.readable(ResultTables.toTable(run("c", "2026-01-01T10:00:00Z", slow)));

        assertThat(t.doubleColumn("score").getString(0)).isEqualTo("208.3");
        assertThat(t.doubleColumn("error").getString(0)).isEqualTo("0.00001235");
        assertThat(t.doubleColumn("score").getDouble(0)).isEqualTo(208.28666552823898);
        assertThat(t.doubleColumn("alloc_bytes_per_op").getString(0)).isEmpty();
        assertThat(t.intColumn("dim").getString(0)).isEqualTo("256");
    }
}
