package io.latentbench.engine;

/** One kNN hit. Neighbors order by ascending distance, ties by ascending id. */
public record Neighbor(long id, float distance) implements Comparable<Neighbor> {
    @Override
    public int compareTo(Neighbor other) {
        int byDistance = Float.compare(distance, other.distance);
        return byDistance != 0 ? byDistance : Long.compare(id, other.id);
    }
}
