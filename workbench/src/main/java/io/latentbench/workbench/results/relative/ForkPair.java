package io.latentbench.workbench.results.relative;

import java.util.List;
import java.util.Objects;

/**
 * A base fork and a head fork that belong together: in a duet run they ran at the same time
 * (base on {@code baseCore}, head on {@code headCore}, or starting there and exchanging the two
 * cores while they ran, or unpinned, sharing the cores), or took turns at each iteration;
 * interleaved, one after the other.
 *
 * @param order     {@value #TOGETHER}, {@value #SWAPPED} or {@value #SHARED} (at the same time), {@value #TURNS},
 *                  "base-first" or "head-first" (interleaved)
 * @param baseCore  the core the base fork was pinned to (started on, when swapped), -1 when not pinned
 * @param headCore  the core the head fork was pinned to (started on, when swapped), -1 when not pinned
 * @param base      the base fork's measurement iterations, in order
 * @param head      the head fork's measurement iterations, in order
 */
public record ForkPair(int index, String order, int baseCore, int headCore, List<Double> base, List<Double> head) {

    /** Ran at the same time, each fork on its own core throughout. */
    public static final String TOGETHER = "together";
    /** Ran at the same time, the two forks exchanging their cores every few tens of milliseconds. */
    public static final String SWAPPED = "swapped";
    /** Ran at the same time, neither fork pinned: the scheduler shared all cores between them. */
    public static final String SHARED = "shared";
    /** Alive at the same time, unpinned, one fork running each iteration while the other waited. */
    public static final String TURNS = "turns";

    public ForkPair {
        Objects.requireNonNull(order, "order");
        base = List.copyOf(base);
        head = List.copyOf(head);
        if (base.isEmpty() || head.isEmpty()) {
            throw new IllegalArgumentException("fork pair " + index + " has no iterations on the "
                    + (base.isEmpty() ? "base" : "head") + " side");
        }
    }

    /** Whether iteration i of one side ran at the same time as iteration i of the other, or right beside it. */
    public boolean iterationsAligned() {
        return (order.equals(TOGETHER) || order.equals(SWAPPED) || order.equals(SHARED) || order.equals(TURNS))
                && base.size() == head.size();
    }

    /**
     * Which way round the pair sat on the cores for its whole run: the base's core, or -1 when its
     * forks were not pinned or exchanged their cores.
     */
    public int orientation() {
        return order.equals(TOGETHER) && baseCore != headCore ? baseCore : -1;
    }
}
