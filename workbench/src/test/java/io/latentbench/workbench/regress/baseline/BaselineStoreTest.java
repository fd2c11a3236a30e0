package io.latentbench.workbench.regress.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.latentbench.workbench.regress.MeasurementId;
import io.latentbench.workbench.regress.MeasurementSet;
import io.latentbench.workbench.regress.Measurements;
import io.latentbench.workbench.regress.config.BaselineManagement;
import io.latentbench.workbench.results.BenchmarkResult;
import io.latentbench.workbench.results.Metric;
import io.latentbench.workbench.results.ResultSet;
import io.latentbench.workbench.results.RunInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineStoreTest {

    private static final BaselineManagement KEEP_3 = new BaselineManagement(true, false, true, 3);

    static ResultSet run(String commit, double knnMean, String... extraNames) {
        Metric knn = new Metric("us/op", knnMean, 1, knnMean - 1, knnMean + 1,
                List.of(List.of(knnMean - 1, knnMean + 1), List.of(knnMean, knnMean)));
        Metric alloc = new Metric("B/op", 4096, 0, 4096, 4096, List.of(List.of(4096.0), List.of(4096.0)));
        Metric peak = new Metric("MB", 12.5, 0, 12.5, 12.5, List.of(List.of(12.5), List.of(12.5)));
        List<BenchmarkResult> rows = new java.util.ArrayList<>();
        rows.add(new BenchmarkResult("latency", "knn", new TreeMap<>(Map.of("dim", "256", "k", "10")), "avgt", knn,
                Map.of("gc.alloc.rate.norm", alloc, "memory.peak", peak, "gc.count", Metric.of("counts", 3))));
        rows.add(new BenchmarkResult("throughput", "batchAdd", new TreeMap<>(Map.of("batch", "32")), "thrpt",
                new Metric("ops/s", 5000, 10, 4990, 5010, List.of(List.of(5000.0), List.of(5000.0))), Map.of()));
        for (String name : extraNames) {
            rows.add(new BenchmarkResult("latency", name, new TreeMap<>(), "avgt", Metric.of("us/op", 3), Map.of()));
        }
        return new ResultSet(new RunInfo(Instant.parse("2026-11-29T09:00:00Z"), commit, "quick", "25.0.1", "AMD EPYC", 2), rows);
    }

    @Test
    void updateWritesThePlansFieldsAndSamplesAndReadsBack(@TempDir Path dir) throws Exception {
        BaselineStore store = new BaselineStore(dir);
        BaselineStore.UpdateResult r = store.update("amd-2c-jdk25", run("abc123", 100), KEEP_3, false, Instant.parse("2026-11-29T10:00:00Z"));

        assertThat(r.file()).isEqualTo(dir.resolve("amd-2c-jdk25/baselines.json"));
        String json = Files.readString(r.file());
        for (String field : List.of("\"name\"", "\"dimension\"", "\"mean\"", "\"std_dev\"", "\"median\"", "\"throughput\"",
                "\"memory_peak_mb\"", "\"timestamp\"", "\"git_commit\"", "\"params\"", "\"samples\"")) {
            assertThat(json).contains(field);
        }
        BaselineFile file = store.read("amd-2c-jdk25").orElseThrow();
        // what the update says it wrote is what the file holds: the gate judges it without reading it back
        assertThat(r.baselines()).isEqualTo(file);
        BaselineRecord knn = file.baselines().get("latency.knn[dim=256,k=10]");
        assertThat(knn.dimension()).isEqualTo(256);
        assertThat(knn.mean()).isEqualTo(100.0);
        assertThat(knn.median()).isEqualTo(100.0);
        assertThat(knn.samples()).hasSize(2);
        assertThat(knn.forkMeans()).containsExactly(100.0, 100.0);
        assertThat(knn.memoryPeakMb()).isEqualTo(12.5);
        assertThat(knn.secondary()).containsOnlyKeys("gc.alloc.rate.norm", "memory.peak"); // gc.count is not kept
        assertThat(knn.gitCommit()).isEqualTo("abc123");
        assertThat(file.baselines().get("throughput.batchAdd[batch=32]").throughput()).isEqualTo(5000.0);
        assertThat(file.baselines().get("latency.knn[dim=256,k=10]").throughput()).isNull();

        MeasurementSet view = Baselines.toMeasurements(file, "b");
        assertThat(view.get(new MeasurementId("latency.knn[dim=256,k=10]", "gc.alloc.rate.norm")).orElseThrow().unit())
                .isEqualTo("B/op");
        assertThat(view.testbed()).isEqualTo("amd-2c-jdk25");
        assertThat(BaselineJson.parse(BaselineJson.write(file), "again")).isEqualTo(file);
    }

    @Test
    void aRunAndTheBaselineMadeOfItAreTheSameMeasurements() {
        ResultSet run = run("abc123", 100);
        BaselineFile file = new BaselineFile("amd-2c-jdk25", "t0", "t1", Baselines.fromResults(run, Instant.now()));

        MeasurementSet fromRun = Measurements.fromResults(run, "run", null);
        MeasurementSet fromBaseline = Baselines.toMeasurements(file, "baseline");

        // one conversion: same ids (gc.count is compared by neither), suites, units, scores, fork means and tags
        assertThat(fromBaseline.measurements()).isEqualTo(fromRun.measurements());
        assertThat(fromRun.measurements().keySet()).extracting(MeasurementId::toString).containsExactlyInAnyOrder(
                "latency.knn[dim=256,k=10]", "latency.knn[dim=256,k=10]:gc.alloc.rate.norm",
                "latency.knn[dim=256,k=10]:memory.peak", "throughput.batchAdd[batch=32]");
    }

    @Test
    void updatesMergeAndKeepPrunedHistory(@TempDir Path dir) {
        BaselineStore store = new BaselineStore(dir);
        Instant t = Instant.parse("2026-11-29T10:00:00Z");
        store.update("tb", run("c1", 100, "createSpace"), KEEP_3, false, t);
        for (int i = 2; i <= 5; i++) {
            store.update("tb", run("c" + i, 100 + i), KEEP_3, false, t.plusSeconds(i));
        }

        BaselineFile file = store.read("tb").orElseThrow();
        assertThat(file.baselines()).containsKey("latency.createSpace"); // not measured since, kept
        assertThat(file.baselines().get("latency.knn[dim=256,k=10]").mean()).isEqualTo(105.0);
        assertThat(file.createdAt()).isEqualTo(t.toString());
        assertThat(store.history("tb")).extracting(HistoryEntry::commit).containsExactly("c3", "c4", "c5");

        store.update("tb", run("c6", 90), KEEP_3, true, t.plusSeconds(10));
        assertThat(store.read("tb").orElseThrow().baselines()).doesNotContainKey("latency.createSpace");
        assertThat(store.prune("tb", 1)).isEqualTo(2);
        assertThat(store.history("tb")).extracting(HistoryEntry::commit).containsExactly("c6");
    }

    @Test
    void aCorruptFileIsAClearErrorAndIsNeverReplaced(@TempDir Path dir) throws Exception {
        BaselineStore store = new BaselineStore(dir);
        store.update("tb", run("c1", 100), KEEP_3, false, Instant.parse("2026-11-29T10:00:00Z"));
        Path file = store.file("tb");
        String broken = Files.readString(file).replaceFirst("\"mean\" : 100.0", "\"mean\" : \"fast\"");
        Files.writeString(file, broken);

        assertThatThrownBy(() -> store.update("tb", run("c2", 50), KEEP_3, false, Instant.parse("2026-11-29T11:00:00Z")))
                .isInstanceOf(BaselineException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("latency.knn[dim=256,k=10]")
                .hasMessageContaining(".mean")
                .hasMessageContaining("\"fast\"");
        assertThat(Files.readString(file)).isEqualTo(broken);

        Files.writeString(file, "{\"baselines\": {\"a\": {\"mean\": 1.0}"); // truncated
        assertThatThrownBy(() -> store.read("tb")).hasMessageContaining(file.toString()).hasMessageContaining("not valid JSON")
                .hasMessageContaining("line 1");
        Files.writeString(file, "");
        assertThatThrownBy(() -> store.read("tb")).hasMessageContaining("is corrupt: it is empty");
        Files.writeString(file, "{\"baselines\": {\"a\": {\"mean\": 1.0, \"samples\": [1, 2]}}}");
        assertThatThrownBy(() -> store.read("tb")).hasMessageContaining("baselines[\"a\"].samples[0]")
                .hasMessageContaining("one fork's iterations");
    }

    @Test
    void writesLeaveNoTemporaryFiles(@TempDir Path dir) throws Exception {
        BaselineStore store = new BaselineStore(dir);
        store.update("tb", run("c1", 100), KEEP_3, false, Instant.parse("2026-11-29T10:00:00Z"));
        try (Stream<Path> files = Files.walk(dir)) {
            // the update's lock file stays, empty: deleting it would let a waiting updater lock a file no one else sees
            assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals(BaselineLock.FILE_NAME)))
                    .allMatch(n -> n.endsWith(".json") && !n.endsWith(".tmp"))
                    .hasSize(2);
        }
        assertThat(dir.resolve("tb").resolve(BaselineLock.FILE_NAME)).isEmptyFile();
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file("tb"))))
                .isEqualTo("rw-r--r--");
    }

    @Test
    void readsThePlansShape() {
        String plan = """
                {"baselines": {"knn_search_256": {"name": "knn_search_256", "dimension": 256, "mean": 12.5,
                  "std_dev": 0.4, "median": 12.4, "throughput": null, "memory_peak_mb": 12,
                  "timestamp": "2026-01-01T00:00:00Z", "git_commit": "deadbeef"}},
                 "created_at": "2026-01-01T00:00:00Z", "updated_at": "2026-01-01T00:00:00Z"}
                """;
        BaselineFile f = BaselineJson.parse(plan, "plan.json");
        BaselineRecord r = f.baselines().get("knn_search_256");
        assertThat(r.unit()).isEqualTo("us/op");
        assertThat(r.memoryPeakMb()).isEqualTo(12.0);
        assertThat(r.samples()).isEmpty();
    }

    @Test
    void refusesBadTestbedNamesAndEmptyResults(@TempDir Path dir) {
        BaselineStore store = new BaselineStore(dir);
        assertThatThrownBy(() -> store.file("../elsewhere")).hasMessageContaining("'../elsewhere'");
        ResultSet empty = new ResultSet(run("c", 1).info(), List.of());
        assertThatThrownBy(() -> store.update("tb", empty, KEEP_3, false, Instant.now()))
                .hasMessageContaining("refusing to write an empty baseline");
        assertThat(Files.exists(store.file("tb"))).isFalse();
    }
}
