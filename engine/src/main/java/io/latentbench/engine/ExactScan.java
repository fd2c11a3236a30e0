package io.latentbench.engine;

import java.util.List;

/**
 * Exact kNN of one query by brute force, a chunk at a time: one kernel call writes the rank
 * values of a whole chunk into a buffer (the query's loads shared by several rows per pass),
 * then selection walks the buffer and only rows that rank within the current k-th distance
 * cost a distance and a heap offer. With k much smaller than the space, almost every row is
 * rejected by one comparison.
 */
final class ExactScan {

    private final VectorStore store;
    private final Distances distances;

    ExactScan(VectorStore store, Distances distances) {
        this.store = store;
        this.distances = distances;
    }

    List<Neighbor> search(Distances.Query q, int k) {
        TopK top = new TopK(Math.min(k, Math.max(1, store.live())));
        int dim = store.dimension;
        float[] ranks = new float[store.chunkRows];
        float bound = Float.POSITIVE_INFINITY;
        for (int c = 0, chunks = store.chunkCount(); c < chunks; c++) {
            long[] ids = store.chunkIds(c);
            int rows = store.rowsInChunk(c);
            float[] data = store.chunkData(c);
            distances.rankRows(q, data, 0, rows, dim, store.chunkScalars(c), 0, ranks);
            for (int row = 0; row < rows; row++) {
                float rank = ranks[row];
                if (rank <= bound) {
                    long id = ids[row];
                    if (id != VectorStore.TOMBSTONE) {
                        top.offer(id, distances.distanceOf(q, rank, data, row * dim, dim));
                        bound = distances.rankBound(top.worst());
                    }
                }
            }
        }
        return top.drainAscending();
    }
}
