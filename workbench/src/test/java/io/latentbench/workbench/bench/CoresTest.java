package io.latentbench.workbench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CoresTest {

    private static BenchPoint point(Suite suite, String method, Map<String, String> params) {
        return new BenchPoint(suite, method, "avgt", new TreeMap<>(params));
    }

    @Test
    void parallelStreamsPoolsOfTwoAndJmhThreadsKeepMoreThanOneCoreBusy() {
        assertThat(Cores.multiCore(point(Suite.THROUGHPUT, "parallelKnn", Map.of("queries", "100")))).isTrue();
        assertThat(Cores.multiCore(point(Suite.THROUGHPUT, "batchAttention", Map.of()))).isTrue();
        assertThat(Cores.multiCore(point(Suite.MATRIX, "knn", Map.of("batch", "32")))).isTrue();
        assertThat(Cores.multiCore(point(Suite.PEERS, "knnBatch", Map.of("workers", "2")))).isTrue();
        assertThat(Cores.multiCore(point(Suite.PEERS, "knnOneAtATimeTwoThreads", Map.of()))).isTrue();
    }

    @Test
    void oneCallOnOneThreadKeepsOneCore() {
        assertThat(Cores.multiCore(point(Suite.THROUGHPUT, "batchAdd", Map.of()))).isFalse();
        assertThat(Cores.multiCore(point(Suite.MATRIX, "knn", Map.of("batch", "1")))).isFalse();
        assertThat(Cores.multiCore(point(Suite.PEERS, "knnBatch", Map.of("workers", "1")))).isFalse();
        assertThat(Cores.multiCore(point(Suite.PEERS, "knnOneAtATime", Map.of()))).isFalse();
        assertThat(Cores.multiCore(point(Suite.LATENCY, "knn", Map.of("k", "10")))).isFalse();
    }

    @Test
    void aParameterThatIsNotANumberIsNamed() {
        assertThatThrownBy(() -> Cores.multiCore(point(Suite.MATRIX, "knn", Map.of("batch", "many"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batch").hasMessageContaining("many");
    }
}
