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

    /**
     * Keys per block of Standard's passes and of MultiHead's online softmax: their row lists
     * (and MultiHead's scores of every head) stay in L1.
     */
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
            case AttentionType.Standard s -> attend(store, q, null, 0, 1.0, true, out);
            case AttentionType.Flash f -> flash(store, q, 1, f.blockSize(), out);
            case AttentionType.MultiHead m -> flash(store, q, m.numHeads(), ROW_BLOCK, out);
            case AttentionType.MoE moe -> mixture(store, q, moe.topK(), out);
        }
        return out;
    }

    /**
     * Softmax attention over a subset of slots ({@code null}: every slot; tombstones take no
     * part), multiplied by {@code gate}: Standard, and each expert of MoE.
     *
     * <p>Three passes over blocks of keys: the scores; their exponentials; the weighted sums,
     * reading the keys in order a block at a time. When {@code fresh} (out is still zero) the
     * normalization is applied once to the output, else to the weights, so that the result is
     * added to what {@code out} holds.
     */
    private void attend(VectorStore store, float[] q, int[] subset, int subsetSize, double gate,
                        boolean fresh, float[] out) {
        int n = subset == null ? store.slots() : subsetSize;
        int d = store.dimension;
        float scale = (float) (1.0 / Math.sqrt(d));
        float[] scores = new float[n];
        float max = Float.NEGATIVE_INFINITY;
        Scratch scratch = this.scratch.get().fit(ROW_BLOCK, 1);
        boolean tombstones = store.tombstones() > 0;
        for (int start = 0; start < n; start += ROW_BLOCK) {
            int count = gather(store, subset, start, Math.min(ROW_BLOCK, n - start), scratch);
            kernels.segmentDots(q, scratch.rows, scratch.offsets, count, 1, d, scores, start, n);
            if (tombstones) {
                for (int i = 0; i < count; i++) {
                    if (!store.isLive(subset == null ? start + i : subset[start + i])) {
                        scores[start + i] = Float.NEGATIVE_INFINITY;
                    }
                }
            }
            max = Math.max(max, kernels.maxValue(scores, start, count));
        }
        // Scaling is monotone, so the largest scaled score is the scaled largest score.
        float shift = max * scale;
        double sum = 0.0;
        for (int start = 0; start < n; start += ROW_BLOCK) {
            // Float sums of a block at a time: the error of a long float sum stays out of the total.
            sum += kernels.expShifted(scores, start, Math.min(ROW_BLOCK, n - start), scale, shift);
        }
        float norm = (float) (gate / sum);
        if (!fresh) {
            kernels.scale(norm, scores, 0, n);
        }
        for (int start = 0; start < n; start += ROW_BLOCK) {
            int count = gather(store, subset, start, Math.min(ROW_BLOCK, n - start), scratch);
            kernels.weightedSum(scores, start, n, scratch.rows, scratch.offsets, count, 1, d, out);
        }
        scratch.release();
        if (fresh) {
            kernels.scale(norm, out, 0, d);
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
     * One pass over blocks of keys with an online softmax per head (heads are contiguous slices
     * of the dimensions, each with scale {@code 1/sqrt(width)}): a running maximum and sum per
     * head, and that head's slice of the output rescaled whenever its maximum grows. Every
     * head's score of a key comes from one read of the key, and each block is summed while its
     * keys are still in cache. Flash is one head; MultiHead takes this path too, so its heads
     * cost one pass over the keys, not Standard's two. Extra memory: one block of scores per
     * head and the block's row references, reused by the thread, so a call allocates only its
     * output whatever the number of keys.
     */
    private void flash(VectorStore store, float[] q, int heads, int blockSize, float[] out) {
        int d = store.dimension;
        int width = d / heads;
        float scale = (float) (1.0 / Math.sqrt(width));
        Scratch scratch = this.scratch.get().fit(blockSize, heads);
        float[] scores = scratch.scores;
        float[] max = scratch.max;
        double[] sum = scratch.sum;
        java.util.Arrays.fill(max, 0, heads, Float.NEGATIVE_INFINITY);
        java.util.Arrays.fill(sum, 0, heads, 0.0);
        int slots = store.slots();
        boolean tombstones = store.tombstones() > 0;
        for (int start = 0; start < slots; start += blockSize) {
            int count = Math.min(slots - start, blockSize);
            gather(store, null, start, count, scratch);
            kernels.segmentDots(q, scratch.rows, scratch.offsets, count, heads, width, scores, 0, blockSize);
            if (tombstones && maskTombstones(store, start, count, heads, blockSize, scores)) {
                continue; // a block of tombstones
            }
            for (int h = 0; h < heads; h++) {
                int at = h * blockSize;
                // Scaling is monotone: the running maximum is kept unscaled and scaled when used.
                float blockMax = kernels.maxValue(scores, at, count);
                if (blockMax > max[h]) {
                    if (max[h] != Float.NEGATIVE_INFINITY) {
                        float correction = (float) Math.exp(max[h] * scale - blockMax * scale);
                        kernels.scale(correction, out, h * width, width);
                        sum[h] *= correction;
                    }
                    max[h] = blockMax;
                }
                sum[h] += kernels.expShifted(scores, at, count, scale, max[h] * scale);
            }
            kernels.weightedSum(scores, 0, blockSize, scratch.rows, scratch.offsets, count, heads, width, out);
        }
        scratch.release();
        for (int h = 0; h < heads; h++) {
            kernels.scale((float) (1.0 / sum[h]), out, h * width, width);
        }
    }

    /**
     * Gives the removed keys of a block a score of minus infinity in every head, so that their
     * weight is zero; true when the whole block is removed (and must be skipped: its maximum
     * would be minus infinity too).
     */
    private static boolean maskTombstones(VectorStore store, int start, int count, int heads, int stride,
                                          float[] scores) {
        int live = count;
        for (int i = 0; i < count; i++) {
            if (!store.isLive(start + i)) {
                live--;
                for (int h = 0; h < heads; h++) {
                    scores[h * stride + i] = Float.NEGATIVE_INFINITY;
                }
            }
        }
        return live == 0;
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
            attend(store, q, snapshot.members(e), snapshot.size(e), logits[i] / total, i == 0, out);
        }
    }

    /**
     * Per-thread buffers for one block of keys: the scores of each head, where each key's row
     * lives, and each head's running maximum and sum. Held only for the duration of one call on
     * the thread.
     */
    private static final class Scratch {
        float[] scores = new float[0];
        float[][] rows = new float[0][];
        int[] offsets = new int[0];
        float[] max = new float[0];
        double[] sum = new double[0];

        Scratch fit(int block, int heads) {
            if (scores.length < block * heads) {
                scores = new float[block * heads];
            }
            if (rows.length < block) {
                rows = new float[block][];
                offsets = new int[block];
            }
            if (max.length < heads) {
                max = new float[heads];
                sum = new double[heads];
            }
            return this;
        }

        /** Drops the row references so that a removed chunk is not kept alive by an idle thread. */
        void release() {
            java.util.Arrays.fill(rows, null);
        }
    }
}
