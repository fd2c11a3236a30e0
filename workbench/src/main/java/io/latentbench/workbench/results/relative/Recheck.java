package io.latentbench.workbench.results.relative;

/**
 * Which benchmarks of a relative run are measured again with fresh pairs once their first pairs
 * are in. The rule belongs to whoever judges the run (its thresholds); the runner only asks.
 */
@FunctionalInterface
public interface Recheck {

    /** No confirmation stage: every benchmark is judged on its first pairs. */
    Recheck NEVER = first -> false;

    /** Whether {@code first} (its first pairs only) needs confirmation pairs. */
    boolean wanted(PairedBenchmark first);
}
