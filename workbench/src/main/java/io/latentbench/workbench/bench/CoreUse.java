package io.latentbench.workbench.bench;

/**
 * How a benchmark point uses the machine's cores, which decides how a relative run places the
 * forks of its pairs.
 */
public enum CoreUse {
    /** One call on one thread: a duet pins each fork to a core of its own. */
    ONE,
    /**
     * Threads that each run calls of their own (JMH threads): pinned to one core they would take
     * turns and measure another thing, so a duet runs their pairs one fork after the other
     * ({@link io.latentbench.workbench.results.relative.Schedule#forThreads}).
     */
    THREADS,
    /**
     * One call split over a pool's workers and joined (a parallel stream, a fork-join pool): its
     * pairs run one fork after the other. Shared with the other fork, a worker taken off its core
     * for a time slice stalls the whole call: knnBatch on two workers measured 8 times slower
     * that way, and still warming after its warm-up.
     */
    SPLIT
}
