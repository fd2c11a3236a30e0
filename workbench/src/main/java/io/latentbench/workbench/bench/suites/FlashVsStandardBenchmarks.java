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
 * Flash against Standard attention from 256 to 4096 keys at d = 256: time per call, and bytes
 * allocated per call from the gc profiler (gc.alloc.rate.norm), which for Flash should not
 * grow with the number of keys.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class FlashVsStandardBenchmarks {

    @State(Scope.Thread)
    public static class Keys {
        @Param({"256", "512", "1024", "2048", "4096"})
        public int keys;

        @Param({"standard", "flash"})
        public String type;

        @Param({"256"})
        public int dim;

        LatentSpace space;
        float[] query;

        @Setup
        public void setUp() {
            space = Spaces.filled(keys, dim, "euclidean", type);
            query = DataSets.query(dim, DataSets.SEED);
        }
    }

    @Benchmark
    public float[] attention(Keys s) {
        return s.space.attention(s.query);
    }
}
