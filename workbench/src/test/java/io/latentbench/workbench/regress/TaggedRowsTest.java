package io.latentbench.workbench.regress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.latentbench.workbench.regress.baseline.BaselineFile;
import io.latentbench.workbench.regress.baseline.BaselineJson;
import io.latentbench.workbench.regress.baseline.Baselines;
import io.latentbench.workbench.regress.config.RegressionConfig;
import io.latentbench.workbench.results.BenchmarkResult;
import io.latentbench.workbench.results.Metric;
import io.latentbench.workbench.results.ResultSet;
import io.latentbench.workbench.results.RowTags;
import io.latentbench.workbench.results.RowTagsJson;
import io.latentbench.workbench.results.RunInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The gate judges a row by its tags, whatever its suite is called. */
class TaggedRowsTest {

    private static Measurement tagged(String suite, String name, double scale, RowTags tags) {
        List<Double> forks = List.of(100 * scale, 101 * scale, 99 * scale, 100.5 * scale, 99.5 * scale);
        return new Measurement(MeasurementId.primary(suite + "." + name), suite, name, new TreeMap<>(Map.of("dim", "256")),
                "us/op", 100 * scale, forks, tags);
    }

    private static Comparison compareOne(RowTags tags, double scale) {
        MeasurementSet base = MeasurementSet.of("base", null, null, null, List.of(tagged("cache", "lookup", 1.0, tags)));
        MeasurementSet cur = MeasurementSet.of("cur", null, null, null, List.of(tagged("cache", "lookup", scale, tags)));
        return new Comparer(RegressionConfig.defaults()).compare(base, cur).comparisons().getFirst();
    }

    @Test
    void aNewSuitesReferenceIsReportedNeverJudged() {
        Comparison c = compareOne(RowTags.ours("default").withRole(RowTags.Role.REFERENCE), 1.5);
        assertThat(c.verdict()).isEqualTo(Verdict.REFERENCE);
        assertThat(c.reason()).contains("+50.0%").contains("never judged");
    }

    @Test
    void theSameRowTaggedAsOursIsARegression() {
        Comparison c = compareOne(RowTags.ours("default"), 1.5);
        assertThat(c.verdict()).isEqualTo(Verdict.REGRESSION);
    }

    @Test
    void theThresholdComesFromTheTagsNotTheName() {
        // "lookup" would be guessed as default (10 %); the tags say knn search (5 %)
        Measurement m = tagged("cache", "lookup", 1.0, RowTags.ours("latency.knn_search"));
        assertThat(ThresholdMapping.entryFor(m)).isEqualTo(ThresholdEntry.KNN_SEARCH);
        // a name the guess calls a knn search, tagged as an attention
        Measurement knn = tagged("peers", "knn", 1.0, RowTags.ours("latency.attention"));
        assertThat(ThresholdMapping.entryFor(knn)).isEqualTo(ThresholdEntry.ATTENTION);
        // and a peers row the guess would call a reference, tagged as ours
        assertThat(PeerReferences.isReference(new Measurement(MeasurementId.primary("peers.plainRead"), "peers",
                "plainRead", null, "us/op", 1.0, List.of(1.0), RowTags.ours("default")))).isFalse();
    }

    @Test
    void memoryMetricsAreStillJudgedByTheirUnit() {
        Measurement alloc = new Measurement(new MeasurementId("cache.lookup", "gc.alloc.rate.norm"), "cache", "lookup",
                null, "B/op", 64, List.of(64.0), RowTags.ours("latency.knn_search"));
        assertThat(ThresholdMapping.entryFor(alloc)).isEqualTo(ThresholdEntry.ALLOCATION_COUNT);
    }

    @Test
    void anEntryTheConfigHasNoPlaceForIsAnErrorNamingIt() {
        Measurement m = tagged("cache", "lookup", 1.0, RowTags.ours("latency.cache_hits"));
        assertThatThrownBy(() -> ThresholdMapping.entryFor(m))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cache.lookup")
                .hasMessageContaining("latency.cache_hits")
                .hasMessageContaining("latency.knn_search");
    }

    @Test
    void onlyARowTaggedAsMeasuringTheMachineTellsThatTheMachineMoved() {
        Comparison lucene = compareOne(RowTags.ours("default").withRole(RowTags.Role.REFERENCE), 1.5);
        Comparison read = compareOne(RowTags.ours("default").withRole(RowTags.Role.MACHINE), 1.5);
        assertThat(MachineCheck.measuresTheMachine(lucene)).isFalse();
        assertThat(MachineCheck.measuresTheMachine(read)).isTrue();
    }

    @Test
    void aStoredBaselineKeepsItsRowsTagsAndOneStoredBeforeTagsGetsTheGuess() throws Exception {
        RowTags reference = RowTags.ours("latency.knn_search").withRole(RowTags.Role.REFERENCE);
        BenchmarkResult row = new BenchmarkResult("cache", "lookup", new TreeMap<>(Map.of("dim", "8")), "avgt",
                new Metric("us/op", 2, Double.NaN, Double.NaN, Double.NaN, List.of(List.of(2.0), List.of(2.1))),
                Map.of(), reference);
        ResultSet run = new ResultSet(new RunInfo(Instant.parse("2026-12-05T10:00:00Z"), "abc", "quick", "25", "cpu", 2),
                List.of(row));
        BaselineFile file = new BaselineFile("tb", "t0", "t1", Baselines.fromResults(run, Instant.parse("2026-12-05T10:00:00Z")));
        String json = BaselineJson.write(file);
        BaselineFile back = BaselineJson.fromTree(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json), "b.json");
        Measurement m = Baselines.toMeasurements(back, "b.json").get(MeasurementId.primary("cache.lookup[dim=8]")).orElseThrow();
        assertThat(m.tags()).isEqualTo(reference);

        com.fasterxml.jackson.databind.node.ObjectNode tree =
                (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("baselines").get("cache.lookup[dim=8]")).remove(RowTagsJson.FIELD);
        Measurement old = Baselines.toMeasurements(BaselineJson.fromTree(tree, "old.json"), "old.json")
                .get(MeasurementId.primary("cache.lookup[dim=8]")).orElseThrow();
        assertThat(old.tags()).isEqualTo(RowTags.ours("default"));

        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("baselines").get("cache.lookup[dim=8]"))
                .putObject(RowTagsJson.FIELD).put("role", "ours");
        assertThatThrownBy(() -> BaselineJson.fromTree(tree, "bad.json"))
                .hasMessageContaining("bad.json")
                .hasMessageContaining("cache.lookup[dim=8]")
                .hasMessageContaining("threshold is missing");
    }
}
