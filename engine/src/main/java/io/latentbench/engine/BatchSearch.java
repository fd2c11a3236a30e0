package io.latentbench.engine;

import io.latentbench.engine.vector.QueryTile;
import io.latentbench.engine.vector.VectorKernels;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.Function;

/**
 * kNN for a tile of queries in one pass over the rows: each row is loaded once and its dot
 * products with every query of the tile come from one kernel call (the faiss approach:
 * {@code |q|^2 + |x|^2 - 2 q.x}). That ranking is rounded differently from the exact
 * distance, so the best {@code k + margin} candidates are rescored with the exact kernel;
 * the answer is then identical to {@link LatentSpace#knn}. When a rounding-sized gap cannot
 * separate the k-th answer from the first row left out (near-ties), that query falls back
 * to the exact scan.
 */
final class BatchSearch {

    private final VectorStore store;
    private final Distances distances;
    private final VectorKernels kernels;

    BatchSearch(VectorStore store, Distances distances, VectorKernels kernels) {
        this.store = store;
        this.distances = distances;
        this.kernels = kernels;
    }

    /**
     * Most queries per tile. Every tile reads the whole space, so fewer, larger tiles read less;
     * on one worker a batch of 32 ran 17 % faster per query as one tile of 32 than as two of 16
     * (10k x 256, JMH A/B/A/B: 270 and 261 against 314 and 321 us).
     */
    static final int MAX_TILE = 32;

    /** Fewest queries per tile: one register block of the tile kernel. */
    static final int MIN_TILE = 4;

    /** Queries per tile: one tile per worker, within {@link #MIN_TILE} and {@link #MAX_TILE}. */
    static int tileSize(int queries, int workers) {
        int perWorker = (queries + workers - 1) / Math.max(1, workers);
        return Math.max(MIN_TILE, Math.min(MAX_TILE, perWorker));
    }

    /**
     * The threads a parallel stream started here runs on: the workers of the caller's fork-join
     * pool, or the common pool's and the calling thread, which joins in.
     */
    static int callerWorkers() {
        return ForkJoinTask.inForkJoinPool()
                ? ForkJoinTask.getPool().getParallelism()
                : ForkJoinPool.getCommonPoolParallelism() + 1;
    }

    /** Candidates kept per query before rescoring: a margin over k, never more than the live rows. */
    static int candidates(int k, int live) {
        return (int) Math.min((long) k + Math.max(16, k / 8), Math.max(1, live));
    }

    /** Answers {@code queries[from, to)} into {@code answers}; {@code exact} answers one query alone. */
    void search(Distances.Query[] queries, int from, int to, int k,
                List<Neighbor>[] answers, Function<Distances.Query, List<Neighbor>> exact) {
        int dim = store.dimension;
        int count = to - from;
        float[] tile = new float[count * dim];
        float[] qq = new float[count];
        for (int j = 0; j < count; j++) {
            float[] p = queries[from + j].point();
            System.arraycopy(p, 0, tile, j * dim, dim);
            qq[j] = kernels.dotProduct(p, 0, p, 0, dim);
        }
        QueryTile laidOut = kernels.queryTile(tile, count, dim);
        float[] base = new float[count];
        float[] scale = new float[count];
        distances.queryRankTerms(queries, from, count, qq, base, scale);
        int keep = candidates(k, store.live());
        TopK[] ranked = new TopK[count];
        float[] bounds = new float[count];
        for (int j = 0; j < count; j++) {
            ranked[j] = new TopK(keep);
            bounds[j] = Float.POSITIVE_INFINITY;
        }
        int chunkRows = store.chunkRows;
        int stride = laidOut.stride();
        float[] dots = new float[stride * chunkRows];
        float[] norms = new float[chunkRows];
        float[] terms = new float[chunkRows];
        float[] rowScales = new float[chunkRows];
        float maxXX = 0f;
        for (int c = 0, chunks = store.chunkCount(); c < chunks; c++) {
            float[] data = store.chunkData(c);
            long[] ids = store.chunkIds(c);
            int firstSlot = store.firstSlot(c);
            int rows = store.rowsInChunk(c);
            // One tile per chunk: the chunk (64 KiB) stays in L2 while each block of queries
            // passes over it, so the space is read from memory once per tile of queries.
            kernels.dotProductTile(laidOut, data, 0, rows, dots);
            // The norms cost one query's worth of the tile; the rank error needs their maximum.
            for (int row = 0; row < rows; row++) {
                norms[row] = kernels.dotProduct(data, row * dim, data, row * dim, dim);
                maxXX = Math.max(maxXX, norms[row]);
            }
            distances.rowRankTerms(norms, store.chunkScalars(c), rows, terms, rowScales);
            for (int row = 0; row < rows; row++) {
                if (ids[row] == VectorStore.TOMBSTONE) {
                    continue;
                }
                int at = row * stride;
                // Every query's rank of this row at once; most rows pass none of the bounds.
                for (long within = kernels.ranksWithin(dots, at, count, base, scale, terms[row], rowScales[row], bounds);
                     within != 0L; within &= within - 1) {
                    int j = Long.numberOfTrailingZeros(within);
                    float rank = dots[at + j];
                    // A NaN rank (no finite input gives one: the norms are bounded) is rescored, never dropped.
                    // Ranked by slot: the rescoring needs the row, the answer its id.
                    ranked[j].offer(firstSlot + row, rank == rank ? rank : Float.NEGATIVE_INFINITY);
                    bounds[j] = ranked[j].worst();
                }
            }
        }
        for (int j = 0; j < count; j++) {
            Distances.Query q = queries[from + j];
            answers[from + j] = rescore(q, k, ranked[j], distances.rankError(qq[j], maxXX, dim), exact);
        }
    }

    private List<Neighbor> rescore(Distances.Query q, int k, TopK ranked,
                                   float rankError, Function<Distances.Query, List<Neighbor>> exact) {
        boolean everyRowIsACandidate = store.live() <= ranked.capacity();
        float firstLeftOut = ranked.worst(); // no row outside the candidates ranks better
        List<Neighbor> candidates = ranked.drainAscending();
        TopK top = new TopK(Math.min(k, Math.max(1, candidates.size())));
        int dim = store.dimension;
        for (Neighbor candidate : candidates) {
            int slot = (int) candidate.id();
            float exactDistance = distances.distance(q, store.dataOf(slot), store.offsetOf(slot), dim, store.rowScalar(slot));
            top.offer(store.idOf(slot), exactDistance);
        }
        List<Neighbor> answer = top.drainAscending();
        if (everyRowIsACandidate || answer.size() < k) {
            return answer;
        }
        float kth = distances.inRankUnits(answer.get(answer.size() - 1).distance());
        return firstLeftOut - rankError > kth ? answer : exact.apply(q);
    }

    /** An array of answers to fill, one per query (Java has no generic array creation). */
    @SuppressWarnings("unchecked")
    static List<Neighbor>[] newAnswers(int n) {
        return (List<Neighbor>[]) new List<?>[n];
    }
}
