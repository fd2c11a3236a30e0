package io.latentbench.workbench.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * Measures the heap a build retains and the heap it needs on the way, from the JVM's own
 * accounting: used heap after a full GC before and after the build (retained), and the sum
 * of the heap pools' peak usage during the build (peak; it includes garbage not collected
 * yet, so it is an upper bound of what the build needed live).
 */
public final class HeapMeter {

    /**
     * The collector for forks that measure retained bytes (with {@link #COMPACT_FULLY}): the
     * serial collector's full GC slides every live object together, so used heap after it is
     * the live bytes, where G1's also counts the unfilled ends of its regions (about 2 MB more
     * at a 100k x 256 build, varying from one run to the next).
     */
    public static final String EXACT_GC = "-XX:+UseSerialGC";

    /**
     * Without it the serial full GC may leave up to 5 % of the old generation dead in place,
     * counted as used: a 10k x 256 build measured 0 bytes retained after the first iteration,
     * its predecessor's garbage standing where the new space would have shown.
     */
    public static final String COMPACT_FULLY = "-XX:MarkSweepDeadRatio=0";

    private static final List<MemoryPoolMXBean> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP && p.isValid())
            .toList();

    private long before;

    /** Collects garbage, notes the heap in use and restarts the peak counters. */
    public void start() {
        before = settledUsedHeap();
        HEAP_POOLS.forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** Call while the built structure is still referenced. */
    public MemoryProbe.Sample finish(long engineBytes, long vectors) {
        long peak = 0;
        for (MemoryPoolMXBean p : HEAP_POOLS) {
            peak += p.getPeakUsage().getUsed();
        }
        long retained = settledUsedHeap() - before;
        return new MemoryProbe.Sample(Math.max(0, retained), Math.max(0, peak - before), engineBytes, vectors);
    }

    private static long settledUsedHeap() {
        // Two full collections: the first may only queue finalizable or weakly reachable objects.
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
