package io.latentbench.workbench.results.relative;

import java.util.List;
import java.util.Objects;

/**
 * A base fork and a head fork that belong together: in a duet run they ran at the same time
 * (base on {@code baseCore}, head on {@code headCore}); interleaved, one after the other.
 *
 * @param order     "together" (duet), "base-first" or "head-first" (interleaved)
 * @param baseCore  the core the base fork was pinned to, -1 when not pinned
 * @param headCore  the core the head fork was pinned to, -1 when not pinned
 * @param base      the base fork's measurement iterations, in order
 * @param head      the head fork's measurement iterations, in order
 */
public record ForkPair(int index, String order, int baseCore, int headCore, List<Double> base, List<Double> head) {

    public ForkPair {
        Objects.requireNonNull(order, "order");
        base = List.copyOf(base);
        head = List.copyOf(head);
        if (base.isEmpty() || head.isEmpty()) {
            throw new IllegalArgumentException("fork pair " + index + " has no iterations on the "
                    + (base.isEmpty() ? "base" : "head") + " side");
        }
    }

    /** Whether iteration i of one side ran at the same time as iteration i of the other. */
    public boolean iterationsAligned() {
        return order.equals("together") && base.size() == head.size();
    }
}
