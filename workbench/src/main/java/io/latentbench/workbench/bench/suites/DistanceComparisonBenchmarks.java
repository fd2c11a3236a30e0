package io.latentbench.workbench.bench.suites;

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

/** knn with k = 100 over 10k vectors under each distance metric. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class DistanceComparisonBenchmarks {

    @State(Scope.Thread)
    public static class Metric {
        @Param({"128", "256", "512"})
        public int dim;

        @Param({"euclidean", "cosine", "manhattan", "dot_product", "hyperbolic"})
        public String metric;

        @Param({"10000"})
        public int dataset;

        @Param({"100"})
        public int k;

        LatentSpace space;
        float[] query;

        @Setup
        public void setUp() {
            space = Spaces.filled(dataset, dim, metric, "standard");
            query = DataSets.query(dim, DataSets.SEED);
        }
    }

    @Benchmark
    public List<Neighbor> knn(Metric s) {
        return s.space.knn(s.query, s.k);
    }
}
