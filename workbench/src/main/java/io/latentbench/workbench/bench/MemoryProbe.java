package io.latentbench.workbench.bench;

/**
 * Hands memory measurements from a benchmark's iteration teardown to {@link HeapProfiler},
 * which reports them as JMH secondary metrics. Both run in the same forked JVM, one iteration
 * at a time, so plain static fields suffice; {@link #take} clears them so a value is reported once.
 */
public final class MemoryProbe {

    /** One iteration's measurements; bytes, or vectors for the count. */
    public record Sample(long retainedBytes, long peakBytes, long engineBytes, long vectors) {}

    private static volatile Sample pending;

    private MemoryProbe() {}

    public static void record(Sample sample) {
        pending = sample;
    }

    static Sample take() {
        Sample s = pending;
        pending = null;
        return s;
    }
}
