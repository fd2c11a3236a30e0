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

/** One call at a time: creating a space, adding one vector, one knn query, one attention query. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class LatencyBenchmarks {

    /** Vectors in the space knn searches: 10k, as in the distance suite and the matrix's critical path, so their rows compare. */
    static final int DATASET = 10_000;
    /** Keys attention runs over: 100, the smallest count of the attention comparison suite, so the rows compare. */
    static final int KEYS = 100;
    /**
     * The add benchmark starts a fresh space after this many vectors so memory stays bounded
     * over a long iteration; growth of the storage is amortized into the measured time, as it
     * is in any real sequence of adds.
     */
    static final int ADD_RESTART = 10_000;

    @State(Scope.Thread)
    public static class Create {
        @Param({"64", "128", "256", "512", "1024"})
        public int dim;

        LatentConfig config;

        @Setup
        public void setUp() {
            config = Spaces.config(dim, "euclidean", "standard");
        }
    }

    @Benchmark
    public LatentSpace create(Create s) {
        return LatentSpace.create(s.config);
    }

    @State(Scope.Thread)
    public static class Add {
        @Param({"64", "128", "256", "512", "1024"})
        public int dim;

        LatentConfig config;
        float[][] pool;
        LatentSpace space;
        int added;

        @Setup
        public void setUp() {
            config = Spaces.config(dim, "euclidean", "standard");
            pool = DataSets.uniform(1024, dim, DataSets.SEED);
            space = LatentSpace.create(config);
        }
    }

    @Benchmark
    public long add(Add s) {
        if (s.added == ADD_RESTART) {
            s.space = LatentSpace.create(s.config);
            s.added = 0;
        }
        return s.space.add(s.pool[s.added++ & 1023]);
    }

    @State(Scope.Thread)
    public static class Knn {
        @Param({"128", "256", "512"})
        public int dim;

        @Param({"10", "50", "100", "500", "1000"})
        public int k;

        LatentSpace space;
        float[] query;

        @Setup
        public void setUp() {
            space = Spaces.filled(DATASET, dim, "euclidean", "standard");
            query = DataSets.query(dim, DataSets.SEED);
        }
    }

    @Benchmark
    public List<Neighbor> knn(Knn s) {
        return s.space.knn(s.query, s.k);
    }

    @State(Scope.Thread)
    public static class Attend {
        @Param({"64", "128", "256", "512"})
        public int dim;

        @Param({"standard", "flash", "multi_head_8", "moe_4_2"})
        public String type;

        LatentSpace space;
        float[] query;

        @Setup
        public void setUp() {
            space = Spaces.filled(KEYS, dim, "euclidean", type);
            query = DataSets.query(dim, DataSets.SEED);
            // MoE builds its experts lazily on first use; that belongs to setup, not to the first call.
            space.attention(query);
        }
    }

    @Benchmark
    public float[] attention(Attend s) {
        return s.space.attention(s.query);
    }
}
