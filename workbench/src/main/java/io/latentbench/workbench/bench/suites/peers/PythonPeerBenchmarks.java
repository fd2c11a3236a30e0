package io.latentbench.workbench.bench.suites.peers;

import io.latentbench.workbench.bench.DataSets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The peers outside Java, numpy and FAISS through {@link PythonPeer}, on the data and queries of
 * {@link KnnBatchBenchmarks}: one query at a time and a batch at once, time per query.
 */
@BenchmarkMode(Mode.AverageTime)
@Fork(value = 2, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class PythonPeerBenchmarks {

    /** One-query searches per invocation of {@link #pythonKnn}: the pipe's round trip is shared by them. */
    static final int PYTHON_REPEAT = 32;

    /** Batches of {@value Peers#BATCH} per invocation of {@link #pythonKnnBatch}. */
    static final int PYTHON_BATCHES = 2;

    /**
     * The peers outside Java on the data and queries of {@link KnnBatchBenchmarks.Batch} (same
     * seeds, written to files): numpy with the BLAS it loads (Debian: OpenBLAS) and FAISS's
     * IndexFlatL2, one thread.
     * Debian's FAISS is a generic build: its one-query scan is not vectorized (no AVX2); its batch
     * goes to BLAS sgemm.
     */
    @State(Scope.Benchmark)
    public static class Outside {
        /** Named apart from our benchmarks' {@code impl}, so that {@code --param impl=...} leaves it alone. */
        @Param({"numpy", "faiss"})
        public String peer;

        @Param({"10000"})
        public int dataset;

        @Param({"256"})
        public int dim;

        @Param({"10"})
        public int k;

        PythonPeer driver;

        @Setup(Level.Trial)
        public void setUp() {
            driver = PythonPeer.start(DataSets.uniform(dataset, dim, DataSets.SEED),
                    DataSets.queries(Peers.BATCH, dim, DataSets.SEED + 1));
            driver.require(peer);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            driver.close();
        }
    }

    /** One query at a time in the peer, as {@link KnnBatchBenchmarks#knnOneAtATime}: the time per query. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @OperationsPerInvocation(PYTHON_REPEAT)
    public long pythonKnn(Outside o) {
        return o.driver.knn(o.peer, o.k, PYTHON_REPEAT);
    }

    /** The {@value Peers#BATCH} queries at once in the peer, as {@link KnnBatchBenchmarks#knnBatch}: the time per query. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @OperationsPerInvocation(Peers.BATCH * PYTHON_BATCHES)
    public long pythonKnnBatch(Outside o) {
        return o.driver.batch(o.peer, o.k, PYTHON_BATCHES);
    }
}
