package io.latentbench.workbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SlowWarmupTest {

    private static boolean slow(Suite suite, String method, Map<String, String> params) {
        return SlowWarmup.of(new BenchPoint(suite, method, "avgt", new TreeMap<>(params)));
    }

    @Test
    void attentionTheBatchedKnnTileAndTheSingleShotBuildsWarmSlowly() {
        assertThat(slow(Suite.LATENCY, "attention", Map.of("type", "flash"))).isTrue();
        assertThat(slow(Suite.ATTENTION_COMPARISON, "attention", Map.of())).isTrue();
        assertThat(slow(Suite.FLASH_VS_STANDARD, "attention", Map.of("keys", "4096"))).isTrue();
        assertThat(slow(Suite.THROUGHPUT, "batchAttention", Map.of())).isTrue();
        assertThat(slow(Suite.THROUGHPUT, "parallelKnn", Map.of("queries", "32"))).isTrue();
        assertThat(slow(Suite.MATRIX, "knn", Map.of("batch", "32"))).isTrue();
        assertThat(slow(Suite.PEERS, "knnBatch", Map.of("workers", "1"))).isTrue();
        assertThat(slow(Suite.MEMORY, "buildScaling", Map.of())).isTrue();
    }

    @Test
    void theOneQueryScansAndTheKernelsWarmInTheProfilesTime() {
        assertThat(slow(Suite.LATENCY, "knn", Map.of("k", "10"))).isFalse();
        assertThat(slow(Suite.MATRIX, "knn", Map.of("batch", "1"))).isFalse();
        assertThat(slow(Suite.DISTANCE_COMPARISON, "knn", Map.of())).isFalse();
        assertThat(slow(Suite.PEERS, "knnOneAtATime", Map.of())).isFalse();
        assertThat(slow(Suite.PEERS, "dotProduct", Map.of())).isFalse();
    }
}
