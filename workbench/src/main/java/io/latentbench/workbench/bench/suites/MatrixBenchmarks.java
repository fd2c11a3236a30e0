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
 * The full search matrix: dims x neighbours x batch sizes x dataset sizes (480 points in
 * full; the critical profile runs dims 128/256/512 x k 10/100/1000 x batch 1/32 x 10k). A
 * batch of 1 is one knn call, larger batches one knnBatch call; the score is per batch.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class MatrixBenchmarks {

    @State(Scope.Thread)
    public static class Point {
        @Param({"64", "128", "256", "512", "1024"})
        public int dim;

        @Param({"10", "50", "100", "500", "1000", "10000"})
        public int k;

        @Param({"1", "8", "32", "128"})
        public int batch;

        @Param({"1000", "5000", "10000", "50000"})
        public int dataset;

        LatentSpace space;
        float[][] queries;

        @Setup
        public void setUp() {
            space = Spaces.filled(dataset, dim, "euclidean", "standard");
            queries = DataSets.queries(batch, dim, DataSets.SEED);
        }
    }

    @Benchmark
    public Object knn(Point p) {
        return p.batch == 1 ? p.space.knn(p.queries[0], p.k) : p.space.knnBatch(p.queries, p.k);
    }
}
