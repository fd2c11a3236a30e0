package io.latentbench.workbench.bench.suites.peers;

import io.latentbench.engine.LatentConfig;
import io.latentbench.engine.LatentSpace;
import io.latentbench.workbench.bench.DataSets;
import io.latentbench.workbench.bench.HeapMeter;
import io.latentbench.workbench.bench.MemoryProbe;
import io.latentbench.workbench.bench.Spaces;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.TearDown;

/**
 * The bytes one add allocates, and the peak heap of a 100k x 256 build over its retained size.
 */
@BenchmarkMode(Mode.AverageTime)
@Fork(value = 2, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class BuildBenchmarks {

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
}
