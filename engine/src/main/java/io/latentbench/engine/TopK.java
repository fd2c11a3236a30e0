package io.latentbench.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Bounded selection of the k nearest: a max-heap on (distance, id), so the root is the
 * worst of the kept candidates and a new one only costs a comparison unless it is better.
 */
final class TopK {

    private final int k;
    private final float[] distances;
    private final long[] ids;
    private int size;

    TopK(int k) {
        this.k = k;
        this.distances = new float[k];
        this.ids = new long[k];
    }

    int capacity() {
        return k;
    }

    /** The distance a candidate must beat (ties broken by id) once the heap is full. */
    float worst() {
        return size < k ? Float.POSITIVE_INFINITY : distances[0];
    }

    void offer(long id, float distance) {
        if (size < k) {
            int i = size++;
            distances[i] = distance;
            ids[i] = id;
            siftUp(i);
        } else if (before(distance, id, distances[0], ids[0])) {
            distances[0] = distance;
            ids[0] = id;
            siftDown(0);
        }
    }

    /** The kept candidates, nearest first. Empties the heap. */
    List<Neighbor> drainAscending() {
        Neighbor[] out = new Neighbor[size];
        for (int i = size - 1; i >= 0; i--) {
            out[i] = new Neighbor(ids[0], distances[0]);
            size--;
            distances[0] = distances[size];
            ids[0] = ids[size];
            siftDown(0);
        }
        List<Neighbor> result = new ArrayList<>(out.length);
        for (Neighbor n : out) {
            result.add(n);
        }
        return result;
    }

    /** True when (d1, id1) sorts before (d2, id2): smaller distance, then smaller id. */
    private static boolean before(float d1, long id1, float d2, long id2) {
        return d1 < d2 || (d1 == d2 && id1 < id2);
    }

    private void siftUp(int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!before(distances[parent], ids[parent], distances[i], ids[i])) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void siftDown(int i) {
        while (true) {
            int left = 2 * i + 1;
            if (left >= size) {
                return;
            }
            int right = left + 1;
            int largest = right < size && before(distances[left], ids[left], distances[right], ids[right])
                    ? right
                    : left;
            if (!before(distances[i], ids[i], distances[largest], ids[largest])) {
                return;
            }
            swap(i, largest);
            i = largest;
        }
    }

    private void swap(int a, int b) {
        float d = distances[a];
        distances[a] = distances[b];
        distances[b] = d;
        long id = ids[a];
        ids[a] = ids[b];
        ids[b] = id;
    }
}
