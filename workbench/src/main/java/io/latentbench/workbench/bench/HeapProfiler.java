package io.latentbench.workbench.bench;

import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Reports what a memory benchmark measured in its iteration (see {@link MemoryProbe}) as
 * secondary metrics averaged over iterations: {@code retained.mb} (heap after GC, after minus
 * before the build), {@code peak.mb} (heap in use during the build, garbage included),
 * {@code engine.mb} (the space's own {@code memoryBytes()}) and {@code bytes.per.vector}.
 * Iterations of other benchmarks record nothing and report nothing.
 */
public final class HeapProfiler implements InternalProfiler {

    private static final double MB = 1024.0 * 1024.0;

    public HeapProfiler() {}

    @Override
    public String getDescription() {
        return "latentbench: retained and peak heap of a memory benchmark's build";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        MemoryProbe.take();
    }

    @Override
    @SuppressWarnings("rawtypes") // the signature JMH's interface declares
    public Collection<? extends Result> afterIteration(
            BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
        MemoryProbe.Sample s = MemoryProbe.take();
        if (s == null) {
            return List.of();
        }
        return List.of(
                new ScalarResult("retained.mb", s.retainedBytes() / MB, "MB", AggregationPolicy.AVG),
                new ScalarResult("peak.mb", s.peakBytes() / MB, "MB", AggregationPolicy.AVG),
                new ScalarResult("engine.mb", s.engineBytes() / MB, "MB", AggregationPolicy.AVG),
                new ScalarResult("peak.over.retained",
                        s.retainedBytes() == 0 ? Double.NaN : (double) s.peakBytes() / s.retainedBytes(), "ratio",
                        AggregationPolicy.AVG),
                new ScalarResult("bytes.per.vector",
                        s.vectors() == 0 ? Double.NaN : (double) s.retainedBytes() / s.vectors(), "B/vector",
                        AggregationPolicy.AVG));
    }
}
