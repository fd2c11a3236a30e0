package io.latentbench.engine;

import io.latentbench.engine.vector.VectorKernels;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The mixture-of-experts partition: centroids from a deterministic k-means++ (seeded by the
 * config) and, per expert, the slots nearest to its centroid in insertion order.
 *
 * <p>Built lazily by the first MoE attention, extended on every add, and rebuilt when the
 * space has doubled since the last build. Readers work on an immutable-once-published
 * {@link Snapshot}; only writers (under the space's write lock) append to it.
 */
final class Experts {

    /** k-means runs on at most this many points; the rest are only assigned. */
    private static final int SAMPLE_LIMIT = 4096;
    private static final int LLOYD_ITERATIONS = 8;

    private final int numExperts;
    private final int dimension;
    private final long seed;
    private final VectorKernels kernels;
    private volatile Snapshot current;

    Experts(int numExperts, int dimension, long seed, VectorKernels kernels) {
        this.numExperts = numExperts;
        this.dimension = dimension;
        this.seed = seed;
        this.kernels = kernels;
    }

    /** The partition for the store as it is now, building or rebuilding it if due. */
    Snapshot current(VectorStore store) {
        Snapshot s = current;
        if (s != null && store.live() < 2L * s.builtAtLive) {
            return s;
        }
        synchronized (this) {
            s = current;
            if (s == null || store.live() >= 2L * s.builtAtLive) {
                s = build(store);
                current = s;
            }
            return s;
        }
    }

    /** Called under the write lock after an append. */
    void added(VectorStore store, int slot) {
        Snapshot s = current;
        if (s != null) {
            s.assign(slot, store);
        }
    }

    /** Called under the write lock before a slot becomes a tombstone. */
    void removed(int slot) {
        Snapshot s = current;
        if (s != null) {
            s.unassign(slot);
        }
    }

    /** Called under the write lock after a compaction moved the slots: keep the centroids, reassign. */
    void compacted(VectorStore store) {
        Snapshot s = current;
        if (s != null) {
            current = new Snapshot(s.centroids, s.builtAtLive, store);
        }
    }

    long memoryBytes() {
        Snapshot s = current;
        return s == null ? 0 : s.memoryBytes();
    }

    private Snapshot build(VectorStore store) {
        float[][] sample = sample(store);
        float[][] centroids = kMeans(sample);
        return new Snapshot(centroids, Math.max(1, store.live()), store);
    }

    /** Live rows at an even stride, so the sample does not depend on timing, only on content. */
    private static float[][] sample(VectorStore store) {
        int live = store.live();
        int take = Math.min(live, SAMPLE_LIMIT);
        float[][] sample = new float[take][];
        int seen = 0;
        int taken = 0;
        for (int slot = 0; slot < store.slots() && taken < take; slot++) {
            if (!store.isLive(slot)) {
                continue;
            }
            if ((long) seen * take / live == taken) {
                sample[taken++] = store.copyOf(slot);
            }
            seen++;
        }
        return taken == take ? sample : Arrays.copyOf(sample, taken);
    }

    private float[][] kMeans(float[][] points) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] centroids = new float[numExperts][];
        int n = points.length;
        centroids[0] = points[random.nextInt(n)].clone();
        double[] nearest = new double[n];
        Arrays.fill(nearest, Double.POSITIVE_INFINITY);
        for (int c = 1; c < numExperts; c++) {
            double total = 0.0;
            for (int i = 0; i < n; i++) {
                nearest[i] = Math.min(nearest[i], kernels.squareDistance(points[i], 0, centroids[c - 1], 0, dimension));
                total += nearest[i];
            }
            int pick;
            if (total == 0.0) {
                pick = random.nextInt(n); // every point coincides with a centroid already
            } else {
                double target = random.nextDouble() * total;
                pick = 0;
                for (double acc = nearest[0]; acc <= target && pick < n - 1; acc += nearest[++pick]) {
                    // walk to the point whose cumulative weight passes the target
                }
            }
            centroids[c] = points[pick].clone();
        }
        int[] assignment = new int[n];
        for (int iteration = 0; iteration < LLOYD_ITERATIONS; iteration++) {
            boolean changed = false;
            for (int i = 0; i < n; i++) {
                int best = nearestCentroid(centroids, points[i], 0);
                changed |= best != assignment[i] || iteration == 0;
                assignment[i] = best;
            }
            if (!changed) {
                break;
            }
            float[][] sums = new float[numExperts][dimension];
            int[] counts = new int[numExperts];
            for (int i = 0; i < n; i++) {
                kernels.axpy(1f, points[i], 0, sums[assignment[i]], 0, dimension);
                counts[assignment[i]]++;
            }
            for (int c = 0; c < numExperts; c++) {
                if (counts[c] > 0) { // an empty cluster keeps its centroid
                    kernels.scale(1f / counts[c], sums[c], 0, dimension);
                    centroids[c] = sums[c];
                }
            }
        }
        return centroids;
    }

    private int nearestCentroid(float[][] centroids, float[] data, int offset) {
        int best = 0;
        float bestDistance = Float.POSITIVE_INFINITY;
        for (int c = 0; c < centroids.length; c++) {
            float dist = kernels.squareDistance(centroids[c], 0, data, offset, dimension);
            if (dist < bestDistance) {
                bestDistance = dist;
                best = c;
            }
        }
        return best;
    }

    /** Centroids and the members of each expert. */
    final class Snapshot {
        final float[][] centroids;
        final int builtAtLive;
        private final int[][] members;
        private final int[] sizes;
        private final int[] liveMembers;
        private int[] expertOfSlot;

        private Snapshot(float[][] centroids, int builtAtLive, VectorStore store) {
            this.centroids = centroids;
            this.builtAtLive = builtAtLive;
            this.members = new int[numExperts][16];
            this.sizes = new int[numExperts];
            this.liveMembers = new int[numExperts];
            this.expertOfSlot = new int[Math.max(16, store.slots())];
            for (int slot = 0; slot < store.slots(); slot++) {
                if (store.isLive(slot)) {
                    assign(slot, store);
                }
            }
        }

        int[] members(int expert) {
            return members[expert];
        }

        int size(int expert) {
            return sizes[expert];
        }

        /** {@code q . c / sqrt(d)}: the gate's logit for an expert. */
        double affinity(float[] q, int expert) {
            return kernels.dotProduct(q, 0, centroids[expert], 0, dimension) / Math.sqrt(dimension);
        }

        /** The {@code topK} non-empty experts of highest affinity, best first (ties to the lower index). */
        int[] route(float[] q, int topK) {
            int candidates = 0;
            for (int e = 0; e < numExperts; e++) {
                if (liveMembers[e] > 0) {
                    candidates++;
                }
            }
            int[] chosen = new int[Math.min(topK, candidates)];
            double[] chosenAffinity = new double[chosen.length];
            int count = 0;
            for (int e = 0; e < numExperts; e++) {
                if (liveMembers[e] == 0) {
                    continue;
                }
                double a = affinity(q, e);
                int pos = count < chosen.length ? count++ : chosen.length;
                while (pos > 0 && a > chosenAffinity[pos - 1]) {
                    if (pos < chosen.length) {
                        chosen[pos] = chosen[pos - 1];
                        chosenAffinity[pos] = chosenAffinity[pos - 1];
                    }
                    pos--;
                }
                if (pos < chosen.length) {
                    chosen[pos] = e;
                    chosenAffinity[pos] = a;
                }
            }
            return chosen;
        }

        private void assign(int slot, VectorStore store) {
            int e = nearestCentroid(centroids, store.dataOf(slot), store.offsetOf(slot));
            if (sizes[e] == members[e].length) {
                members[e] = Arrays.copyOf(members[e], members[e].length * 2);
            }
            members[e][sizes[e]++] = slot;
            liveMembers[e]++;
            if (slot >= expertOfSlot.length) {
                expertOfSlot = Arrays.copyOf(expertOfSlot, Math.max(slot + 1, expertOfSlot.length * 2));
            }
            expertOfSlot[slot] = e;
        }

        private void unassign(int slot) {
            liveMembers[expertOfSlot[slot]]--;
        }

        private long memoryBytes() {
            long bytes = 16L + 4L * expertOfSlot.length;
            for (int e = 0; e < numExperts; e++) {
                bytes += 16L + 4L * members[e].length + 16L + 4L * dimension;
            }
            return bytes;
        }
    }
}
