package io.latentbench.workbench.bench;

/**
 * Which points of our suites are still compiling after a profile's warm-up when their fork shares
 * one core with its own JIT compiler, as in a relative run's duet. Their Vector API code runs
 * thousands of times slower before C2 compiles it (the attention kernels: 15 ms a call in the first
 * warm-up iteration against 4 us compiled), so few calls reach the compile thresholds in the
 * quick profile's three 400 ms iterations, and the measured iterations still fell from 89 to 12 to
 * 6 us: a pair then compares two JIT schedules rather than two revisions. A relative run gives
 * them {@link #FACTOR} times the warm-up iterations. So do the memory suite's builds, one build
 * per single-shot iteration: their first measured build still took twice the last.
 */
public final class SlowWarmup {

    /**
     * How many times the profile's warm-up iterations a slow point gets. With twice, in an A/A gate
     * run, knnBatch's measured iterations still fell from 1050 to 500 us (150 us compiled) in some
     * forks, and attention's first measured iteration was up to 1.7 times its last.
     */
    public static final int FACTOR = 4;

    private SlowWarmup() {}

    public static boolean of(BenchPoint point) {
        String method = point.method();
        return switch (point.suite()) {
            case ATTENTION_COMPARISON, FLASH_VS_STANDARD -> true;
            case LATENCY -> method.equals("attention");
            case THROUGHPUT -> method.equals("batchAttention") || method.equals("parallelKnn");
            case MATRIX -> Cores.use(point) == CoreUse.SPLIT; // knnBatch's 512-bit tile
            case PEERS -> method.equals("knnBatch");
            case MEMORY -> true;
            case DISTANCE_COMPARISON -> false;
        };
    }
}
