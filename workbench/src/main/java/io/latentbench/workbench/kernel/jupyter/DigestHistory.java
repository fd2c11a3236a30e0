package io.latentbench.workbench.kernel.jupyter;

import java.util.LinkedHashSet;
import java.util.SequencedSet;

/**
 * The signatures of the messages accepted so far, so that a message captured on the wire and sent again is
 * refused, as ipykernel's digest history does. Bounded: the oldest signatures go first once it is full.
 */
final class DigestHistory {

    static final int DEFAULT_CAPACITY = 1 << 16;

    private final int capacity;
    private final SequencedSet<String> seen = new LinkedHashSet<>();

    DigestHistory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a digest history holds at least one signature, not " + capacity);
        }
        this.capacity = capacity;
    }

    /** Records the signature; false if it was already there, that is the message is a replay. */
    synchronized boolean firstSighting(String signature) {
        if (!seen.add(signature)) {
            return false;
        }
        if (seen.size() > capacity) {
            seen.removeFirst();
        }
        return true;
    }
}
