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
 *       scheduler sharing all cores between them: how a duet runs a point on several threads,
 *       which pinned to one core would measure its threads taking turns.</li>
 *   <li>{@code INTERLEAVED}: the two forks of a pair one after another, in a seeded random order
 *       (randomized multiple interleaved trials, Abedi and Brecht, ICPE 2017): for one-core machines.</li>
 * </ul>
 */
public enum Schedule {
    DUET,
    PINNED,
    SHARED,
    INTERLEAVED;

    /** Base and head forks run at the same time. */
    public boolean together() {
        return this != INTERLEAVED;
    }

    /** Each fork of a pair is pinned to a core of its own (and, in a duet, they exchange them). */
    public boolean pinned() {
        return this == DUET || this == PINNED;
    }

    /**
     * How this schedule runs a point on several threads: one fork after the other where it would pin
     * each fork to one core (where its threads would take turns). Not shared by default: two forks
     * sharing two cores are measured by how the scheduler splits the cores between them (pair ratios
     * 0.67-1.40 on identical code, their logs correlated 0.82 with the forks' ratio of CPU time per
     * wall second), and a CI dry run's gate called such a benchmark a Regression of +12.9 % on
     * unchanged code. Asked for by name, {@link #SHARED} still runs them so.
     */
    public Schedule forThreads() {
        return pinned() ? INTERLEAVED : this;
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
