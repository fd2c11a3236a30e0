package io.latentbench.workbench.regress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThresholdMappingTest {

    @ParameterizedTest(name = "{0}.{1} [{2}] {3} -> {4}")
    @CsvSource({
        "latency, knn, '', us/op, KNN_SEARCH",
        "latency, add, '', ns/op, ADD_EMBEDDING",
        "latency, addAll, '', us/op, ADD_EMBEDDING",
        "latency, attention, '', us/op, ATTENTION",
        "latency, createSpace, '', us/op, DEFAULT",
        "throughput, batchAdd, '', ops/s, BATCH_OPERATIONS",
        "throughput, batchAttention, '', ops/s, BATCH_OPERATIONS",
        "throughput, parallelKnn, '', ops/s, PARALLEL_SEARCH",
        "matrix, knnBatch, '', us/op, PARALLEL_SEARCH",
        "matrix, knn, '', us/op, KNN_SEARCH",
        "attention_comparison, moe, '', us/op, ATTENTION",
        "flash_vs_standard, flash, '', us/op, ATTENTION",
        "distance_comparison, knnCosine, '', us/op, KNN_SEARCH",
        "peers, dotProduct, '', ns/op, DEFAULT",
        "memory, buildSpace, gc.alloc.rate.norm, B/op, ALLOCATION_COUNT",
        "memory, buildSpace, memory.peak, MB, PEAK_USAGE",
        "memory, retainedMb, '', MB, PEAK_USAGE",
        "flash_vs_standard, flash, gc.alloc.rate.norm, B/op, ALLOCATION_COUNT",
        "org.example.Foo, bar, '', ops/ms, DEFAULT",
    })
    void mapsBenchmarksToTheirEntry(String suite, String name, String metric, String unit, ThresholdEntry expected) {
        Measurement m = new Measurement(new MeasurementId(suite + "." + name, metric), suite, name, new TreeMap<>(),
                unit, 1.0, List.of());
        assertThat(ThresholdMapping.entryFor(m)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void batchedKnnInTheMatrixIsAParallelSearch() {
        Measurement batch32 = new Measurement(MeasurementId.primary("matrix.knn[batch=32]"), "matrix", "knn",
                new TreeMap<>(java.util.Map.of("batch", "32", "k", "10")), "us/op", 1.0, List.of());
        Measurement batch1 = new Measurement(MeasurementId.primary("matrix.knn[batch=1]"), "matrix", "knn",
                new TreeMap<>(java.util.Map.of("batch", "1", "k", "10")), "us/op", 1.0, List.of());
        assertThat(ThresholdMapping.entryFor(batch32)).isEqualTo(ThresholdEntry.PARALLEL_SEARCH);
        assertThat(ThresholdMapping.entryFor(batch1)).isEqualTo(ThresholdEntry.KNN_SEARCH);
    }

    @ParameterizedTest
    @CsvSource({
        "'', us/op, SPEED", "'', ops/s, SPEED", "gc.alloc.rate.norm, B/op, ALLOCATION", "gc.alloc.rate, MB/sec, IGNORED",
        "gc.count, counts, IGNORED", "memory.peak, MB, FOOTPRINT", "peak.mb, MB, FOOTPRINT", "bytes.per.vector, B/vector, FOOTPRINT", "'', x, IGNORED", "·gc.alloc.rate.norm, B/op, ALLOCATION",
        "'', hr/op, SPEED", "'', sec/op, SPEED", "'', ops/ref, SPEED", "gc.time, ms, IGNORED", "retained, KiB, FOOTPRINT",
    })
    void choosesWhichMetricsAreCompared(String metric, String unit, MetricKind expected) {
        assertThat(MetricKind.of(new MeasurementId("s.b", metric), unit)).isEqualTo(expected);
    }
}
