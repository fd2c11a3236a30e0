package io.latentbench.engine;

/**
 * Finds the slot of an id. While every id equals its slot (ids assigned by the space, no
 * removals) the mapping is the identity and costs no memory; the first explicit id that
 * breaks it, or the first removal, switches to an open-addressing table of slots keyed by
 * id, with linear probing and backward-shift deletion.
 */
final class IdIndex {

    private static final int EMPTY = -1;
    private static final int MIN_CAPACITY = 16;

    private final VectorStore store;
    private boolean identity = true;
    private int[] table;
    private int mask;
    private int count;

    IdIndex(VectorStore store) {
        this.store = store;
    }

    /** The slot holding {@code id}, or -1. */
    int find(long id) {
        if (identity) {
            return id >= 0 && id < store.slots() ? (int) id : -1;
        }
        for (int i = hash(id) & mask; ; i = (i + 1) & mask) {
            int slot = table[i];
            if (slot == EMPTY) {
                return -1;
            }
            if (store.idOf(slot) == id) {
                return slot;
            }
        }
    }

    /** Records a slot just appended to the store. */
    void added(long id, int slot) {
        if (identity) {
            if (id == slot) {
                return;
            }
            rebuild();
            return; // the rebuild already saw the new slot
        }
        if ((count + 1) * 4L > table.length * 3L) {
            rebuild();
            return;
        }
        insert(id, slot);
    }

    /** Forgets {@code id}, whose slot is about to become a tombstone. */
    void removed(long id) {
        if (identity) {
            identity = false;
            rebuildExcluding(id);
            return;
        }
        int i = hash(id) & mask;
        while (store.idOf(table[i]) != id) {
            i = (i + 1) & mask;
        }
        // Backward-shift deletion keeps every probe chain unbroken without tombstones.
        int hole = i;
        for (int j = (hole + 1) & mask; table[j] != EMPTY; j = (j + 1) & mask) {
            int home = hash(store.idOf(table[j])) & mask;
            boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
            if (movable) {
                table[hole] = table[j];
                hole = j;
            }
        }
        table[hole] = EMPTY;
        count--;
    }

    /** Re-reads every live slot; after a compaction the slots have moved. */
    void rebuild() {
        rebuildExcluding(VectorStore.TOMBSTONE);
    }

    long memoryBytes() {
        return table == null ? 0 : 16L + 4L * table.length;
    }

    private void rebuildExcluding(long skippedId) {
        identity = false;
        int needed = Math.max(MIN_CAPACITY, store.live() * 2);
        int capacity = Integer.highestOneBit(needed - 1) << 1;
        table = new int[capacity];
        java.util.Arrays.fill(table, EMPTY);
        mask = capacity - 1;
        count = 0;
        for (int slot = 0; slot < store.slots(); slot++) {
            long id = store.idOf(slot);
            if (id != VectorStore.TOMBSTONE && id != skippedId) {
                insert(id, slot);
            }
        }
    }

    private void insert(long id, int slot) {
        int i = hash(id) & mask;
        while (table[i] != EMPTY) {
            i = (i + 1) & mask;
        }
        table[i] = slot;
        count++;
    }

    private static int hash(long id) {
        long h = id * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
