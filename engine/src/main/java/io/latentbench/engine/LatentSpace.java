package io.latentbench.engine;

import io.latentbench.engine.vector.VectorKernels;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.IntStream;

/**
 * A set of embeddings of one dimension with exact kNN search and attention over them.
 *
 * <p>Safe for concurrent use: readers (knn, attention, get) share a read lock and see a
 * consistent snapshot; writers (add, remove) are exclusive. Bad input is rejected with an
 * exception naming the value before anything changes, so it never corrupts the space.
 */
public final class LatentSpace {

    /** Compact once tombstones pass this fraction of the slots (and {@link #MIN_TOMBSTONES_TO_COMPACT}). */
    private static final double COMPACT_FRACTION = 0.25;
    private static final int MIN_TOMBSTONES_TO_COMPACT = 64;
    private final LatentConfig config;
    private final VectorKernels kernels;
    private final Distances distances;
    private final Attention attention;
    private final VectorStore store;
    private final IdIndex index;
    private final BatchSearch batchSearch;
    private final ExactScan exactScan;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private long nextId;

    private LatentSpace(LatentConfig config, VectorKernels kernels) {
        this.config = config;
        this.kernels = kernels;
        this.distances = new Distances(config.distanceMetric(), kernels);
        this.attention = new Attention(config, kernels);
        this.store = new VectorStore(config.dimension(), config.initialCapacity(), distances.keepsRowScalars());
        this.index = new IdIndex(store);
        this.batchSearch = new BatchSearch(store, distances, kernels);
        this.exactScan = new ExactScan(store, distances);
    }

    /** A new empty space; the config was validated when it was built. */
    public static LatentSpace create(LatentConfig config) {
        return create(config, VectorKernels.instance());
    }

    /** A new empty space on the given kernels, for comparing SIMD against the scalar reference. */
    public static LatentSpace create(LatentConfig config, VectorKernels kernels) {
        Objects.requireNonNull(config, "config must not be null");
        Objects.requireNonNull(kernels, "kernels must not be null");
        return new LatentSpace(config, kernels);
    }

    public LatentConfig config() {
        return config;
    }

    /** The kernels this space computes with ({@code panama-256}, {@code scalar}, ...). */
    public String kernels() {
        return kernels.name();
    }

    public int dimension() {
        return config.dimension();
    }

    public int size() {
        lock.readLock().lock();
        try {
            return store.live();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Adds an embedding under the next automatic id: one more than the largest id ever used
     * (0 in an empty space), whether that id was automatic or explicit. Ids run from 0 to
     * {@code Long.MAX_VALUE - 1}: after an explicit {@code Long.MAX_VALUE - 1} there is no next
     * automatic id and this throws {@link IllegalStateException}.
     */
    public long add(float[] vector) {
        Row stored = storable(vector, "vector");
        lock.writeLock().lock();
        try {
            long id = freeId();
            append(stored, id);
            return id;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Adds an embedding under a chosen id, which must be in {@code [0, Long.MAX_VALUE - 1]} and
     * not in use; the next automatic id becomes {@code id + 1} when that is larger. The largest
     * long is refused: the next automatic id after it would overflow.
     */
    public long add(float[] vector, long id) {
        if (id < 0 || id == Long.MAX_VALUE) {
            throw new IllegalArgumentException(id < 0 ? "id must be >= 0, got " + id
                    : "id " + id + " is refused: ids run to " + (Long.MAX_VALUE - 1)
                    + ", as the next automatic id (one more than the largest used) would overflow");
        }
        Row stored = storable(vector, "vector");
        lock.writeLock().lock();
        try {
            if (index.find(id) >= 0) {
                throw new IllegalArgumentException("id " + id + " is already in the space; remove it first or choose another id");
            }
            append(stored, id);
            return id;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Adds every embedding or, when any is invalid, none; returns their ids in order. */
    public long[] addAll(float[][] batch) {
        Objects.requireNonNull(batch, "batch must not be null");
        Row[] stored = new Row[batch.length];
        for (int i = 0; i < batch.length; i++) {
            stored[i] = storable(batch[i], "batch[" + i + "]");
        }
        lock.writeLock().lock();
        try {
            long[] ids = new long[batch.length];
            if (batch.length > 0 && nextId > Long.MAX_VALUE - batch.length) {
                throw new IllegalStateException("no " + batch.length + " free ids left after " + nextId);
            }
            for (int i = 0; i < stored.length; i++) {
                ids[i] = freeId();
                append(stored[i], ids[i]);
            }
            return ids;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * A copy of the stored embedding. For a hyperbolic space that is the point in the
     * Poincare ball the input was mapped to (in float, its radius capped at {@code 1 - 1e-5} of
     * the ball's): the space keeps the input itself, the tangent vector at the origin, and
     * computes distances from it, since float points near the ball's edge carry no precision.
     */
    public float[] get(long id) {
        lock.readLock().lock();
        try {
            return distances.toVisible(store.copyOf(slotOf(id)));
        } finally {
            lock.readLock().unlock();
        }
    }

    public boolean contains(long id) {
        lock.readLock().lock();
        try {
            return index.find(id) >= 0;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Removes an embedding; false when the id is not in the space. */
    public boolean remove(long id) {
        lock.writeLock().lock();
        try {
            int slot = index.find(id);
            if (slot < 0) {
                return false;
            }
            index.removed(id);
            if (attention.experts() != null) {
                attention.experts().removed(slot);
            }
            store.tombstone(slot);
            int tombstones = store.tombstones();
            if (tombstones >= MIN_TOMBSTONES_TO_COMPACT && tombstones > COMPACT_FRACTION * store.slots()) {
                store.compact();
                index.rebuild();
                if (attention.experts() != null) {
                    attention.experts().compacted(store);
                }
            }
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * The {@code k} nearest embeddings by exact brute force, ascending distance, ties by id;
     * fewer when the space holds fewer than {@code k} (k is clamped to the live rows).
     *
     * <p>Range: every finite input is either answered or rejected at {@code add} or here with
     * a message naming its norm. Euclidean, Manhattan and dot-product spaces take vectors of
     * norm up to 2^62 (about 4.6e18), so that no float sum overflows; below the normal float
     * range Euclidean distances are recomputed in double (a subnormal difference still has its
     * distance), and dot products are exact to the float rounding of their terms. Cosine takes
     * every finite non-zero vector: vectors of norm outside [2^-40, 2^40] are compared in double.
     * Hyperbolic takes every finite vector of norm up to 2^125 (about 4.3e37; a distance can be
     * twice the sum of the norms and must be a float): distances come from the norms and the
     * angle of the inputs by the hyperbolic law of cosines, never from a point near the ball's
     * edge, for any curvature (see {@code Similarities.hyperbolic}); inputs of norm outside
     * [2^-60, 2^60] are compared in double.
     */
    public List<Neighbor> knn(float[] query, int k) {
        checkK(k);
        Distances.Query q = distances.prepare(queryVector(query, "query"));
        lock.readLock().lock();
        try {
            return search(q, k);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * {@link #knn} for each query, all against the same snapshot, with identical answers.
     * Tiles of up to 32 queries run in parallel; for Euclidean, cosine and dot-product spaces each
     * tile is one blocked pass over the rows, which workers the tiles do not fill share (see
     * {@code BatchSearch}). The work runs on the fork-join
     * pool of the calling thread: the common pool from an ordinary thread, and only the workers
     * of {@code pool} when called as {@code pool.submit(() -> space.knnBatch(qs, requested)).join()}.
     * The same range of inputs as {@link #knn}; k is clamped to the live rows.
     */
    public List<List<Neighbor>> knnBatch(float[][] queries, int requested) {
        checkK(requested);
        Distances.Query[] prepared = prepareAll(queries);
        lock.readLock().lock();
        try {
            int k = Math.min(requested, Math.max(1, store.live()));
            boolean anyWide = Arrays.stream(prepared).anyMatch(Distances.Query::wide);
            if (!distances.rankableByDot() || prepared.length < 2 || anyWide) {
                return IntStream.range(0, prepared.length).parallel()
                        .mapToObj(i -> search(prepared[i], k))
                        .toList();
            }
            List<Neighbor>[] answers = BatchSearch.newAnswers(prepared.length);
            batchSearch.search(prepared, k, answers, q -> search(q, k));
            return List.of(answers);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Attention of the query over the stored embeddings with the configured type.
     *
     * <p>Range: the query and every stored key must have a norm of at most 2^62 (about 4.6e18),
     * so that no score (a dot product) overflows float; otherwise this throws naming the norm
     * (and the key's id). Euclidean, Manhattan and dot-product spaces hold no larger key; cosine
     * and hyperbolic ones may. In a hyperbolic space the keys and values are the stored inputs,
     * the tangent vectors at the origin, not their images in the ball ({@link #get}).
     */
    public float[] attention(float[] query) {
        float[] q = attentionQuery(query, "query");
        lock.readLock().lock();
        try {
            checkNotEmpty();
            checkKeys();
            return attention.compute(store, q);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** {@link #attention} for each query, in parallel, all against the same snapshot. */
    public float[][] attentionBatch(float[][] queries) {
        Objects.requireNonNull(queries, "queries must not be null");
        float[][] qs = new float[queries.length][];
        for (int i = 0; i < queries.length; i++) {
            qs[i] = attentionQuery(queries[i], "queries[" + i + "]");
        }
        lock.readLock().lock();
        try {
            checkNotEmpty();
            checkKeys();
            return IntStream.range(0, qs.length).parallel()
                    .mapToObj(i -> attention.compute(store, qs[i]))
                    .toArray(float[][]::new);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Bytes the space retains: the embeddings, their ids and the indexes over them. */
    public long memoryBytes() {
        lock.readLock().lock();
        try {
            long experts = attention.experts() == null ? 0 : attention.experts().memoryBytes();
            return store.memoryBytes() + index.memoryBytes() + experts;
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public String toString() {
        return "LatentSpace[dimension=" + dimension() + ", size=" + size()
                + ", metric=" + config.distanceMetric().label()
                + ", attention=" + config.attentionType().label()
                + ", kernels=" + kernels.name() + "]";
    }

    private List<Neighbor> search(Distances.Query q, int k) {
        return exactScan.search(q, k);
    }

    private void append(Row row, long id) {
        int slot = store.append(row.point(), id, row.scalar());
        index.added(id, slot);
        if (attention.experts() != null) {
            attention.experts().added(store, slot);
        }
        nextId = Math.max(nextId, id + 1);
    }

    private long freeId() {
        if (nextId == Long.MAX_VALUE) {
            throw new IllegalStateException("no free id left: id " + Long.MAX_VALUE + " is the largest");
        }
        return nextId;
    }

    private int slotOf(long id) {
        int slot = index.find(id);
        if (slot < 0) {
            throw new NoSuchElementException("no embedding with id " + id + " in this space");
        }
        return slot;
    }

    /** A validated input as the store keeps it: the point and its row scalar. */
    private record Row(float[] point, float scalar) {}

    private Row storable(float[] vector, String what) {
        checkVector(vector, what);
        distances.checkUsable(vector, what);
        return new Row(distances.toStored(vector), distances.rowScalar(vector));
    }

    private float[] queryVector(float[] query, String what) {
        checkVector(query, what);
        distances.checkUsable(query, what);
        return query;
    }

    private float[] attentionQuery(float[] query, String what) {
        checkVector(query, what);
        Distances.checkNorm(Math.sqrt(Distances.squaredNorm(query)), Distances.MAX_NORM, what, "attention scores would overflow float");
        return query;
    }

    /** Keys are bounded by add, except in the spaces whose metric takes any norm: those keep it as row scalar. */
    private void checkKeys() {
        if (!distances.keepsRowScalars()) {
            return;
        }
        for (int slot = 0, slots = store.slots(); slot < slots; slot++) {
            if (store.isLive(slot) && store.rowScalar(slot) > Distances.MAX_NORM) {
                Distances.checkNorm(store.rowScalar(slot), Distances.MAX_NORM, "key " + store.idOf(slot),
                        "attention scores would overflow float");
            }
        }
    }

    private Distances.Query[] prepareAll(float[][] queries) {
        Objects.requireNonNull(queries, "queries must not be null");
        Distances.Query[] prepared = new Distances.Query[queries.length];
        for (int i = 0; i < queries.length; i++) {
            prepared[i] = distances.prepare(queryVector(queries[i], "queries[" + i + "]"));
        }
        return prepared;
    }

    private void checkVector(float[] v, String what) {
        if (v == null) {
            throw new IllegalArgumentException(what + " must not be null");
        }
        if (v.length != config.dimension()) {
            throw new IllegalArgumentException(what + " has dimension " + v.length
                    + ", expected " + config.dimension());
        }
        for (int i = 0; i < v.length; i++) {
            if (!Float.isFinite(v[i])) {
                throw new IllegalArgumentException(what + "[" + i + "] is " + v[i]
                        + "; embeddings must be finite (no NaN or infinity)");
            }
        }
    }

    private static void checkK(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
    }

    private void checkNotEmpty() {
        if (store.live() == 0) {
            throw new IllegalStateException("attention over an empty space: add embeddings first");
        }
    }

    /** For tests: the ids in slot order, tombstones excluded. */
    long[] idsInOrder() {
        lock.readLock().lock();
        try {
            return IntStream.range(0, store.slots()).filter(store::isLive)
                    .mapToLong(store::idOf).toArray();
        } finally {
            lock.readLock().unlock();
        }
    }
}
