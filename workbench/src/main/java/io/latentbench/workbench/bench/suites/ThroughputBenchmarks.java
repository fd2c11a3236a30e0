package io.latentbench.workbench.bench.suites;

import io.latentbench.engine.LatentConfig;
import io.latentbench.engine.LatentSpace;
import io.latentbench.engine.Neighbor;
import io.latentbench.workbench.bench.DataSets;
import io.latentbench.workbench.bench.Spaces;
import java.util.List;
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
 * Operations per second of the batch APIs. One operation is one batch (of {@code batch} or
 * {@code queries} elements); the TOML summary multiplies back to elements per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 2, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class ThroughputBenchmarks {

    static final int DIM = 256;
    /** Restart the space after this many added vectors, to bound memory (see LatencyBenchmarks). */
    static final int ADD_RESTART = 10_000;

    @State(Scope.Thread)
    public static class BatchAdd {
        @Param({"1", "8", "32", "128", "512"})
        public int batch;

        @Param({"256"})
        public int dim;

        LatentConfig config;
        float[][] vectors;
        LatentSpace space;
        int added;

        @Setup
        public void setUp() {
            config = Spaces.config(dim, "euclidean", "standard");
            vectors = DataSets.uniform(batch, dim, DataSets.SEED);
            space = LatentSpace.create(config);
        }
    }

    @Benchmark
    public long[] batchAdd(BatchAdd s) {
        if (s.added + s.batch > ADD_RESTART) {
            s.space = LatentSpace.create(s.config);
            s.added = 0;
        }
        s.added += s.batch;
        return s.space.addAll(s.vectors);
    }

    @State(Scope.Thread)
    public static class ParallelKnn {
        @Param({"1", "8", "32", "128"})
        public int queries;

        @Param({"100"})
        public int k;

        @Param({"10000"})
        public int dataset;

        LatentSpace space;
        float[][] batch;

        @Setup
        public void setUp() {
            space = Spaces.filled(dataset, DIM, "euclidean", "standard");
            batch = DataSets.queries(queries, DIM, DataSets.SEED);
        }
    }

    @Benchmark
    public List<List<Neighbor>> parallelKnn(ParallelKnn s) {
        return s.space.knnBatch(s.batch, s.k);
    }

    @State(Scope.Thread)
    public static class BatchAttention {
        @Param({"8", "32", "128"})
        public int batch;

        @Param({"1000"})
        public int keys;

        @Param({"flash"})
        public String type;

        LatentSpace space;
        float[][] queries;

        @Setup
        public void setUp() {
            space = Spaces.filled(keys, DIM, "euclidean", type);
            queries = DataSets.queries(batch, DIM, DataSets.SEED);
        }
    }

    @Benchmark
    public float[][] batchAttention(BatchAttention s) {
        return s.space.attentionBatch(s.queries);
    }
}
