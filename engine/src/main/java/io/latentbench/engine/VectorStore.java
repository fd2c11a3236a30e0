package io.latentbench.engine;

import java.util.Arrays;

/**
 * The embeddings, in insertion order, in fixed-size chunks so that growing never copies
 * the space: only the last chunk grows (doubling up to the chunk size), the rest never
 * move. A removed row becomes a tombstone (id {@link #TOMBSTONE}) and keeps its slot
 * until {@link #compact()} closes the gaps, still in insertion order. A store may keep one
 * float per row beside the vector (a "row scalar", such as a precomputed factor the metric
 * needs), chunked the same way.
 *
 * <p>Not thread-safe: {@link LatentSpace} guards it with a read-write lock.
 */
final class VectorStore {

    static final long TOMBSTONE = -1L;

    /**
     * Aim for chunks of about this many floats (64 KiB): large enough that a scan's per-chunk
     * work dwarfs its overhead, small because growing the tail chunk copies it. The garbage of
     * a build grows with the chunk size; with 128 KiB chunks a 100k x 256 build allocated 1.7x
     * its final size.
     */
    private static final int CHUNK_FLOATS = 16 * 1024;
    private static final int MAX_CHUNK_ROWS = 1024;
    private static final int FIRST_TAIL_ROWS = 8;
    private static final int SPARE_BYTES_PER_VECTOR = 7;

    final int dimension;
    final int chunkShift;
    final int chunkRows;
    private final int chunkMask;

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
        int chunks = Math.max(1, (initialCapacity + rows - 1) / rows);
        this.data = new float[chunks][];
        this.ids = new long[chunks][];
        this.scalars = keepsRowScalars ? new float[chunks][] : null;
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
        return (slots + chunkMask) >>> chunkShift;
    }

    /** Rows of chunk {@code c} that hold slots. */
    int rowsInChunk(int c) {
        return Math.min(chunkRows, slots - (c << chunkShift));
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
        return keepsRowScalars ? scalars[slot >>> chunkShift][slot & chunkMask] : 0f;
    }

    float[] dataOf(int slot) {
        return data[slot >>> chunkShift];
    }

    int offsetOf(int slot) {
        return (slot & chunkMask) * dimension;
    }

    long idOf(int slot) {
        return ids[slot >>> chunkShift][slot & chunkMask];
    }

    boolean isLive(int slot) {
        return idOf(slot) != TOMBSTONE;
    }

    /** Appends a row (already validated) and returns its slot. */
    int append(float[] vector, long id, float rowScalar) {
        int slot = slots;
        int c = slot >>> chunkShift;
        int row = slot & chunkMask;
        ensureRow(c, row);
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
        ids[slot >>> chunkShift][slot & chunkMask] = TOMBSTONE;
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
                ids[to >>> chunkShift][to & chunkMask] = id;
                if (keepsRowScalars) {
                    scalars[to >>> chunkShift][to & chunkMask] = rowScalar(from);
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

    /**
     * Rows the tail chunk gets beyond the one being added. Only the last chunk grows, and each
     * growth copies it, so the step trades garbage (a copy per step) against retained spare
     * capacity: proportional to the space, the spare bytes stay near
     * {@value #SPARE_BYTES_PER_VECTOR} per stored vector, and once a step reaches a whole
     * chunk (about 32k vectors at d = 256), chunks are allocated once at full size and adding
     * makes no garbage at all.
     */
    private int spareRows() {
        long spare = (long) slots * SPARE_BYTES_PER_VECTOR / (4L * dimension);
        return (int) Math.max(FIRST_TAIL_ROWS, Math.min(chunkRows, spare));
    }

    private void ensureRow(int c, int row) {
        if (c == data.length) {
            data = Arrays.copyOf(data, Math.max(4, data.length * 2));
            ids = Arrays.copyOf(ids, data.length);
            if (keepsRowScalars) {
                scalars = Arrays.copyOf(scalars, data.length);
            }
        }
        int capacityRows = data[c] == null ? 0 : ids[c].length;
        if (row < capacityRows) {
            return;
        }
        int newRows = Math.min(chunkRows, row + spareRows());
        data[c] = data[c] == null ? new float[newRows * dimension] : Arrays.copyOf(data[c], newRows * dimension);
        ids[c] = ids[c] == null ? new long[newRows] : Arrays.copyOf(ids[c], newRows);
        if (keepsRowScalars) {
            scalars[c] = scalars[c] == null ? new float[newRows] : Arrays.copyOf(scalars[c], newRows);
        }
    }
}
