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
            case AttentionType.Standard s -> attend(store, q, 0, d, null, 0, out);
            case AttentionType.Flash f -> flash(store, q, f.blockSize(), out);
            case AttentionType.MultiHead m -> {
                int width = d / m.numHeads();
                for (int h = 0; h < m.numHeads(); h++) {
                    attend(store, q, h * width, width, null, 0, out);
                }
            }
            case AttentionType.MoE moe -> mixture(store, q, moe.topK(), out);
        }
        return out;
    }

    /**
     * Softmax attention restricted to the dimensions {@code [from, from + width)} (one head,
     * scale {@code 1/sqrt(width)}) and to a subset of slots ({@code null}: every live slot),
     * written into the same dimensions of {@code out}.
     */
    private void attend(VectorStore store, float[] q, int from, int width, int[] subset, int subsetSize, float[] out) {
        int n = subset == null ? store.slots() : subsetSize;
        float scale = (float) (1.0 / Math.sqrt(width));
        float[] scores = new float[n];
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            int slot = subset == null ? i : subset[i];
            if (!store.isLive(slot)) {
                scores[i] = Float.NEGATIVE_INFINITY;
                continue;
            }
            float s = kernels.dotProduct(q, from, store.dataOf(slot), store.offsetOf(slot) + from, width) * scale;
            scores[i] = s;
            max = Math.max(max, s);
        }
        double sum = 0.0;
        for (int i = 0; i < n; i++) {
            if (scores[i] == Float.NEGATIVE_INFINITY) {
                continue;
            }
            int slot = subset == null ? i : subset[i];
            float w = (float) Math.exp(scores[i] - max);
            sum += w;
            kernels.axpy(w, store.dataOf(slot), store.offsetOf(slot) + from, out, from, width);
        }
        kernels.scale((float) (1.0 / sum), out, from, width);
    }

    /**
     * One pass over blocks of keys with an online softmax: a running maximum and sum, and
     * the output rescaled whenever the maximum grows. Extra memory: one block of scores.
     */
    private void flash(VectorStore store, float[] q, int blockSize, float[] out) {
        int d = store.dimension;
        float scale = (float) (1.0 / Math.sqrt(d));
        float[] scores = new float[blockSize];
        float max = Float.NEGATIVE_INFINITY;
        double sum = 0.0;
        int slots = store.slots();
        for (int start = 0; start < slots; start += blockSize) {
            int end = Math.min(slots, start + blockSize);
            float blockMax = Float.NEGATIVE_INFINITY;
            for (int slot = start; slot < end; slot++) {
                float s = store.isLive(slot)
                        ? kernels.dotProduct(q, 0, store.dataOf(slot), store.offsetOf(slot), d) * scale
                        : Float.NEGATIVE_INFINITY;
                scores[slot - start] = s;
                blockMax = Math.max(blockMax, s);
            }
            if (blockMax == Float.NEGATIVE_INFINITY) {
                continue; // a block of tombstones
            }
            if (blockMax > max) {
                if (max != Float.NEGATIVE_INFINITY) {
                    float correction = (float) Math.exp(max - blockMax);
                    kernels.scale(correction, out, 0, d);
                    sum *= correction;
                }
                max = blockMax;
            }
            for (int slot = start; slot < end; slot++) {
                float s = scores[slot - start];
                if (s == Float.NEGATIVE_INFINITY) {
                    continue;
                }
                float w = (float) Math.exp(s - max);
                sum += w;
                kernels.axpy(w, store.dataOf(slot), store.offsetOf(slot), out, 0, d);
            }
        }
        kernels.scale((float) (1.0 / sum), out, 0, d);
    }

    /** Gate over the topK experts whose centroids best match the query, each attended alone. */
    private void mixture(VectorStore store, float[] q, int topK, float[] out) {
        int d = store.dimension;
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
        float[] expertOut = chosen.length == 1 ? out : new float[d];
        for (int i = 0; i < chosen.length; i++) {
            int e = chosen[i];
            attend(store, q, 0, d, snapshot.members(e), snapshot.size(e), expertOut);
            if (expertOut != out) {
                kernels.axpy((float) (logits[i] / total), expertOut, 0, out, 0, d);
                java.util.Arrays.fill(expertOut, 0f);
            }
        }
    }
}
