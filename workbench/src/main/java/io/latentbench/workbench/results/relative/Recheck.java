package io.latentbench.workbench.results.relative;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which benchmarks of a relative run are measured again with fresh pairs once their first pairs
 * are in, and for how long. The rule belongs to whoever judges the run (its thresholds); the
 * runner only asks.
 *
 * <p>Fresh pairs come in rounds of {@link #ROUND}; after each round the rule says whether the
 * pairs so far are worth another ({@link #goOn}), so that a benchmark the first pairs picked by
 * chance need not run all of them.
 */
@FunctionalInterface
public interface Recheck {

    /** Fresh pairs per round (fewer in the last when fewer are left). */
    int ROUND = 5;

    /** No confirmation stage: every benchmark is judged on its first pairs. */
    Recheck NEVER = first -> false;

    /** Whether {@code first} (its first pairs only) needs confirmation pairs. */
    boolean wanted(PairedBenchmark first);

    /**
     * Whether {@code soFar}, with the fresh pairs it holds, should get another round; by default
     * it gets every pair the run allows.
     */
    default boolean goOn(PairedBenchmark soFar) {
        return true;
    }

    /** Measures {@code count} fresh pairs of one benchmark, numbered from {@code from}. */
    @FunctionalInterface
    interface Round {
        List<ForkPair> measure(int from, int count) throws IOException, InterruptedException;
    }

    /**
     * {@code first} measured again: rounds of fresh pairs from {@code round} until it holds
     * {@code pairs} of them or {@link #goOn} says no more. Call it for a benchmark this rule
     * {@link #wanted}.
     */
    default PairedBenchmark confirm(PairedBenchmark first, int pairs, Round round)
            throws IOException, InterruptedException {
        if (pairs < 1) {
            throw new IllegalArgumentException("confirmation pairs " + pairs + " must be 1 or more");
        }
        List<ForkPair> fresh = new ArrayList<>();
        PairedBenchmark soFar;
        do {
            int count = Math.min(ROUND, pairs - fresh.size());
            List<ForkPair> measured = round.measure(first.pairs().size() + fresh.size(), count);
            if (measured.size() != count) {
                throw new IllegalStateException("a round of " + count + " fresh pairs of " + first.key() + " gave "
                        + measured.size());
            }
            fresh.addAll(measured);
            soFar = first.confirmedBy(fresh);
        } while (fresh.size() < pairs && goOn(soFar));
        return soFar;
    }
}
