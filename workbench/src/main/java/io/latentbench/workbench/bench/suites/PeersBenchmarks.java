package io.latentbench.workbench.bench.suites;

import io.latentbench.engine.LatentConfig;
import io.latentbench.engine.LatentSpace;
import io.latentbench.engine.Neighbor;
import io.latentbench.engine.vector.Similarities;
import io.latentbench.engine.vector.VectorKernels;
import io.latentbench.workbench.bench.HeapMeter;
import io.latentbench.workbench.bench.MemoryProbe;
import io.latentbench.workbench.bench.Spaces;
import java.util.List;
import io.latentbench.workbench.bench.DataSets;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.apache.lucene.util.VectorUtil;
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
 * Our kernels against their peers in one run, so the ratios are not across machines or days:
 * the scalar reference loop, the Vector API kernels and Lucene's {@code VectorUtil} (which
 * vectorizes on Java 21+ when the incubator module is readable) for dot product, squared
 * distance and cosine at d = 64 to 1024, and manhattan and hyperbolic against the scalar loop;
 * for the 10k and 100k x 256 scans, the same kernels over every row against a SIMD plain read
 * of the same bytes, the bandwidth bound no scan can beat, and the engine's own knn (k = 10,
 * 100) over those bytes on its Panama and its scalar kernels; knnBatch per query against one
 * query at a time, each on one thread and on two; the bytes one add allocates; and the peak
 * heap of a 100k build over its retained size; and one dot product on each float species from
 * three alignments, which is what the engine's choice of species rests on. {@code PeerRatios}
 * prints the ratios.
 */
@BenchmarkMode(Mode.AverageTime)
@Fork(value = 2, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class PeersBenchmarks {

    /** Implementations under comparison, as {@code impl} parameter values. */
    static final String SCALAR = "scalar";
    static final String PANAMA = "panama";
    static final String LUCENE = "lucene";

    /**
     * The three kernels behind one small interface. Each fork instantiates one implementation
     * only, so every call site stays monomorphic and inlines.
     */
    interface PairKernel {
        float dotProduct(float[] a, float[] b);

        float squareDistance(float[] a, float[] b);

        float cosine(float[] a, float[] b);

        static PairKernel of(String impl) {
            return switch (impl) {
                case SCALAR -> new Engine(VectorKernels.scalar());
                case PANAMA -> new Engine(VectorKernels.panama());
                case LUCENE -> new Lucene();
                default -> throw new IllegalArgumentException("impl '" + impl
                        + "' is not a peer; expected scalar, panama or lucene");
            };
        }
    }

    record Engine(VectorKernels k) implements PairKernel {
        @Override
        public float dotProduct(float[] a, float[] b) {
            return k.dotProduct(a, 0, b, 0, a.length);
        }

        @Override
        public float squareDistance(float[] a, float[] b) {
            return k.squareDistance(a, 0, b, 0, a.length);
        }

        @Override
        public float cosine(float[] a, float[] b) {
            return k.cosine(a, 0, b, 0, a.length);
        }
    }

    static final class Lucene implements PairKernel {
        @Override
        public float dotProduct(float[] a, float[] b) {
            return VectorUtil.dotProduct(a, b);
        }

        @Override
        public float squareDistance(float[] a, float[] b) {
            return VectorUtil.squareDistance(a, b);
        }

        @Override
        public float cosine(float[] a, float[] b) {
            return VectorUtil.cosine(a, b);
        }
    }

    @State(Scope.Thread)
    public static class Pair {
        @Param({SCALAR, PANAMA, LUCENE})
        public String impl;

        @Param({"64", "128", "256", "512", "1024"})
        public int dim;

        PairKernel kernel;
        float[] a;
        float[] b;

        @Setup(Level.Trial)
        public void setUp() {
            kernel = PairKernel.of(impl);
            float[][] v = DataSets.uniform(2, dim, DataSets.SEED);
            a = v[0];
            b = v[1];
        }
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public float dotProduct(Pair p) {
        return p.kernel.dotProduct(p.a, p.b);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public float squareDistance(Pair p) {
        return p.kernel.squareDistance(p.a, p.b);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public float cosine(Pair p) {
        return p.kernel.cosine(p.a, p.b);
    }

    /** The kernels Lucene has no float peer for: only the scalar reference and ours. */
    @State(Scope.Thread)
    public static class EnginePair {
        @Param({SCALAR, PANAMA})
        public String impl;

        @Param({"64", "128", "256", "512", "1024"})
        public int dim;

        VectorKernels kernels;
        float[] a;
        float[] b;
        /** For the hyperbolic pair: a's unit direction, b's norm (as the space keeps it) and a one-float answer. */
        float[] aDirection;
        float[] bNorm;
        float aNorm;
        float[] out = new float[1];

        @Setup(Level.Trial)
        public void setUp() {
            kernels = engineKernels(impl);
            float[][] v = DataSets.uniform(2, dim, DataSets.SEED);
            a = v[0];
            b = v[1];
            aNorm = (float) Math.sqrt(kernels.dotProduct(a, a));
            bNorm = new float[] {(float) Math.sqrt(kernels.dotProduct(b, b))};
            aDirection = a.clone();
            kernels.scale(1f / aNorm, aDirection, 0, dim);
        }
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public float manhattan(EnginePair p) {
        return p.kernels.manhattanDistance(p.a, 0, p.b, 0, p.dim);
    }

    /**
     * The hyperbolic distance (c = 1) of two uniform inputs as the engine computes it: the
     * squared distance of their directions, then the closed form in their norms and that angle.
     */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public float hyperbolic(EnginePair p) {
        p.kernels.directionDistances(p.aDirection, p.b, 0, 1, p.dim, p.bNorm, 0, p.out);
        return Similarities.hyperbolic(2.0 * p.aNorm, 2.0 * p.bNorm[0], p.out[0], 1.0);
    }

    /**
     * What the engine's choice of species rests on: one dot product on the 128-, 256- and 512-bit
     * float species, from three alignments. The forks align every object to 64 bytes, so a float
     * array's elements start 16 bytes past a 64-byte boundary, and vectors read from
     * {@code offset} floats in start 16-byte (0), 32-byte (4) or 64-byte (12) aligned.
     */
    @State(Scope.Thread)
    public static class SpeciesPair {
        @Param({"128", "256", "512"})
        public int bits;

        @Param({"0", "4", "12"})
        public int offset;

        @Param({"256", "1024"})
        public int dim;

        SpeciesDot kernel;
        float[] a;
        float[] b;

        @Setup(Level.Trial)
        public void setUp() {
            kernel = SpeciesDot.of(bits);
            float[][] v = DataSets.uniform(2, offset + dim, DataSets.SEED);
            a = v[0];
            b = v[1];
        }
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Fork(value = 2, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-XX:ObjectAlignmentInBytes=64"})
    public float speciesDot(SpeciesPair p) {
        return p.kernel.dot(p.a, p.b, p.offset, p.dim);
    }

    /**
     * A dot product on one species. Each implementation writes its loop out with its own static
     * final species: one shared loop taking the species as an argument was compiled on its own
     * first, with the species unknown, and then never inlined (too big once compiled): every
     * vector was boxed, 4 KB allocated and 20 times the time per call.
     */
    sealed interface SpeciesDot {
        float dot(float[] a, float[] b, int offset, int length);

        static SpeciesDot of(int bits) {
            return switch (bits) {
                case 128 -> new Bits128();
                case 256 -> new Bits256();
                case 512 -> new Bits512();
                default -> throw new IllegalArgumentException("bits " + bits + " is not a float species; expected 128, 256 or 512");
            };
        }

        /** The elements past the last whole vector. */
        static float tail(float sum, float[] a, float[] b, int offset, int from, int length) {
            for (int i = from; i < length; i++) {
                sum += a[offset + i] * b[offset + i];
            }
            return sum;
        }
    }

    static final class Bits128 implements SpeciesDot {
        private static final VectorSpecies<Float> S = FloatVector.SPECIES_128;

        @Override
        public float dot(float[] a, float[] b, int offset, int length) {
            FloatVector acc = FloatVector.zero(S);
            int i = 0;
            for (int bound = S.loopBound(length); i < bound; i += S.length()) {
                acc = FloatVector.fromArray(S, a, offset + i).fma(FloatVector.fromArray(S, b, offset + i), acc);
            }
            return SpeciesDot.tail(acc.reduceLanes(VectorOperators.ADD), a, b, offset, i, length);
        }
    }

    static final class Bits256 implements SpeciesDot {
        private static final VectorSpecies<Float> S = FloatVector.SPECIES_256;

        @Override
        public float dot(float[] a, float[] b, int offset, int length) {
            FloatVector acc = FloatVector.zero(S);
            int i = 0;
            for (int bound = S.loopBound(length); i < bound; i += S.length()) {
                acc = FloatVector.fromArray(S, a, offset + i).fma(FloatVector.fromArray(S, b, offset + i), acc);
            }
            return SpeciesDot.tail(acc.reduceLanes(VectorOperators.ADD), a, b, offset, i, length);
        }
    }

    static final class Bits512 implements SpeciesDot {
        private static final VectorSpecies<Float> S = FloatVector.SPECIES_512;

        @Override
        public float dot(float[] a, float[] b, int offset, int length) {
            FloatVector acc = FloatVector.zero(S);
            int i = 0;
            for (int bound = S.loopBound(length); i < bound; i += S.length()) {
                acc = FloatVector.fromArray(S, a, offset + i).fma(FloatVector.fromArray(S, b, offset + i), acc);
            }
            return SpeciesDot.tail(acc.reduceLanes(VectorOperators.ADD), a, b, offset, i, length);
        }
    }

    static VectorKernels engineKernels(String impl) {
        return switch (impl) {
            case PANAMA -> VectorKernels.panama();
            case SCALAR -> VectorKernels.scalar();
            default -> throw new IllegalArgumentException("impl '" + impl
                    + "' has no engine kernels; expected panama or scalar");
        };
    }

    /** Queries per knnBatch call in {@link Batch}. */
    static final int BATCH = 32;

    /**
     * One space shared by every benchmark thread (readers share its read lock), with a batch of
     * queries: knnBatch per query against knn of the same queries one at a time, each on one
     * thread and on two.
     */
    @State(Scope.Benchmark)
    public static class Batch {
        @Param({"10000"})
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
            queries = DataSets.queries(BATCH, dim, DataSets.SEED + 1);
        }
    }

    /** Each thread's turn through the batch's queries, one at a time. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        float[] nextQuery(Batch b) {
            float[] q = b.queries[next];
            next = (next + 1) % BATCH;
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
     * Time per query of a knnBatch of {@value #BATCH} on one or two workers: compare one worker
     * with {@link #knnOneAtATime}, and two workers with one.
     */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @OperationsPerInvocation(BATCH)
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

    /** One-query searches per invocation of {@link #pythonKnn}: the pipe's round trip is shared by them. */
    static final int PYTHON_REPEAT = 32;

    /** Batches of {@value #BATCH} per invocation of {@link #pythonKnnBatch}. */
    static final int PYTHON_BATCHES = 2;

    /**
     * The peers outside Java on the data and queries of {@link Batch} (same seeds, written to
     * files): numpy with the BLAS it loads (Debian: OpenBLAS) and FAISS's IndexFlatL2, one thread.
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
            driver = PythonPeer.start(DataSets.uniform(dataset, dim, DataSets.SEED), DataSets.queries(BATCH, dim, DataSets.SEED + 1));
            driver.require(peer);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            driver.close();
        }
    }

    /** One query at a time in the peer, as {@link #knnOneAtATime}: the time per query. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @OperationsPerInvocation(PYTHON_REPEAT)
    public long pythonKnn(Outside o) {
        return o.driver.knn(o.peer, o.k, PYTHON_REPEAT);
    }

    /** The {@value #BATCH} queries at once in the peer, as {@link #knnBatch}: the time per query. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @OperationsPerInvocation(BATCH * PYTHON_BATCHES)
    public long pythonKnnBatch(Outside o) {
        return o.driver.batch(o.peer, o.k, PYTHON_BATCHES);
    }

    /**
     * Adding to a space, one vector per call; the gc profiler's {@code gc.alloc.rate.norm} is
     * the bytes allocated per add, to compare with the {@code 4 * dim} of the stored copy (and
     * 8 of its id). A fresh space every {@value #ADDS_PER_SPACE} adds bounds the heap; its own
     * allocation is shared by that many calls.
     */
    @State(Scope.Thread)
    public static class Adding {
        static final int ADDS_PER_SPACE = 100_000;

        @Param({"256"})
        public int dim;

        LatentConfig config;
        float[][] vectors;
        LatentSpace space;
        int added;

        @Setup(Level.Trial)
        public void setUp() {
            config = Spaces.config(dim, "euclidean", "standard");
            vectors = DataSets.uniform(64, dim, DataSets.SEED);
        }

        LatentSpace space() {
            if (space == null || added == ADDS_PER_SPACE) {
                space = LatentSpace.create(config);
                added = 0;
            }
            added++;
            return space;
        }
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public long add(Adding a) {
        return a.space().add(a.vectors[a.added & 63]);
    }

    /**
     * Builds a space of {@code buildSize} vectors once per iteration; the heap profiler reports
     * retained and peak MB and their ratio ({@code peak.over.retained}), the build's memory
     * overhead. Peak here is the largest heap in use sampled during the build (see
     * {@link Building#sample}), garbage not yet collected included.
     */
    @State(Scope.Thread)
    public static class Building {
        @Param({"100000"})
        public int buildSize;

        @Param({"256"})
        public int dim;

        /** Adds between two looks at the heap in use. */
        static final int SAMPLE_EVERY = 1024;

        LatentConfig config;
        float[][] vectors;
        LatentSpace space;
        final HeapMeter meter = new HeapMeter();
        long baseline;
        long maxUsed;

        @Setup(Level.Trial)
        public void setUp() {
            config = Spaces.config(dim, "euclidean", "standard");
            vectors = DataSets.uniform(buildSize, dim, DataSets.SEED);
        }

        @Setup(Level.Iteration)
        public void before() {
            space = null;
            meter.start();
            baseline = used();
            maxUsed = baseline;
        }

        /**
         * The heap in use now, garbage included. The heap meter's own peak adds up each pool's
         * peak (eden's, then the old generation's after promotion), counting promoted rows
         * twice; the largest sampled total is the peak the build really had in use.
         */
        void sample() {
            maxUsed = Math.max(maxUsed, used());
        }

        @TearDown(Level.Iteration)
        public void after() {
            sample();
            MemoryProbe.Sample s = meter.finish(space.memoryBytes(), space.size());
            MemoryProbe.record(new MemoryProbe.Sample(s.retainedBytes(), maxUsed - baseline, s.engineBytes(), s.vectors()));
            space = null;
        }

        private static long used() {
            Runtime r = Runtime.getRuntime();
            return r.totalMemory() - r.freeMemory();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Fork(value = 2, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", HeapMeter.EXACT_GC, HeapMeter.COMPACT_FULLY})
    public LatentSpace buildPeak(Building b) {
        LatentSpace s = LatentSpace.create(b.config);
        float[][] vectors = b.vectors;
        for (int i = 0; i < vectors.length; i++) {
            s.add(vectors[i]);
            if (i % Building.SAMPLE_EVERY == 0) {
                b.sample();
            }
        }
        b.space = s;
        return s;
    }

    /** The stored rows as separate arrays, the layout Lucene's whole-array API needs. */
    @State(Scope.Thread)
    public static class Rows {
        @Param({SCALAR, PANAMA, LUCENE})
        public String impl;

        @Param({"10000"})
        public int dataset;

        @Param({"256"})
        public int dim;

        PairKernel kernel;
        float[][] rows;
        float[] query;

        @Setup(Level.Trial)
        public void setUp() {
            kernel = PairKernel.of(impl);
            rows = DataSets.uniform(dataset, dim, DataSets.SEED);
            query = DataSets.query(dim, DataSets.SEED);
        }
    }

    /** One query's squared distance to every stored row: the arithmetic of a brute-force knn. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public float scanSquareDistance(Rows s) {
        float best = Float.MAX_VALUE;
        for (float[] row : s.rows) {
            best = Math.min(best, s.kernel.squareDistance(s.query, row));
        }
        return best;
    }

    @State(Scope.Thread)
    public static class Flat {
        @Param({"10000", "100000"})
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
        @Param({PANAMA, SCALAR})
        public String impl;

        @Param({"10000", "100000"})
        public int dataset;

        @Param({"256"})
        public int dim;

        @Param({"10", "100"})
        public int k;

        LatentSpace space;
        float[] query;

        @Setup(Level.Trial)
        public void setUp() {
            VectorKernels kernels = engineKernels(impl);
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
