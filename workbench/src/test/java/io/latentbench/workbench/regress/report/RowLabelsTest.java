package io.latentbench.workbench.regress.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.latentbench.workbench.regress.Comparer;
import io.latentbench.workbench.regress.Comparison;
import io.latentbench.workbench.regress.Measurement;
import io.latentbench.workbench.regress.MeasurementId;
import io.latentbench.workbench.regress.MeasurementSet;
import io.latentbench.workbench.regress.config.RegressionConfig;
import io.latentbench.workbench.results.BenchmarkResult;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RowLabelsTest {

    private static Measurement m(String suite, String name, Map<String, String> params, double mean) {
        String key = BenchmarkResult.key(suite, name, new TreeMap<>(params));
        return new Measurement(MeasurementId.primary(key), suite, name, new TreeMap<>(params), "us/op", mean,
                List.of(mean, mean * 1.01, mean * 0.99));
    }

    private static List<Comparison> compare(List<Measurement> rows) {
        MeasurementSet base = MeasurementSet.of("base", "tb", "c0", "2026-12-01T00:00:00Z", rows);
        MeasurementSet head = MeasurementSet.of("head", "tb", "c1", "2026-12-02T00:00:00Z", rows);
        return new Comparer(RegressionConfig.defaults()).compare(base, head).comparisons();
    }

    @Test
    void aRowShowsOnlyTheParametersThatTellItsBenchmarksRowsApart() {
        List<Comparison> rows = compare(List.of(
                m("attention_comparison", "attention", Map.of("dim", "256", "keys", "1000", "type", "flash"), 5),
                m("attention_comparison", "attention", Map.of("dim", "256", "keys", "1000", "type", "standard"), 6),
                m("attention_comparison", "attention", Map.of("dim", "256", "keys", "4096", "type", "flash"), 7),
                m("latency", "add", Map.of("dim", "256"), 1)));
        RowLabels labels = RowLabels.of(rows);
        assertThat(rows.stream().map(labels::of)).containsExactlyInAnyOrder(
                "attention_comparison.attention[keys=1000,type=flash]",
                "attention_comparison.attention[keys=1000,type=standard]",
                "attention_comparison.attention[keys=4096,type=flash]",
                "latency.add");
    }

    @Test
    void aLabelTooLongKeepsItsStartAndItsEndWhereTheDifferingParametersAre() {
        String longName = "a_suite_with_a_very_long_name.and_a_benchmark_method_with_an_even_longer_name";
        List<Comparison> rows = compare(List.of(
                m("a_suite_with_a_very_long_name", "and_a_benchmark_method_with_an_even_longer_name", Map.of("k", "10"), 1),
                m("a_suite_with_a_very_long_name", "and_a_benchmark_method_with_an_even_longer_name", Map.of("k", "100"), 2)));
        RowLabels labels = RowLabels.of(rows);
        List<String> shown = rows.stream().map(labels::of).toList();
        assertThat(shown).allSatisfy(label -> assertThat(label).hasSize(RowLabels.MAX_LENGTH)
                .startsWith(longName.substring(0, 20)).contains("..."));
        assertThat(shown).anySatisfy(label -> assertThat(label).endsWith("[k=10]"))
                .anySatisfy(label -> assertThat(label).endsWith("[k=100]"));
        assertThat(RowLabels.cut("short")).isEqualTo("short");
    }

    @Test
    void aComparisonOutsideTheChartIsAnError() {
        List<Comparison> rows = compare(List.of(m("latency", "add", Map.of("dim", "256"), 1)));
        Comparison other = compare(List.of(m("latency", "create", Map.of("dim", "256"), 1))).getFirst();
        assertThatThrownBy(() -> RowLabels.of(rows).of(other)).hasMessageContaining("latency.create[dim=256]")
                .hasMessageContaining("not a row of this chart");
    }
}
