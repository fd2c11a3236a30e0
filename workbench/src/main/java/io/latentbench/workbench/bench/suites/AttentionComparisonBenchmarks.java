package io.latentbench.workbench.bench.suites;

import io.latentbench.engine.LatentSpace;
import io.latentbench.workbench.bench.DataSets;
import io.latentbench.workbench.bench.Spaces;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The attention types over 100, 500 and 1000 keys at d = 128, 256, 512. After the run each
 * row gets its speedup against Standard at the same dimension and keys (speedup_vs_standard).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class AttentionComparisonBenchmarks {

    @State(Scope.Thread)
    public static class Keys {
        @Param({"128", "256", "512"})
        public int dim;

        @Param({"100", "500", "1000"})
        public int keys;

        @Param({"standard", "flash", "multi_head_4", "multi_head_8", "moe_2_2", "moe_4_2"})
        public String type;

        LatentSpace space;
        float[] query;

        @Setup
        public void setUp() {
            space = Spaces.filled(keys, dim, "euclidean", type);
            query = DataSets.query(dim, DataSets.SEED);
            // MoE builds its experts lazily on first use; that belongs to setup, not to the first call.
            space.attention(query);
        }
    }

    @Benchmark
    public float[] attention(Keys s) {
        return s.space.attention(s.query);
    }
}
