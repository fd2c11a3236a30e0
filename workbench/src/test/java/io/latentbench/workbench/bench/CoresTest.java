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
    void parallelStreamsAndPoolsOfTwoSplitEachCall() {
        assertThat(Cores.use(point(Suite.THROUGHPUT, "parallelKnn", Map.of("queries", "100")))).isEqualTo(CoreUse.SPLIT);
        assertThat(Cores.use(point(Suite.THROUGHPUT, "batchAttention", Map.of()))).isEqualTo(CoreUse.SPLIT);
        assertThat(Cores.use(point(Suite.MATRIX, "knn", Map.of("batch", "32")))).isEqualTo(CoreUse.SPLIT);
        assertThat(Cores.use(point(Suite.PEERS, "knnBatch", Map.of("workers", "2")))).isEqualTo(CoreUse.SPLIT);
    }

    @Test
    void jmhThreadsRunCallsOfTheirOwn() {
        assertThat(Cores.use(point(Suite.PEERS, "knnOneAtATimeTwoThreads", Map.of()))).isEqualTo(CoreUse.THREADS);
    }

    @Test
    void oneCallOnOneThreadKeepsOneCore() {
        assertThat(Cores.use(point(Suite.THROUGHPUT, "batchAdd", Map.of()))).isEqualTo(CoreUse.ONE);
        assertThat(Cores.use(point(Suite.MATRIX, "knn", Map.of("batch", "1")))).isEqualTo(CoreUse.ONE);
        assertThat(Cores.use(point(Suite.PEERS, "knnBatch", Map.of("workers", "1")))).isEqualTo(CoreUse.ONE);
        assertThat(Cores.use(point(Suite.PEERS, "knnOneAtATime", Map.of()))).isEqualTo(CoreUse.ONE);
        assertThat(Cores.use(point(Suite.LATENCY, "knn", Map.of("k", "10")))).isEqualTo(CoreUse.ONE);
    }

    @Test
    void aParameterThatIsNotANumberIsNamed() {
        assertThatThrownBy(() -> Cores.use(point(Suite.MATRIX, "knn", Map.of("batch", "many"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batch").hasMessageContaining("many");
    }
}
