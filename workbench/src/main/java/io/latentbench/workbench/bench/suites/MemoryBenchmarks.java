package io.latentbench.workbench.bench.suites;

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
 * Building a space one vector at a time, once per iteration: the score is the build time;
 * the memory comes as secondary metrics (see HeapProfiler): retained MB measured as heap after
 * GC after minus before, cross-checked by the engine's memoryBytes(), peak MB during the
 * build, and bytes allocated per build from the gc profiler.
 *
 * <p>The forks run the serial collector, compacting fully ({@link HeapMeter#EXACT_GC}): heap
 * in use after its full collection is the live bytes, within a few KB of the engine's own
 * count. G1's figure wandered from 4d + 24 to 4d + 27 bytes per vector of a 100k x 256 build
 * whose live size is 4d + 9.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 2, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", HeapMeter.EXACT_GC, HeapMeter.COMPACT_FULLY})
public class MemoryBenchmarks {

    /**
     * The measuring shared by both states, with their JMH lifecycle; each state only declares
     * its parameter axes. Fields of the state, not static, for JMH's sake. Public: JMH's
     * generated code calls the inherited lifecycle methods from another package.
     */
    public abstract static class Build {
        LatentConfig config;
        float[][] data;
        LatentSpace space;
        final HeapMeter meter = new HeapMeter();

        abstract int datasetSize();

        abstract int dimension();

        @Setup(Level.Trial)
        public void prepare() {
            config = Spaces.config(dimension(), "euclidean", "standard");
            data = DataSets.uniform(datasetSize(), dimension(), DataSets.SEED);
        }

        @Setup(Level.Iteration)
        public void before() {
            space = null;
            meter.start();
        }

        @TearDown(Level.Iteration)
        public void after() {
            MemoryProbe.record(meter.finish(space.memoryBytes(), space.size()));
            space = null;
        }

        LatentSpace build() {
            LatentSpace s = LatentSpace.create(config);
            for (float[] v : data) {
                s.add(v);
            }
            space = s;
            return s;
        }
    }

    /** Build scaling: 1k to 100k vectors at d = 256. */
    @State(Scope.Thread)
    public static class Scaling extends Build {
        @Param({"1000", "5000", "10000", "50000", "100000"})
        public int dataset;

        @Param({"256"})
        public int dim;

        @Override
        int datasetSize() {
            return dataset;
        }

        @Override
        int dimension() {
            return dim;
        }
    }

    @Benchmark
    public LatentSpace buildScaling(Scaling s) {
        return s.build();
    }

    /** By dimension: 64 to 1024 floats at 10k vectors. */
    @State(Scope.Thread)
    public static class ByDimension extends Build {
        @Param({"10000"})
        public int dataset;

        @Param({"64", "128", "256", "512", "1024"})
        public int dim;

        @Override
        int datasetSize() {
            return dataset;
        }

        @Override
        int dimension() {
            return dim;
        }
    }

    @Benchmark
    public LatentSpace buildByDimension(ByDimension s) {
        return s.build();
    }
}
