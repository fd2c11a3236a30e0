package io.latentbench.workbench.bench.suites.peers;

import io.latentbench.engine.LatentSpace;
import io.latentbench.engine.Neighbor;
import io.latentbench.engine.vector.VectorKernels;
import io.latentbench.workbench.bench.DataSets;
import io.latentbench.workbench.bench.Spaces;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The engine's exact knn (k = 10, 100) over 10k, 100k and 1M x 256 rows on its Panama and its scalar
 * kernels, against a SIMD plain read of the same bytes: the bandwidth bound no scan can beat. The 1M
 * rows (a gigabyte, past every cache) run in the full profile only.
 */
@BenchmarkMode(Mode.AverageTime)
@Fork(value = 2, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class KnnScanBenchmarks {

    @State(Scope.Thread)
    public static class Flat {
        @Param({"10000", "100000", "1000000"})
        public int dataset;

        @Param({"256"})
        public int dim;

        float[] data;

        @Setup(Level.Trial)
        public void setUp() {
            data = DataSets.flatten(DataSets.uniform(dataset, dim, DataSets.SEED));
        }
    }

    /**
     * Must be a static final constant: a species the JIT cannot treat as constant falls back to
     * boxed vectors, hundreds of times slower. 256 bits like the engine's kernels, which measured
     * faster than 512 on the unaligned rows of heap arrays on this class of machine.
     */
    private static final VectorSpecies<Float> READ_SPECIES = FloatVector.SPECIES_PREFERRED.vectorBitSize() >= 256
            ? FloatVector.SPECIES_256
            : FloatVector.SPECIES_PREFERRED;

    /**
     * Reads every float of the data set once with vector loads and sums them: the least work a
     * scan can do over these bytes, so its time is the bandwidth floor for knn.
     */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public float plainRead(Flat s) {
        float[] d = s.data;
        int lanes = READ_SPECIES.length();
        FloatVector acc1 = FloatVector.zero(READ_SPECIES);
        FloatVector acc2 = FloatVector.zero(READ_SPECIES);
        FloatVector acc3 = FloatVector.zero(READ_SPECIES);
        FloatVector acc4 = FloatVector.zero(READ_SPECIES);
        int i = 0;
        int bound = d.length - 4 * lanes;
        for (; i <= bound; i += 4 * lanes) {
            acc1 = acc1.add(FloatVector.fromArray(READ_SPECIES, d, i));
            acc2 = acc2.add(FloatVector.fromArray(READ_SPECIES, d, i + lanes));
            acc3 = acc3.add(FloatVector.fromArray(READ_SPECIES, d, i + 2 * lanes));
            acc4 = acc4.add(FloatVector.fromArray(READ_SPECIES, d, i + 3 * lanes));
        }
        float sum = acc1.add(acc2).add(acc3.add(acc4)).reduceLanes(VectorOperators.ADD);
        for (; i < d.length; i++) {
            sum += d[i];
        }
        return sum;
    }

    @State(Scope.Thread)
    public static class Knn {
        @Param({Peers.PANAMA, Peers.SCALAR})
        public String impl;

        @Param({"10000", "100000", "1000000"})
        public int dataset;

        @Param({"256"})
        public int dim;

        @Param({"10", "100"})
        public int k;

        LatentSpace space;
        float[] query;

        @Setup(Level.Trial)
        public void setUp() {
            VectorKernels kernels = Peers.engineKernels(impl);
            space = LatentSpace.create(Spaces.config(dim, "euclidean", "standard"), kernels);
            space.addAll(DataSets.uniform(dataset, dim, DataSets.SEED));
            query = DataSets.query(dim, DataSets.SEED);
        }
    }

    /** The engine's exact knn over the bytes {@link #plainRead} reads: the ratio of the two is the scan's overhead. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<Neighbor> knn(Knn s) {
        return s.space.knn(s.query, s.k);
    }
}
