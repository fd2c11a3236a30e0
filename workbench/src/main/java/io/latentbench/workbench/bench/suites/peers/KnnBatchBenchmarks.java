package io.latentbench.workbench.bench.suites.peers;

import io.latentbench.engine.LatentSpace;
import io.latentbench.engine.Neighbor;
import io.latentbench.workbench.bench.DataSets;
import io.latentbench.workbench.bench.Spaces;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
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
import org.openjdk.jmh.annotations.Threads;

/**
 * The engine's knnBatch per query against knn of the same queries one at a time, each on one
 * thread and on two, over one shared space of 10k, 100k or 1M x 256 rows (the larger two in the critical
 * and full profiles, 1M in the full profile only).
 */
@BenchmarkMode(Mode.AverageTime)
@Fork(value = 2, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class KnnBatchBenchmarks {

    /**
     * One space shared by every benchmark thread (readers share its read lock), with a batch of
     * queries: knnBatch per query against knn of the same queries one at a time, each on one
     * thread and on two.
     */
    @State(Scope.Benchmark)
    public static class Batch {
        @Param({"10000", "100000", "1000000"})
        public int dataset;

        @Param({"256"})
        public int dim;

        @Param({"10"})
        public int k;

        LatentSpace space;
        float[][] queries;

        @Setup(Level.Trial)
        public void setUp() {
            space = Spaces.filled(dataset, dim, "euclidean", "standard");
            queries = DataSets.queries(Peers.BATCH, dim, DataSets.SEED + 1);
        }
    }

    /** Each thread's turn through the batch's queries, one at a time. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        float[] nextQuery(Batch b) {
            float[] q = b.queries[next];
            next = (next + 1) % Peers.BATCH;
            return q;
        }
    }

    /**
     * The workers a knnBatch runs on. knnBatch spreads its tiles of queries over the fork-join
     * pool it is called from (the common pool, which already spans every core, when called from
     * an ordinary thread); called inside a pool of one or two workers, it runs on exactly that
     * many, which is what "1 thread" and "2 threads" mean for an operation that is parallel inside.
     */
    @State(Scope.Benchmark)
    public static class Workers {
        @Param({"1", "2"})
        public int workers;

        ForkJoinPool pool;

        @Setup(Level.Trial)
        public void setUp() {
            pool = new ForkJoinPool(workers);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            pool.shutdown();
        }
    }

    /**
     * Time per query of a knnBatch of {@value Peers#BATCH} on one or two workers: compare one worker
     * with {@link #knnOneAtATime}, and two workers with one.
     */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @OperationsPerInvocation(Peers.BATCH)
    public List<List<Neighbor>> knnBatch(Batch b, Workers w) {
        return w.pool.submit(() -> b.space.knnBatch(b.queries, b.k)).join();
    }

    /** The batch's queries one knn call at a time. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<Neighbor> knnOneAtATime(Batch b, Cursor c) {
        return b.space.knn(c.nextQuery(b), b.k);
    }

    /** The same from two threads: readers share the lock, so per-thread time should stay put. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Threads(2)
    public List<Neighbor> knnOneAtATimeTwoThreads(Batch b, Cursor c) {
        return b.space.knn(c.nextQuery(b), b.k);
    }
}
