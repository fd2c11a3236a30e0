package io.latentbench.engine;

import io.latentbench.engine.vector.VectorKernels;

/**
 * The four attention types over the stored embeddings (keys = values, insertion order).
 * All run under the space's read lock; none modifies the store.
 */
final class Attention {

    private final AttentionType type;
    private final VectorKernels kernels;
    private final Experts experts; // MoE only

    /** Keys per block of the weighted sums (of the non-flash types): their row lists stay in L1. */
    private static final int ROW_BLOCK = 64;

    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    Attention(LatentConfig config, VectorKernels kernels) {
        this.type = config.attentionType();
        this.kernels = kernels;
        this.experts = type instanceof AttentionType.MoE moe
                ? new Experts(moe.numExperts(), config.dimension(), config.seed(), kernels)
                : null;
    }

    /** Null unless the space uses mixture-of-experts attention. */
    Experts experts() {
        return experts;
    }

    float[] compute(VectorStore store, float[] q) {
        int d = store.dimension;
        float[] out = new float[d];
        switch (type) {
            case AttentionType.Standard s -> attend(store, q, 1, null, 0, 1.0, true, out);
            case AttentionType.Flash f -> flash(store, q, f.blockSize(), out);
            case AttentionType.MultiHead m -> attend(store, q, m.numHeads(), null, 0, 1.0, true, out);
            case AttentionType.MoE moe -> mixture(store, q, moe.topK(), out);
        }
        return out;
    }

    /**
     * Softmax attention with {@code heads} heads (contiguous slices of the dimensions, each
     * with scale {@code 1/sqrt(width)}) over a subset of slots ({@code null}: every slot;
     * tombstones take no part), multiplied by {@code gate}. Standard is one head.
     *
     * <p>Three passes over blocks of keys: every head's score of a key from one read of the
     * key; the exponentials of a whole head's scores at once; the weighted sums of every head,
     * reading the keys in order a block at a time. When {@code fresh} (out is still zero) the
     * normalization is applied once to the output, else to the weights, so that the result is
     * added to what {@code out} holds.
     */
    private void attend(VectorStore store, float[] q, int heads, int[] subset, int subsetSize, double gate,
                        boolean fresh, float[] out) {
        int n = subset == null ? store.slots() : subsetSize;
        int d = store.dimension;
        int width = d / heads;
        float scale = (float) (1.0 / Math.sqrt(width));
        float[] scores = new float[heads * n];
        float[] max = new float[heads];
        java.util.Arrays.fill(max, Float.NEGATIVE_INFINITY);
        Scratch scratch = this.scratch.get().fit(ROW_BLOCK);
        boolean tombstones = store.tombstones() > 0;
        for (int start = 0; start < n; start += ROW_BLOCK) {
            int count = gather(store, subset, start, Math.min(ROW_BLOCK, n - start), scratch);
            kernels.segmentDots(q, scratch.rows, scratch.offsets, count, heads, width, scores, start, n);
            if (tombstones) {
                for (int i = 0; i < count; i++) {
                    if (!store.isLive(subset == null ? start + i : subset[start + i])) {
                        for (int h = 0; h < heads; h++) {
                            scores[h * n + start + i] = Float.NEGATIVE_INFINITY;
                        }
                    }
                }
            }
            for (int h = 0; h < heads; h++) {
                max[h] = Math.max(max[h], kernels.maxValue(scores, h * n + start, count));
            }
        }
        float[] norm = new float[heads];
        for (int h = 0; h < heads; h++) {
            // Scaling is monotone, so the largest scaled score is the scaled largest score.
            float shift = max[h] * scale;
            double sum = 0.0;
            for (int start = 0; start < n; start += ROW_BLOCK) {
                // Float sums of a block at a time: the error of a long float sum stays out of the total.
                sum += kernels.expShifted(scores, h * n + start, Math.min(ROW_BLOCK, n - start), scale, shift);
            }
            norm[h] = (float) (gate / sum);
            if (!fresh) {
                kernels.scale(norm[h], scores, h * n, n);
            }
        }
        for (int start = 0; start < n; start += ROW_BLOCK) {
            int count = gather(store, subset, start, Math.min(ROW_BLOCK, n - start), scratch);
            kernels.weightedSum(scores, start, n, scratch.rows, scratch.offsets, count, heads, width, out);
        }
        scratch.release();
        if (fresh) {
            for (int h = 0; h < heads; h++) {
                kernels.scale(norm[h], out, h * width, width);
            }
        }
    }

    /** Where the rows of slots {@code start .. start+count} (of the subset, if any) live; returns count. */
    private static int gather(VectorStore store, int[] subset, int start, int count, Scratch scratch) {
        for (int i = 0; i < count; i++) {
            int slot = subset == null ? start + i : subset[start + i];
            scratch.rows[i] = store.dataOf(slot);
            scratch.offsets[i] = store.offsetOf(slot);
        }
        return count;
    }

    /**
     * One pass over blocks of keys with an online softmax: a running maximum and sum, and
     * the output rescaled whenever the maximum grows. Each block is summed while its keys
     * are still in cache. Extra memory: one block of scores and row references, reused by the
     * thread, so a call allocates only its output whatever the number of keys.
     */
    private void flash(VectorStore store, float[] q, int blockSize, float[] out) {
        int d = store.dimension;
        float scale = (float) (1.0 / Math.sqrt(d));
        Scratch scratch = this.scratch.get().fit(blockSize);
        float[] scores = scratch.scores;
        float max = Float.NEGATIVE_INFINITY;
        double sum = 0.0;
        int slots = store.slots();
        boolean tombstones = store.tombstones() > 0;
        for (int start = 0; start < slots; start += blockSize) {
            int count = Math.min(slots - start, blockSize);
            gather(store, null, start, count, scratch);
            kernels.segmentDots(q, scratch.rows, scratch.offsets, count, 1, d, scores, 0, 0);
            if (tombstones) {
                for (int i = 0; i < count; i++) {
                    if (!store.isLive(start + i)) {
                        scores[i] = Float.NEGATIVE_INFINITY;
                    }
                }
            }
            // Scaling is monotone: the running maximum is kept unscaled and scaled when used.
            float blockMax = kernels.maxValue(scores, 0, count);
            if (blockMax == Float.NEGATIVE_INFINITY) {
                continue; // a block of tombstones
            }
            if (blockMax > max) {
                if (max != Float.NEGATIVE_INFINITY) {
                    float correction = (float) Math.exp(max * scale - blockMax * scale);
                    kernels.scale(correction, out, 0, d);
                    sum *= correction;
                }
                max = blockMax;
            }
            sum += kernels.expShifted(scores, 0, count, scale, max * scale);
            kernels.weightedSum(scores, 0, 0, scratch.rows, scratch.offsets, count, 1, d, out);
        }
        scratch.release();
        kernels.scale((float) (1.0 / sum), out, 0, d);
    }

    /** Gate over the topK experts whose centroids best match the query, each attended alone. */
    private void mixture(VectorStore store, float[] q, int topK, float[] out) {
        Experts.Snapshot snapshot = experts.current(store);
        int[] chosen = snapshot.route(q, topK);
        double[] logits = new double[chosen.length];
        double maxLogit = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < chosen.length; i++) {
            logits[i] = snapshot.affinity(q, chosen[i]);
            maxLogit = Math.max(maxLogit, logits[i]);
        }
        double total = 0.0;
        for (int i = 0; i < chosen.length; i++) {
            logits[i] = Math.exp(logits[i] - maxLogit);
            total += logits[i];
        }
        for (int i = 0; i < chosen.length; i++) {
            int e = chosen[i];
            attend(store, q, 1, snapshot.members(e), snapshot.size(e), logits[i] / total, i == 0, out);
        }
    }

    /**
     * Per-thread buffers for one block of keys: the scores and where each key's row lives.
     * Held only for the duration of one call on the thread.
     */
    private static final class Scratch {
        float[] scores = new float[0];
        float[][] rows = new float[0][];
        int[] offsets = new int[0];

        Scratch fit(int block) {
            if (scores.length < block) {
                scores = new float[block];
                rows = new float[block][];
                offsets = new int[block];
            }
            return this;
        }

        /** Drops the row references so that a removed chunk is not kept alive by an idle thread. */
        void release() {
            java.util.Arrays.fill(rows, null);
        }
    }
}
