package io.latentbench.engine;

import io.latentbench.engine.vector.QueryTile;
import io.latentbench.engine.vector.VectorKernels;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * kNN for a batch in tiles of queries, each tile in one pass over the rows (split between the
 * workers that share it, see {@link Plan}): each row is loaded once and its dot
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
     * Most queries per tile: two vectors of queries across the lanes of the tile kernel on AVX-512,
     * four on AVX2. Every tile reads the rows it is given once, so fewer, larger tiles read less.
     */
    static final int MAX_TILE = 32;

    /**
     * How a batch is split: {@code tiles} tiles of at most {@code tileSize} queries, each searched
     * over the chunks in {@code parts} parts, one part per worker. Workers that the tiles do not
     * fill share the rows of a tile rather than split its queries: two workers on a batch of 32
     * each took half the rows for all 32 queries, where two tiles of 16 each read every row with
     * half the kernel's lanes per broadcast.
     */
    record Plan(int tileSize, int tiles, int parts) {
        static Plan of(int queries, int workers, int chunks) {
            int tiles = Math.max(1, (queries + MAX_TILE - 1) / MAX_TILE);
            int tileSize = (queries + tiles - 1) / tiles;
            int parts = Math.max(1, Math.min(workers / tiles, chunks));
            return new Plan(tileSize, tiles, parts);
        }
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

    /**
     * Answers every query into {@code answers}, on the caller's pool ({@link #callerWorkers});
     * {@code exact} answers one query alone.
     */
    void search(Distances.Query[] queries, int k, List<Neighbor>[] answers,
                Function<Distances.Query, List<Neighbor>> exact) {
        int chunks = store.chunkCount();
        Plan plan = Plan.of(queries.length, callerWorkers(), chunks);
        Tile[] tiles = new Tile[plan.tiles()];
        for (int t = 0; t < tiles.length; t++) {
            tiles[t] = tile(queries, t * plan.tileSize(), Math.min(queries.length, (t + 1) * plan.tileSize()));
        }
        int keep = candidates(k, store.live());
        int parts = plan.parts();
        Ranked[] ranked = new Ranked[tiles.length * parts];
        IntStream.range(0, ranked.length).parallel().forEach(u -> ranked[u] = rank(tiles[u / parts], keep,
                (int) ((long) chunks * (u % parts) / parts), (int) ((long) chunks * (u % parts + 1) / parts)));
        float[] maxXX = new float[tiles.length];
        for (int u = 0; u < ranked.length; u++) {
            maxXX[u / parts] = Math.max(maxXX[u / parts], ranked[u].maxXX());
        }
        // Query by query, so that the rescoring, the serial end of a batch, is shared by every worker
        // (a tile at a time, one worker rescored all 32 queries of a shared tile: throughput.parallelKnn
        // at k = 100 and 10k rows lost 15.9 %).
        IntStream.range(0, queries.length).parallel().forEach(i -> {
            int t = i / plan.tileSize();
            int j = i - tiles[t].from();
            TopK merged = ranked[t * parts].best()[j];
            for (int p = 1; p < parts; p++) {
                for (Neighbor candidate : ranked[t * parts + p].best()[j].drainAscending()) {
                    merged.offer(candidate.id(), candidate.distance());
                }
            }
            answers[i] = rescore(queries[i], k, merged,
                    distances.rankError(tiles[t].qq()[j], maxXX[t], store.dimension), exact);
        });
    }

    /** Queries {@code [from, from + count)} laid out once for the tile kernel, with their squared norms and rank terms. */
    private record Tile(int from, QueryTile laidOut, float[] qq, float[] base, float[] scale) {
        int count() {
            return laidOut.count();
        }
    }

    private Tile tile(Distances.Query[] queries, int from, int to) {
        int dim = store.dimension;
        int count = to - from;
        float[] back = new float[count * dim];
        float[] qq = new float[count];
        for (int j = 0; j < count; j++) {
            float[] p = queries[from + j].point();
            System.arraycopy(p, 0, back, j * dim, dim);
            qq[j] = kernels.dotProduct(p, 0, p, 0, dim);
        }
        float[] base = new float[count];
        float[] scale = new float[count];
        distances.queryRankTerms(queries, from, count, qq, base, scale);
        return new Tile(from, kernels.queryTile(back, count, dim), qq, base, scale);
    }

    /** The best rows of each query of a tile by rank (slots for ids), and the largest squared norm among the rows read. */
    private record Ranked(TopK[] best, float maxXX) {
    }

    /** Ranks chunks {@code [firstChunk, endChunk)} for every query of the tile, keeping the best {@code keep} of each. */
    private Ranked rank(Tile tile, int keep, int firstChunk, int endChunk) {
        int dim = store.dimension;
        int count = tile.count();
        TopK[] ranked = new TopK[count];
        float[] bounds = new float[count];
        for (int j = 0; j < count; j++) {
            ranked[j] = new TopK(keep);
            bounds[j] = Float.POSITIVE_INFINITY;
        }
        int chunkRows = store.chunkRows;
        int stride = tile.laidOut().stride();
        float[] dots = new float[stride * chunkRows];
        float[] norms = new float[chunkRows];
        float[] terms = new float[chunkRows];
        float[] rowScales = new float[chunkRows];
        float maxXX = 0f;
        for (int c = firstChunk; c < endChunk; c++) {
            float[] data = store.chunkData(c);
            long[] ids = store.chunkIds(c);
            int firstSlot = store.firstSlot(c);
            int rows = store.rowsInChunk(c);
            // One tile per chunk: the chunk (64 KiB) stays in L2 while each block of queries
            // passes over it, so the rows are read from memory once per tile of queries.
            kernels.dotProductTile(tile.laidOut(), data, 0, rows, dots);
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
                for (long within = kernels.ranksWithin(dots, at, count, tile.base(), tile.scale(), terms[row],
                        rowScales[row], bounds); within != 0L; within &= within - 1) {
                    int j = Long.numberOfTrailingZeros(within);
                    float rank = dots[at + j];
                    // A NaN rank (no finite input gives one: the norms are bounded) is rescored, never dropped.
                    // Ranked by slot: the rescoring needs the row, the answer its id.
                    ranked[j].offer(firstSlot + row, rank == rank ? rank : Float.NEGATIVE_INFINITY);
                    bounds[j] = ranked[j].worst();
                }
            }
        }
        return new Ranked(ranked, maxXX);
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
