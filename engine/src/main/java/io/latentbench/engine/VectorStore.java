package io.latentbench.engine;

import java.util.Arrays;

/**
 * The embeddings, in insertion order, in chunks that are each allocated once, at their final
 * size: growing never copies a row, so adding allocates the stored copy and nothing else. The
 * first chunks double in size (8, 8, 16, 32 rows and so on) up to the full chunk size, so that
 * a small space keeps at most as many spare rows as it has rows, and a large one at most one
 * chunk's worth. A removed row becomes a tombstone (id {@link #TOMBSTONE}) and keeps its slot
 * until {@link #compact()} closes the gaps, still in insertion order. A store may keep one
 * float per row beside the vector (a "row scalar", such as a precomputed factor the metric
 * needs), chunked the same way.
 *
 * <p>Not thread-safe: {@link LatentSpace} guards it with a read-write lock.
 */
final class VectorStore {

    static final long TOMBSTONE = -1L;

    /**
     * Aim for full chunks of about this many floats (64 KiB): large enough that a scan's
     * per-chunk work dwarfs its overhead and a batched search's tile of a chunk stays in L2,
     * small enough that the last chunk's spare rows weigh little.
     */
    private static final int CHUNK_FLOATS = 16 * 1024;
    private static final int MAX_CHUNK_ROWS = 1024;
    private static final int FIRST_CHUNK_ROWS = 8;

    final int dimension;
    /** Rows of a full chunk, a power of two; every chunk from the growth steps on is full. */
    final int chunkRows;
    private final int chunkShift;
    private final int chunkMask;
    /** Rows of the first chunk, a power of two, at most {@link #chunkRows}. */
    private final int firstRows;
    private final int firstShift;
    /** Chunks after the first one that are smaller than full: {@code log2(chunkRows / firstRows)}. */
    private final int growthSteps;

    private final boolean keepsRowScalars;
    private float[][] data;
    private long[][] ids;
    private float[][] scalars;
    private int slots;
    private int live;

    VectorStore(int dimension, int initialCapacity, boolean keepsRowScalars) {
        this.dimension = dimension;
        this.keepsRowScalars = keepsRowScalars;
        int rows = Math.max(1, Math.min(MAX_CHUNK_ROWS, Integer.highestOneBit(Math.max(1, CHUNK_FLOATS / dimension))));
        this.chunkRows = rows;
        this.chunkShift = Integer.numberOfTrailingZeros(rows);
        this.chunkMask = rows - 1;
        this.firstRows = Math.min(FIRST_CHUNK_ROWS, rows);
        this.firstShift = Integer.numberOfTrailingZeros(firstRows);
        this.growthSteps = chunkShift - firstShift;
        int chunks = initialCapacity <= 0 ? 1 : chunkOf(initialCapacity - 1) + 1;
        this.data = new float[chunks][];
        this.ids = new long[chunks][];
        this.scalars = keepsRowScalars ? new float[chunks][] : null;
    }

    /** The chunk that holds {@code slot}. */
    private int chunkOf(int slot) {
        if (slot >= chunkRows) {
            return (slot >>> chunkShift) + growthSteps;
        }
        if (slot < firstRows) {
            return 0;
        }
        // Chunk c in [1, growthSteps] starts at firstRows << (c - 1) and is as long.
        return 31 - Integer.numberOfLeadingZeros(slot) - firstShift + 1;
    }

    /** The first slot of chunk {@code c}. */
    int firstSlot(int c) {
        if (c <= growthSteps) {
            return c == 0 ? 0 : firstRows << (c - 1);
        }
        return (c - growthSteps) << chunkShift;
    }

    /** The rows chunk {@code c} is allocated with. */
    private int capacityOf(int c) {
        if (c <= growthSteps) {
            return c == 0 ? firstRows : firstRows << (c - 1);
        }
        return chunkRows;
    }

    /** The row of {@code slot} inside its chunk. */
    private int rowOf(int slot) {
        if (slot >= chunkRows) {
            return slot & chunkMask;
        }
        return slot < firstRows ? slot : slot - Integer.highestOneBit(slot);
    }

    /** Slots in use, tombstones included: the range every scan covers. */
    int slots() {
        return slots;
    }

    int live() {
        return live;
    }

    int tombstones() {
        return slots - live;
    }

    int chunkCount() {
        return slots == 0 ? 0 : chunkOf(slots - 1) + 1;
    }

    /** Rows of chunk {@code c} that hold slots. */
    int rowsInChunk(int c) {
        return Math.min(capacityOf(c), slots - firstSlot(c));
    }

    float[] chunkData(int c) {
        return data[c];
    }

    long[] chunkIds(int c) {
        return ids[c];
    }

    /** The row scalars of chunk {@code c}, or null when the store keeps none. */
    float[] chunkScalars(int c) {
        return keepsRowScalars ? scalars[c] : null;
    }

    float rowScalar(int slot) {
        return keepsRowScalars ? scalars[chunkOf(slot)][rowOf(slot)] : 0f;
    }

    float[] dataOf(int slot) {
        return data[chunkOf(slot)];
    }

    int offsetOf(int slot) {
        return rowOf(slot) * dimension;
    }

    long idOf(int slot) {
        return ids[chunkOf(slot)][rowOf(slot)];
    }

    boolean isLive(int slot) {
        return idOf(slot) != TOMBSTONE;
    }

    /** Appends a row (already validated) and returns its slot. */
    int append(float[] vector, long id, float rowScalar) {
        int slot = slots;
        int c = chunkOf(slot);
        int row = rowOf(slot);
        ensureChunk(c);
        System.arraycopy(vector, 0, data[c], row * dimension, dimension);
        ids[c][row] = id;
        if (keepsRowScalars) {
            scalars[c][row] = rowScalar;
        }
        slots++;
        live++;
        return slot;
    }

    void tombstone(int slot) {
        ids[chunkOf(slot)][rowOf(slot)] = TOMBSTONE;
        live--;
    }

    float[] copyOf(int slot) {
        int off = offsetOf(slot);
        return Arrays.copyOfRange(dataOf(slot), off, off + dimension);
    }

    /** Moves live rows down over the tombstones, keeping their order, and frees the chunks left empty. */
    void compact() {
        int to = 0;
        for (int from = 0; from < slots; from++) {
            long id = idOf(from);
            if (id == TOMBSTONE) {
                continue;
            }
            if (to != from) {
                System.arraycopy(dataOf(from), offsetOf(from), dataOf(to), offsetOf(to), dimension);
                ids[chunkOf(to)][rowOf(to)] = id;
                if (keepsRowScalars) {
                    scalars[chunkOf(to)][rowOf(to)] = rowScalar(from);
                }
            }
            to++;
        }
        slots = to;
        int keep = chunkCount();
        for (int c = keep; c < data.length; c++) {
            data[c] = null;
            ids[c] = null;
            if (keepsRowScalars) {
                scalars[c] = null;
            }
        }
    }

    long memoryBytes() {
        long bytes = 16L + 8L * data.length + 16L + 8L * ids.length + (keepsRowScalars ? 16L + 8L * scalars.length : 0);
        for (int c = 0; c < data.length; c++) {
            if (data[c] != null) {
                bytes += 16L + 4L * data[c].length + 16L + 8L * ids[c].length;
                if (keepsRowScalars) {
                    bytes += 16L + 4L * scalars[c].length;
                }
            }
        }
        return bytes;
    }

    private void ensureChunk(int c) {
        if (c == data.length) {
            data = Arrays.copyOf(data, Math.max(4, data.length * 2));
            ids = Arrays.copyOf(ids, data.length);
            if (keepsRowScalars) {
                scalars = Arrays.copyOf(scalars, data.length);
            }
        }
        if (data[c] == null) {
            int rows = capacityOf(c);
            data[c] = new float[rows * dimension];
            ids[c] = new long[rows];
            if (keepsRowScalars) {
                scalars[c] = new float[rows];
            }
        }
    }
}
