package io.latentbench.workbench.results.relative;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How the forks of base and head are placed in a relative run.
 *
 * <ul>
 *   <li>{@code DUET}: a base fork and a head fork at the same time, each pinned to its own core,
 *       the two exchanging their cores every few tens of milliseconds while they run, so that both
 *       see the same machine at the same moment, neither keeps the faster core, and their
 *       iterations can be paired one to one (Bulej et al., ICPE 2020).</li>
 *   <li>{@code PINNED}: as duet, but each fork keeps its core for its whole run (which side gets
 *       which alternates from pair to pair): the duet of the paper, kept to measure what the
 *       exchange gains.</li>
 *   <li>{@code SHARED}: a base fork and a head fork at the same time, neither pinned, the
 *       scheduler sharing all cores between them: only when asked for (see {@link #forThreads}).</li>
 *   <li>{@code TURNS}: a base fork and a head fork alive at the same time, neither pinned, taking
 *       turns at every iteration (warm-up included): one runs it while the other waits, then the
 *       other, who goes first alternating. Each iteration has the whole machine, as in an interleaved
 *       pair, and is paired with its twin measured a second apart instead of a whole fork apart: how
 *       a duet runs a point on several threads or one that splits its calls over a pool. In A/A
 *       runs of 16 pairs the pairs' log ratios spread 6.1 % (two threads) and 8.0 % (knnBatch on two
 *       workers) against 9.5 % and 21.1 % interleaved, measured one after the other.</li>
 *   <li>{@code INTERLEAVED}: the two forks of a pair one after another, in a seeded random order
 *       (randomized multiple interleaved trials, Abedi and Brecht, ICPE 2017): for one-core machines.</li>
 * </ul>
 */
public enum Schedule {
    DUET,
    PINNED,
    SHARED,
    TURNS,
    INTERLEAVED;

    /** Base and head forks measure at the same time, so the machine needs a core for each. */
    public boolean together() {
        return this == DUET || this == PINNED || this == SHARED;
    }

    /** Base and head forks are alive at the same time and meet before every iteration. */
    public boolean meets() {
        return this != INTERLEAVED;
    }

    /** Each fork of a pair is pinned to a core of its own (and, in a duet, they exchange them). */
    public boolean pinned() {
        return this == DUET || this == PINNED;
    }

    /**
     * How this schedule runs a point on several threads: in turns where it would pin each fork to one
     * core (where its threads would take turns with each other). Not shared by default: two forks
     * sharing two cores are measured by how the scheduler splits the cores between them (pair ratios
     * 0.67-1.40 on identical code, their logs correlated 0.82 with the forks' ratio of CPU time per
     * wall second), and a CI dry run's gate called such a benchmark a Regression of +12.9 % on
     * unchanged code. Asked for by name, {@link #SHARED} still runs them so.
     */
    public Schedule forThreads() {
        return pinned() ? TURNS : this;
    }

    /**
     * How this schedule runs a point that splits each call over a pool's workers: never shared (a
     * worker taken off its core stalls the whole call: 8 times slower), so in turns where the forks
     * meet, else one fork after the other.
     */
    public Schedule forSplitCalls() {
        return meets() ? TURNS : INTERLEAVED;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Duet where the machine has two cores for it, else interleaved. */
    public static Schedule defaultFor(int cores) {
        return cores >= 2 ? DUET : INTERLEAVED;
    }

    public static Schedule parse(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (Schedule s : values()) {
            if (s.label().equals(n)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown schedule '" + name + "'; expected one of "
                + Arrays.stream(values()).map(Schedule::label).collect(Collectors.joining(", ")));
    }
}
