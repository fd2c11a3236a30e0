package io.latentbench.workbench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.latentbench.workbench.results.BenchmarkResult;
import io.latentbench.workbench.results.Direction;
import io.latentbench.workbench.results.Metric;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SpeedupsTest {

    private static BenchmarkResult attention(String dim, String type, double score, String unit) {
        return new BenchmarkResult("attention_comparison", "attention",
                new TreeMap<>(Map.of("dim", dim, "keys", "1000", "type", type)), "avgt",
                new Metric(unit, score, 1, score - 1, score + 1, List.of(List.of(score))), Map.of());
    }

    private static double speedup(List<BenchmarkResult> rows, String dim, String type) {
        return rows.stream().filter(r -> r.params().get("dim").equals(dim) && r.params().get("type").equals(type))
                .findFirst().orElseThrow().secondary().get(Speedups.METRIC).score();
    }

    @Test
    void eachTypeIsComparedWithStandardAtTheSameOtherParameters() {
        List<BenchmarkResult> rows = Speedups.annotate(List.of(
                attention("128", "standard", 100, "us/op"),
                attention("128", "flash", 50, "us/op"),
                attention("256", "standard", 400, "us/op"),
                // a different unit is converted, not compared raw: 0.1 ms = 100 us
                attention("256", "moe_4_2", 0.1, "ms/op")));

        assertThat(speedup(rows, "128", "flash")).isEqualTo(2.0);
        assertThat(speedup(rows, "128", "standard")).isEqualTo(1.0);
        assertThat(speedup(rows, "256", "moe_4_2")).isCloseTo(4.0, within(1e-9));
        assertThat(rows.get(1).secondary().get(Speedups.METRIC).direction()).isEqualTo(Direction.HIGHER_IS_BETTER);
    }

    @Test
    void rowsWithoutAStandardToCompareWithAreLeftAlone() {
        List<BenchmarkResult> rows = Speedups.annotate(List.of(attention("512", "flash", 10, "us/op")));
        assertThat(rows.get(0).secondary()).doesNotContainKey(Speedups.METRIC);
        assertThat(Speedups.report(rows)).isEmpty();
    }

    @Test
    void theReportHasATimeAndASpeedupTable() {
        String report = Speedups.report(Speedups.annotate(List.of(
                attention("128", "standard", 100, "us/op"), attention("128", "flash", 50, "us/op"))));
        assertThat(report).contains("attention_comparison.attention: time per call")
                .contains("attention_comparison.attention: speedup vs Standard")
                .contains("dim=128 keys=1000")
                .containsPattern("flash\\s+2\\.00x");
    }
}
